// One object store of the `compagnon` database that heals, under the kv store and the outbox. The connection is
// opened lazily and dropped when it dies: on `versionchange` (the database deleted from devtools or by
// `indexedDB.deleteDatabase`, another tab adding a store) we close it at once so we never block them, and on
// `close` (the browser closed it: storage cleared, Safari after a while in the background). A failed operation
// runs once more on a fresh connection, which recreates the stores if needed; failing again (quota, private
// modes, no IndexedDB at all) the store goes to memory for this page, with one warning, and never throws.
import type { UseStore } from 'idb-keyval';
import type { Logger } from '@compagnon/core';
import { openDb } from './open-store.ts';
import { noop } from './safe.ts';

export interface Healing<M> {
  readonly mode: 'indexeddb' | 'memory';
  /** `onIdb` may run twice; an error `callerError` accepts (or a DataCloneError) is the caller's: it rejects. */
  run<R>(onIdb: (use: UseStore) => Promise<R>, onMemory: (m: M) => Promise<R>, callerError?: (e: unknown) => boolean): Promise<R>;
}

export function createHealing<M>(
  log: Logger,
  factory: IDBFactory | undefined,
  dbName: string,
  storeName: string,
  memory: () => M,
): Healing<M> {
  let fallen: M | undefined;
  let current: Promise<IDBDatabase> | undefined;

  const fallback = (reason: unknown): M => {
    if (!fallen) {
      fallen = memory();
      log.warn(`IndexedDB unavailable, ${storeName} kept in memory for this page`, reason);
    }
    return fallen;
  };
  const connect = (): Promise<IDBDatabase> => {
    if (current) return current;
    const opened: Promise<IDBDatabase> = (current = (factory ? openDb(factory, dbName) : Promise.reject('no indexedDB')).then(
      (db) => {
        db.onversionchange = db.onclose = () => {
          db.close();
          if (current == opened) current = undefined;
        };
        return db;
      },
    ));
    opened.catch(noop);
    return opened;
  };
  const drop = () => {
    current?.then((db) => db.close(), noop);
    current = undefined;
  };
  // Open now rather than on the first operation, so the stores exist before anyone relies on them.
  connect();

  return {
    get mode() {
      return fallen ? 'memory' : 'indexeddb';
    },
    run(onIdb, onMemory, callerError) {
      const mine = (e: unknown) => callerError?.(e) || (e as Error)?.name == 'DataCloneError';
      // `new Promise` turns a synchronous throw (a transaction on a closing connection) into a rejection.
      const attempt = () =>
        connect().then((db) =>
          onIdb((mode, fn) => new Promise((resolve) => resolve(fn(db.transaction(storeName, mode).objectStore(storeName))))),
        );
      // A full disk will not empty itself, and an open after a blocked one would wait behind it: no retry.
      const retry = (e: unknown) =>
        mine(e) || e == 'blocked' || (e as Error)?.name == 'QuotaExceededError' ? Promise.reject(e) : (drop(), attempt());
      return (fallen ? Promise.reject() : attempt().catch(retry)).catch(
        (e: unknown) => (mine(e) ? Promise.reject(e) : onMemory(fallback(e))),
      );
    },
  };
}
