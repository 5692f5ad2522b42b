// The outbox: events wait here until a 2xx acknowledges their batch, shared by every tab of the origin. Keys are
// [app, enqueue time, sequence, id], so one app's events form one key range, oldest first: `peek` is a single
// bounded `getAll`, and `remove` walks that range from its start, where the peeked events are, and stops early.
import { promisifyRequest } from 'idb-keyval';
import { createMemoryOutboxStore, type Logger, type OutboxStore } from '@compagnon/core';
import { getIndexedDB, getKeyRange } from './globals.ts';
import { createHealing } from './healing.ts';

type Event = Awaited<ReturnType<OutboxStore['peek']>>[number];

export interface IdbOutboxStoreOptions {
  log: Logger;
  app: string;
  /** @default the page's `indexedDB` */
  indexedDB?: IDBFactory;
  /** @default 'compagnon' */
  dbName?: string;
}

export type IdbOutboxStore = OutboxStore & { readonly mode: 'indexeddb' | 'memory' };

let seq = 0;

export function createIdbOutboxStore({
  log,
  app,
  indexedDB = getIndexedDB(),
  dbName = 'compagnon',
}: IdbOutboxStoreOptions): IdbOutboxStore {
  const healing = createHealing(log, indexedDB, dbName, 'outbox', createMemoryOutboxStore);
  const run = healing.run;
  // Arrays sort after every other key, so [app, []] bounds all of [app, time, seq, id].
  const range = () => getKeyRange()!.bound([app], [app, []]);
  const done = (store: IDBObjectStore) => promisifyRequest(store.transaction).then(() => {});
  return {
    get mode() {
      return healing.mode;
    },
    append: (events) =>
      run(
        (use) =>
          use('readwrite', (store) => {
            const now = Date.now();
            for (const e of events) store.put(e, [app, now, seq++, e.id]);
            return done(store);
          }),
        (m) => m.append(events),
      ),
    peek: (limit) =>
      limit < 1
        ? Promise.resolve([])
        : run((use) => use('readonly', (store) => promisifyRequest<Event[]>(store.getAll(range(), limit))), (m) => m.peek(limit)),
    remove: (ids) =>
      run(
        (use) =>
          use('readwrite', (store) => {
            const left = new Set(ids);
            const request = store.openCursor(range());
            request.onsuccess = () => {
              const cursor = request.result;
              if (!cursor || !left.size) return;
              if (left.delete((cursor.value as Event).id)) cursor.delete();
              cursor.continue();
            };
            return done(store);
          }),
        (m) => m.remove(ids),
      ),
    count: () => run((use) => use('readonly', (store) => promisifyRequest(store.count(range()))), (m) => m.count()),
  };
}
