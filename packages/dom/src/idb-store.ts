// Progress lives in IndexedDB, on a connection that heals (idb.ts). Where IndexedDB is missing or broken (Firefox
// private windows before v115, some embedded webviews, storage disabled by policy, quota) we keep working in
// memory for this page: guides may be offered again on the next page load, but nothing throws into the host page.
import { createMemoryStore, type KeyValueStore } from '@compagnon/core';
import { createIdbBacked, done, type IdbOptions, type Mode } from './idb.ts';

export type IdbStoreOptions = IdbOptions;

export type IdbStore = KeyValueStore & Mode;

const W = 'readwrite';

export function createIdbStore(options: IdbStoreOptions): IdbStore {
  return createIdbBacked(options, 'kv', createMemoryStore, (run) => ({
    get: <T>(key: string) => run('readonly', (s) => done<T | undefined>(s.get(key)), (m) => m.get<T>(key)),
    set: (key: string, value: unknown) => run(W, (s) => (s.put(value, key), done<void>(s.transaction)), (m) => m.set(key, value)),
    del: (key: string) => run(W, (s) => (s.delete(key), done<void>(s.transaction)), (m) => m.del(key)),
    update<T>(key: string, fn: (old: T | undefined) => T) {
      // Read, compute and write in one transaction, so concurrent updates (from this tab or another) never
      // interleave. An error thrown by the caller's own updater is theirs: it rejects as it would in memory,
      // without abandoning IndexedDB.
      let value: T;
      let threw = false;
      const write = (s: IDBObjectStore) =>
        new Promise<void>((resolve, reject) => {
          const request = s.get(key);
          request.onsuccess = () => {
            // Caught here: an exception in an IndexedDB event handler would reach the page's `window.onerror`.
            try {
              threw = true;
              value = fn(request.result);
              threw = false;
              s.put(value, key);
              resolve(done(s.transaction));
            } catch (e) {
              reject(e);
            }
          };
          request.onerror = () => reject(request.error);
        }).then(() => value);
      return run(W, write, (m) => m.update(key, fn), () => threw);
    },
  }));
}
