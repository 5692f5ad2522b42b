import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory, forceCloseDatabase } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@compagnon/core';
import { createIdbOutboxStore } from '../src/outbox-store.ts';
import { createIdbStore } from '../src/idb-store.ts';

const spyLog = () => ({ warn: vi.fn(), error: vi.fn() }) satisfies Logger;
const ev = (id: string) => ({ id, type: 'step_viewed' as const, ts: '2026-01-01T00:00:00Z', app: 'a', session: 's', populations: [] });

// Each store as "write one value, read back what was written", so one table proves healing for both.
const stores = [
  {
    name: 'kv store',
    make: (log: Logger, idb: IDBFactory) => {
      const store = createIdbStore({ log, indexedDB: idb });
      return { store, write: (v: string) => store.set('k', v), read: () => store.get<string>('k') };
    },
  },
  {
    name: 'outbox store',
    make: (log: Logger, idb: IDBFactory) => {
      const store = createIdbOutboxStore({ log, app: 'a', indexedDB: idb });
      return {
        store,
        write: async (v: string) => (await store.remove((await store.peek(9)).map((e) => e.id)), store.append([ev(v)])),
        read: async () => (await store.peek(1))[0]?.id,
      };
    },
  },
];

const deleteDb = (idb: IDBFactory) =>
  new Promise<string>((resolve) => {
    const request = idb.deleteDatabase('compagnon');
    request.onsuccess = () => resolve('deleted');
    request.onblocked = () => resolve('blocked');
  });

// Connections the stores use, caught as they open transactions.
let connections: IDBDatabase[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  connections = [];
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
  const transaction = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
    connections.push(this);
    return transaction.apply(this, args);
  });
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
});

describe.each(stores)('$name heals', ({ make }) => {
  it('after the database is deleted mid-use: the deletion is not blocked, and writes land in the new one', async () => {
    const idb = new IDBFactory();
    const log = spyLog();
    const { store, write, read } = make(log, idb);
    await write('before');
    expect(await deleteDb(idb)).toBe('deleted');
    expect(await read()).toBeUndefined();
    await write('after');
    expect(await read()).toBe('after');
    // A reload reads it from the recreated database, so it was not kept in memory.
    expect(await make(spyLog(), idb).read()).toBe('after');
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
    expect(unhandled).toEqual([]);
  });

  it('after the browser closes the connection (close event)', async () => {
    const idb = new IDBFactory();
    const log = spyLog();
    const { store, write, read } = make(log, idb);
    await write('one');
    // fake-indexeddb types its parameter as the class rather than an instance.
    forceCloseDatabase(connections.at(-1)! as never);
    await write('two');
    expect(await read()).toBe('two');
    expect(new Set(connections).size).toBe(2);
    // Reopened on the event, not after a failed attempt on the dead connection.
    expect(vi.mocked(IDBDatabase.prototype.transaction).mock.results.map((r) => r.type)).not.toContain('throw');
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('retries once on a fresh connection after "The database connection is closing"', async () => {
    const idb = new IDBFactory();
    const log = spyLog();
    const { store, write, read } = make(log, idb);
    await write('one');
    const closing = new DOMException('The database connection is closing.', 'InvalidStateError');
    vi.mocked(IDBDatabase.prototype.transaction).mockImplementationOnce(() => {
      throw closing;
    });
    await write('two');
    expect(await read()).toBe('two');
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('falls back to memory, with one warning, when the retry fails too', async () => {
    const idb = new IDBFactory();
    const log = spyLog();
    const { store, write, read } = make(log, idb);
    await write('one');
    vi.mocked(IDBDatabase.prototype.transaction).mockImplementation(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    await write('two');
    expect(await read()).toBe('two');
    expect(store.mode).toBe('memory');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
  });

  it('opens a database another script recreated without our stores, once its connection is gone', async () => {
    const idb = new IDBFactory();
    const { store, write, read } = make(spyLog(), idb);
    await write('one');
    expect(await deleteDb(idb)).toBe('deleted');
    await new Promise<void>((r) => (idb.open('compagnon').onsuccess = function () { this.result.close(); r(); }));
    await write('two');
    expect(await read()).toBe('two');
    expect(store.mode).toBe('indexeddb');
  });
});
