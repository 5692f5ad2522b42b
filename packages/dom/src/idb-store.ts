// Progress and the outbox live in IndexedDB through idb-keyval. Where IndexedDB is missing or broken (Firefox
// private windows before v115, some embedded webviews, storage disabled by policy) we keep working in memory
// for this page: guides may be offered again on the next page load, but nothing throws into the host page.
import { del, get, set, update, type UseStore } from 'idb-keyval';
import { createMemoryStore, type KeyValueStore, type Logger } from '@compagnon/core';
import { getIndexedDB } from './globals.ts';
import { openStore } from './open-store.ts';
import { noop } from './safe.ts';

export interface IdbStoreOptions {
  log: Logger;
  /** @default 'compagnon' */
  dbName?: string;
  /** @default 'kv' */
  storeName?: string;
  /** @default the page's `indexedDB` */
  indexedDB?: IDBFactory;
}

export type IdbStore = KeyValueStore & { readonly mode: 'indexeddb' | 'memory' };

export function createIdbStore({
  log,
  dbName = 'compagnon',
  storeName = 'kv',
  indexedDB = getIndexedDB(),
}: IdbStoreOptions): IdbStore {
  let memory: KeyValueStore | undefined;
  let ready: Promise<unknown> = Promise.resolve();

  // Every IndexedDB failure ends here, so the one warning is given once, whatever failed first.
  const fallback = (reason: unknown): KeyValueStore => {
    if (!memory) {
      memory = createMemoryStore();
      log.warn('IndexedDB unavailable, progress is kept in memory for this page', reason);
    }
    return memory;
  };

  // A later "reopen when the connection closes or the database is deleted" calls `connect` again from `run`
  // (on an InvalidStateError or NotFoundError) and retries once before falling back.
  const connect = (): UseStore | undefined => {
    if (!indexedDB) return void fallback('no indexedDB');
    // Open now rather than on the first read, so a broken database is known before anyone relies on it; the
    // probe transaction also catches a database that exists without our object store.
    const { ready: opened, use } = openStore(indexedDB, dbName, storeName);
    ready = opened.then((db) => void db.transaction(storeName)).then(noop, fallback);
    return use;
  };
  const idb = connect();

  const run = <R>(
    onIdb: (use: UseStore) => Promise<R>,
    onMemory: (store: KeyValueStore) => Promise<R>,
    callerError?: (error: unknown) => boolean,
  ): Promise<R> =>
    ready.then(() =>
      idb && !memory
        ? // `new Promise` turns a synchronous throw (a transaction on a closing connection) into the fallback too.
          new Promise<R>((resolve) => resolve(onIdb(idb))).catch((error: unknown) =>
            // A value IndexedDB cannot clone is the caller's bug, not a broken database: no fallback for it.
            callerError?.(error) || (error as Error)?.name == 'DataCloneError'
              ? Promise.reject(error)
              : onMemory(fallback(error)),
          )
        : onMemory(fallback('closed')),
    );

  return {
    get mode() {
      return memory ? 'memory' : 'indexeddb';
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
