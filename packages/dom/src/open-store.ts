// idb-keyval's `createStore`, with what it leaves out for a script living in someone else's page: the factory
// is a parameter (globals stay in globals.ts, tests pass their own), a synchronous throw of `open` (some private
// modes) becomes a rejection, and a failed open request's error event is cancelled so it cannot surface as an
// uncaught error in the host page's console or `window.onerror`.
import type { UseStore } from 'idb-keyval';

export interface OpenedStore {
  /** Settles once the database is open; rejects when it cannot be. */
  ready: Promise<IDBDatabase>;
  use: UseStore;
}

export function openStore(factory: IDBFactory, dbName: string, storeName: string): OpenedStore {
  const ready = new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      event.preventDefault();
      reject(request.error);
    };
  });
  return {
    ready,
    use: (mode, callback) => ready.then((db) => callback(db.transaction(storeName, mode).objectStore(storeName))),
  };
}
