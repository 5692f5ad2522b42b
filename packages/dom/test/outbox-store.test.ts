import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '@compagnon/core';
import { createIdbOutboxStore } from '../src/outbox-store.ts';
import { createIdbStore } from '../src/idb-store.ts';

const spyLog = () => ({ warn: vi.fn(), error: vi.fn() }) satisfies Logger;
let n = 0;
const ev = (id: string) => ({
  id,
  type: 'step_viewed' as const,
  ts: '2026-01-01T00:00:00.000Z',
  app: 'a',
  session: 's',
  populations: [],
});
const ids = (events: { id: string }[]) => events.map((e) => e.id);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('createIdbOutboxStore on IndexedDB', () => {
  it('appends, peeks oldest first, removes and counts', async () => {
    const log = spyLog();
    const store = createIdbOutboxStore({ log, app: 'a', dbName: `o-${++n}`, indexedDB: new IDBFactory() });
    await store.append([ev('3'), ev('1')]);
    await store.append([ev('2')]);
    expect(await store.count()).toBe(3);
    expect(ids(await store.peek(2))).toEqual(['3', '1']);
    expect(ids(await store.peek(10))).toEqual(['3', '1', '2']);
    expect(await store.peek(0)).toEqual([]);
    await store.remove(['1', 'unknown']);
    expect(ids(await store.peek(10))).toEqual(['3', '2']);
    await store.remove(['3', '2']);
    expect(await store.count()).toBe(0);
    expect(await store.peek(5)).toEqual([]);
    expect((await (store.append([ev('x')]), store.peek(1)))[0]).toEqual(ev('x'));
    expect(store.mode).toBe('indexeddb');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('keeps order within a large append and finds ids deep in the queue', async () => {
    const store = createIdbOutboxStore({ log: spyLog(), app: 'a', dbName: `o-${++n}`, indexedDB: new IDBFactory() });
    const all = Array.from({ length: 300 }, (_, i) => ev(`e${i}`));
    await store.append(all);
    expect(ids(await store.peek(300))).toEqual(ids(all));
    await store.remove(['e299', 'e0']);
    expect(await store.count()).toBe(298);
    expect(ids(await store.peek(1))).toEqual(['e1']);
  });

  it('scopes events by app, in one database shared by tabs and reloads', async () => {
    const idb = new IDBFactory();
    const make = (app: string) => createIdbOutboxStore({ log: spyLog(), app, dbName: 'shared', indexedDB: idb });
    // 'ab' starts with 'a': the key range must still tell them apart.
    const [tab1, tab2, other] = [make('a'), make('a'), make('ab')];
    await tab1.append([ev('1')]);
    await tab2.append([ev('2')]);
    await other.append([ev('b1')]);
    expect(ids(await tab2.peek(10))).toEqual(['1', '2']);
    expect(ids(await other.peek(10))).toEqual(['b1']);
    await tab2.remove(['1']);
    expect(ids(await tab1.peek(10))).toEqual(['2']);
    expect(await make('a').count()).toBe(1);
    expect(await make('ab').count()).toBe(1);
  });

  it('adds its store to a database an older script created with only kv, keeping the kv data', async () => {
    const idb = new IDBFactory();
    await new Promise<void>((resolve) => {
      const request = idb.open('compagnon');
      request.onupgradeneeded = () => request.result.createObjectStore('kv').put('kept', 'progress');
      request.onsuccess = () => (request.result.close(), resolve());
    });
    const outbox = createIdbOutboxStore({ log: spyLog(), app: 'a', indexedDB: idb });
    await outbox.append([ev('1')]);
    expect(await outbox.count()).toBe(1);
    expect(await createIdbStore({ log: spyLog(), indexedDB: idb }).get('progress')).toBe('kept');
    expect(outbox.mode).toBe('indexeddb');
  });
});

describe('createIdbOutboxStore falls back to memory', () => {
  const blockedFactory = async () => {
    // A tab running an older script: its connection never closes on versionchange, so our upgrade is blocked.
    const idb = new IDBFactory();
    await new Promise((r) => (idb.open('compagnon').onsuccess = r));
    return idb;
  };
  const quotaFactory = async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    return new IDBFactory();
  };

  it.each([
    { name: 'indexedDB missing', factory: async () => undefined },
    { name: 'upgrade blocked by an old tab', factory: blockedFactory },
    { name: 'quota exceeded', factory: quotaFactory },
  ])('$name: one warning, still working, no rejection', async ({ factory }) => {
    vi.stubGlobal('indexedDB', undefined);
    const log = spyLog();
    const store = createIdbOutboxStore({ log, app: 'a', indexedDB: await factory() });
    await store.append([ev('1'), ev('2')]);
    await store.remove(['1']);
    expect(ids(await store.peek(5))).toEqual(['2']);
    expect(await store.count()).toBe(1);
    expect(store.mode).toBe('memory');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(unhandled).toEqual([]);
  });
});
