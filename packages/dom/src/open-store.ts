// Opens the `compagnon` database with every object store we use. No fixed version: we open whatever version
// exists and, when a store is missing (first run, an older script created only `kv`, someone recreated the
// database), reopen one version up to add it, so existing data stays and a newer script's version never fails.
// The factory is a parameter (globals stay in globals.ts, tests pass their own); a synchronous throw of `open`
// (some private modes) becomes a rejection, and a failed request's error event is cancelled so it cannot surface
// in the host page's console or `window.onerror`. An upgrade blocked by a connection that does not close on
// `versionchange` (a tab still running an older script) rejects rather than leaving every operation waiting.
export const STORES = ['kv', 'outbox'];

export function openDb(factory: IDBFactory, name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    const request = factory.open(name, version);
    request.onblocked = () => reject(((blocked = true), 'blocked'));
    const missing = () => STORES.filter((s) => !request.result.objectStoreNames.contains(s));
    request.onupgradeneeded = () => {
      for (const s of missing()) request.result.createObjectStore(s);
    };
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
