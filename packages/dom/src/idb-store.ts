// Progress lives in IndexedDB through idb-keyval, on a connection that heals (healing.ts). Where IndexedDB is
// missing or broken (Firefox private windows before v115, some embedded webviews, storage disabled by policy,
// quota) we keep working in memory for this page: guides may be offered again on the next page load, but
// nothing throws into the host page.
import { del, get, set, update } from 'idb-keyval';
import { createMemoryStore, type KeyValueStore, type Logger } from '@compagnon/core';
import { getIndexedDB } from './globals.ts';
import { createHealing } from './healing.ts';

export interface IdbStoreOptions {
  log: Logger;
  /** @default 'compagnon' */
  dbName?: string;
  /** @default the page's `indexedDB` */
  indexedDB?: IDBFactory;
}

export type IdbStore = KeyValueStore & { readonly mode: 'indexeddb' | 'memory' };

export function createIdbStore({ log, dbName = 'compagnon', indexedDB = getIndexedDB() }: IdbStoreOptions): IdbStore {
  const healing = createHealing(log, indexedDB, dbName, 'kv', createMemoryStore);
  const run = healing.run;
  return {
    get mode() {
      return healing.mode;
    },
    get: <T>(key: string) => run((use) => get<T>(key, use), (m) => m.get<T>(key)),
    set: (key, value) => run((use) => set(key, value, use), (m) => m.set(key, value)),
    del: (key) => run((use) => del(key, use), (m) => m.del(key)),
    update<T>(key: string, fn: (old: T | undefined) => T) {
      // idb-keyval's update resolves to nothing: keep the value computed inside the transaction. An error thrown
      // by the caller's own updater is theirs: it rejects as it would in memory, without abandoning IndexedDB.
      let value: T;
      let threw = false;
      const guarded = (old: T | undefined): T => {
        threw = true;
        value = fn(old);
        threw = false;
        return value;
      };
      return run(
        (use) => update<T>(key, guarded, use).then(() => value),
        (m) => m.update(key, fn),
        () => threw,
      );
    },
  };
}
