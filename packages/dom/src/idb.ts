// One object store of the `compagnon` database that heals, under the kv store and the outbox. The connection is
// opened by the first operation, not when the store is created: a page that loads the script and never starts it
// (or has not yet) pays nothing, as the factory's first use costs milliseconds of main thread. It is dropped when it dies: on `versionchange`
// (the database deleted from devtools or by `indexedDB.deleteDatabase`, another tab adding a store) we close it
// so we never block them, and on `close` (the browser closed it: storage cleared, Safari after a while in the
// background). A failed operation runs once more on a fresh connection, which recreates the stores if needed;
// failing again (quota, private modes, no IndexedDB at all) the store goes to memory for this page, with one
// warning, and never throws.
import type { Logger } from '@compagnon/core';
import { getGlobal } from './globals.ts';
import { noop } from './listeners.ts';

export { promisifyRequest as done } from 'idb-keyval';

export interface IdbOptions {
  log: Logger;
  /** @default 'compagnon' */
  dbName?: string;
  /** @default the page's `indexedDB` */
  indexedDB?: IDBFactory;
}

/** Runs `onStore` in a transaction, or `onMemory` once fallen back; rejects only with an error `own` accepts. */
export type Run<M> = <R>(
  mode: IDBTransactionMode,
  onStore: (store: IDBObjectStore) => R | Promise<R>,
  onMemory: (memory: M) => Promise<R>,
  own?: (error: unknown) => boolean,
) => Promise<R>;

export type Mode = {
  readonly mode: 'indexeddb' | 'memory';
  /**
   * Closes the connection (pending transactions finish first). Final: a later operation still runs, on a
   * connection closed again behind its transaction.
   */
  close(): void;
};

const STORES = ['kv', 'outbox'];
const BLOCKED = 'blocked';

// No fixed version: we open whatever version exists and, when a store is missing (first run, an older script
// created only `kv`, someone recreated the database), reopen one version up to add it, so existing data stays
// and a newer script's version never fails. A missing factory or a synchronous throw of `open` (some private
// modes) becomes a rejection; a failed request's error event is cancelled so it cannot surface in the host
// page's console. An upgrade blocked by a connection that does not close on `versionchange` (a tab still
// running an older script) rejects rather than leaving every operation waiting.
function openDb(factory: IDBFactory | undefined, name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = factory!.open(name, version);
    const missing = () => STORES.filter((s) => !request.result.objectStoreNames.contains(s));
    request.onblocked = () => reject(((blocked = true), BLOCKED));
    request.onupgradeneeded = () => missing().forEach((s) => request.result.createObjectStore(s));
    request.onsuccess = () => {
      const db = request.result;
      const incomplete = missing().length;
      // An upgrade we gave up on (blocked) still completes once the blocker goes away: closed at once.
      if (blocked || incomplete) db.close();
      if (!blocked) resolve(incomplete ? openDb(factory, name, db.version + 1) : db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error);
    };
  });
}

/** A store of `storeName` whose methods `build` writes over `run`, with its current `mode`. */
export function createIdbBacked<M, S>(
  { log, dbName = 'compagnon', indexedDB = getGlobal('indexedDB') }: IdbOptions,
  storeName: string,
  memory: () => M,
  build: (run: Run<M>) => S,
): S & Mode {
  let fallen: M | undefined;
  let current: Promise<IDBDatabase> | undefined;
  let closed = false;

  const connect = () => {
    if (!current) {
      const opened: Promise<IDBDatabase> = (current = openDb(indexedDB, dbName).then((db) => {
        db.onversionchange = db.onclose = () => {
          db.close();
          if (current == opened) current = undefined;
        };
        return db;
      }));
      opened.catch(noop);
    }
    return current;
  };
  /** Forgets the connection and closes it (its pending transactions finish first). */
  const drop = () => {
    const open = current;
    current = undefined;
    open?.then((db) => db.close(), noop);
  };

  const run: Run<M> = <R>(
    mode: IDBTransactionMode,
    onStore: (store: IDBObjectStore) => R | Promise<R>,
    onMemory: (memory: M) => Promise<R>,
    own?: (error: unknown) => boolean,
  ): Promise<R> => {
    // `new Promise` turns a synchronous throw (a transaction on a closing connection) into a rejection.
    const attempt = () =>
      connect().then((db) => {
        // A write queued before destroy() lands after it (an event, a step's progress), on a connection closed
        // again once this tick's transactions exist: otherwise the page keeps one per destroyed instance.
        if (closed) void Promise.resolve().then(api.close);
        return new Promise<R>((resolve) => resolve(onStore(db.transaction(storeName, mode).objectStore(storeName))));
      });
    const failed = (retry?: boolean) => (e: unknown): Promise<R> => {
      const name = (e as Error)?.name;
      if (own?.(e) || name == 'DataCloneError') throw e;
      // A full disk will not empty itself, and an open after a blocked one would wait behind it: no retry.
      if (retry && e != BLOCKED && name != 'QuotaExceededError') {
        drop(); // the failed one is not left open behind the fresh one
        return attempt().catch(failed());
      }
      if (!fallen) {
        fallen = memory();
        log.warn(storeName + ': IndexedDB unavailable, kept in memory', e);
      }
      return onMemory(fallen);
    };
    return fallen ? onMemory(fallen) : attempt().catch(failed(true));
  };

  const api = Object.assign({
    get mode() {
      return fallen ? ('memory' as const) : ('indexeddb' as const);
    },
    close() {
      // An instance's destroy() must not keep its database connection alive (one per instance would pile up).
      closed = true;
      drop();
    },
  }, build(run));
  return api;
}
