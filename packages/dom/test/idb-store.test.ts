import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@compagnon/core';
import { createIdbStore } from '../src/idb-store.ts';

const spyLog = () => ({ warn: vi.fn(), error: vi.fn() }) satisfies Logger;
let n = 0;
const fresh = (log = spyLog(), indexedDB: IDBFactory = new IDBFactory()) => ({
  log,
  store: createIdbStore({ log, dbName: `db-${++n}`, indexedDB }),
});

// Any rejection escaping the store would reach the host page's `unhandledrejection`.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.unstubAllGlobals();
});
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('createIdbStore on IndexedDB', () => {
  it('closes its connection on close() (an instance destroyed keeps none open), and opens again when used', async () => {
    const closed = vi.spyOn(IDBDatabase.prototype, 'close');
    const { store, log } = fresh();
    await store.set('k', 1);
    expect(closed).not.toHaveBeenCalled();
    store.close();
    await settle();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(await store.get('k')).toBe(1);
    expect(log.warn).not.toHaveBeenCalled();
    closed.mockRestore();
  });

  it('after close(), a late write still lands and closes the connection it reopened (a destroyed instance keeps none)', async () => {
    const closed = vi.spyOn(IDBDatabase.prototype, 'close');
    const opened = vi.spyOn(IDBFactory.prototype, 'open');
    const { store, log } = fresh();
    await store.set('k', 1);
    store.close();
    // Queued before destroy(), landing after it, several in one tick: none falls back to memory.
    await Promise.all([store.set('k', 2), store.update<number>('n', (v) => (v ?? 0) + 1), store.set('j', 3)]);
    await settle();
    expect(opened.mock.calls.length).toBeGreaterThan(1);
    expect(closed).toHaveBeenCalledTimes(opened.mock.calls.length);
    expect([await store.get('k'), await store.get('n'), await store.get('j')]).toEqual([2, 1, 3]);
    await settle();
    expect(closed).toHaveBeenCalledTimes(opened.mock.calls.length);
    expect(log.warn).not.toHaveBeenCalled();
    closed.mockRestore();
    opened.mockRestore();
  });

  it('retries a failed operation on a fresh connection, and closes the one that failed', async () => {
    const closed = vi.spyOn(IDBDatabase.prototype, 'close');
    const { store, log } = fresh();
    await store.set('k', 1);
    const tx = vi.spyOn(IDBDatabase.prototype, 'transaction')
      .mockImplementationOnce(() => { throw new DOMException('The database connection is closing.', 'InvalidStateError'); });
    await store.set('k', 2);
    await settle();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(await store.get('k')).toBe(2);
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
    tx.mockRestore();
    closed.mockRestore();
  });

  it('gets, sets, updates and deletes', async () => {
    const { store, log } = fresh();
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', { step: 2, seen: ['x'] });
    expect(await store.get('a')).toEqual({ step: 2, seen: ['x'] });
    expect(await store.update<number>('n', (old) => (old ?? 10) + 1)).toBe(11);
    expect(await store.update<number>('n', (old) => (old ?? 10) + 1)).toBe(12);
    await store.del('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('n')).toBe(12);
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('persists across instances of the same database (a reload)', async () => {
    const idb = new IDBFactory();
    await createIdbStore({ log: spyLog(), dbName: 'same', indexedDB: idb }).set('k', 'v');
    expect(await createIdbStore({ log: spyLog(), dbName: 'same', indexedDB: idb }).get('k')).toBe('v');
  });

  it('uses the global indexedDB and the "compagnon" database by default', async () => {
    const store = createIdbStore({ log: spyLog() });
    await store.set('default', 1);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toContain('compagnon');
    expect(store.mode).toBe('indexeddb');
  });

  it.each([
    { name: 'one store', stores: 1 },
    { name: 'two connections, like two tabs', stores: 2 },
  ])('keeps concurrent updates atomic: $name', async ({ stores }) => {
    const idb = new IDBFactory();
    const all = Array.from({ length: stores }, () => createIdbStore({ log: spyLog(), dbName: 'race', indexedDB: idb }));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => all[i % stores]!.update<number>('count', (old) => (old ?? 0) + 1)),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await all[0]!.get('count')).toBe(40);
  });

  it("rejects with the caller's own updater error and stays on IndexedDB", async () => {
    const { store, log } = fresh();
    const boom = new Error('bad updater');
    await expect(store.update('k', () => { throw boom; })).rejects.toBe(boom);
    await store.set('k', 1);
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('rejects a value IndexedDB cannot clone without abandoning IndexedDB', async () => {
    const { store } = fresh();
    await expect(store.set('fn', () => 1)).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(store.mode).toBe('indexeddb');
  });
});

// Factories that fail the way browsers do: missing, throwing synchronously, or a request that errors.
const throwingFactory = { open() { throw new DOMException('A mutation operation was attempted', 'InvalidStateError'); } };
const failingFactory = {
  open() {
    const request = { error: new DOMException('denied', 'UnknownError') } as unknown as IDBOpenDBRequest & Record<string, unknown>;
    setTimeout(() => (request.onerror as (e: Event) => void)(new Event('error', { cancelable: true })));
    return request;
  },
};
async function withoutStore() {
  // A database that exists at version 1 without our object stores, e.g. recreated by someone else, whose
  // connection stays open and never closes on versionchange (an older script in another tab) and so blocks
  // the upgrade that would add them.
  const idb = new IDBFactory();
  await new Promise((r) => (idb.open('bare').onsuccess = r));
  return idb;
}

describe('createIdbStore falls back to memory', () => {
  it.each([
    { name: 'indexedDB missing', factory: async () => undefined, global: true },
    { name: 'open throws synchronously', factory: async () => throwingFactory, global: false },
    { name: 'open request fails', factory: async () => failingFactory, global: false },
    { name: 'upgrade blocked by an open connection', factory: withoutStore, global: false },
  ])('$name: one warning, still working, no rejection', async ({ factory, global }) => {
    if (global) vi.stubGlobal('indexedDB', undefined);
    const log = spyLog();
    const idb = (await factory()) as IDBFactory | undefined;
    const store = createIdbStore({ log, dbName: 'bare', ...(global ? {} : { indexedDB: idb }) });
    await store.set('a', 1);
    expect(await store.update<number>('a', (old) => (old ?? 0) + 1)).toBe(2);
    expect(await store.get('a')).toBe(2);
    await store.del('a');
    expect(await store.get('a')).toBeUndefined();
    await settle();
    expect(store.mode).toBe('memory');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.error).not.toHaveBeenCalled();
    expect(unhandled).toEqual([]);
  });

  it('cancels the failed open request so the error does not surface', async () => {
    let event: Event | undefined;
    const factory = {
      open() {
        const request = { error: new DOMException('denied', 'UnknownError') } as unknown as IDBOpenDBRequest;
        setTimeout(() => request.onerror!.call(request, (event = new Event('error', { cancelable: true }))));
        return request;
      },
    } as unknown as IDBFactory;
    const store = createIdbStore({ log: spyLog(), indexedDB: factory });
    expect(await store.get('x')).toBeUndefined();
    expect(event?.defaultPrevented).toBe(true);
  });

  it('answers operations issued before the failed open settled', async () => {
    const log = spyLog();
    const store = createIdbStore({ log, indexedDB: failingFactory as unknown as IDBFactory });
    const early = [store.set('a', 'x'), store.get('a'), store.update<number>('n', () => 5)];
    expect(await Promise.all(early)).toEqual([undefined, 'x', 5]);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});
