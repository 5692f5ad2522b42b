// The outbox: events wait here until a 2xx acknowledges their batch, shared by every tab of the origin. Keys are
// [app, enqueue time, sequence, id], so one app's events form one key range, oldest first: `peek` is a single
// bounded `getAll`.
import { createMemoryOutboxStore, type OutboxStore } from '@compagnon/core';
import { getGlobal } from './globals.ts';
import { createIdbBacked, done, type IdbOptions, type Mode } from './idb.ts';

type Event = Awaited<ReturnType<OutboxStore['peek']>>[number];

export interface IdbOutboxStoreOptions extends IdbOptions {
  app: string;
}

export type IdbOutboxStore = OutboxStore & Mode;

const W = 'readwrite';
let seq = 0;

export function createIdbOutboxStore(options: IdbOutboxStoreOptions): IdbOutboxStore {
  const app = options.app;
  // Arrays sort after every other key, so [app, []] bounds all of [app, time, seq, id].
  const range = () => getGlobal('IDBKeyRange')!.bound([app], [app, []]);
  // Writes resolve once their transaction commits, so the events are on disk before anyone sends them.
  const commit = (s: IDBObjectStore) => done<void>(s.transaction);
  return createIdbBacked(options, 'outbox', createMemoryOutboxStore, (run) => ({
    append: (events: Event[]) =>
      run(
        W,
        (s) => {
          const now = Date.now();
          for (const e of events) s.put(e, [app, now, seq++, e.id]);
          return commit(s);
        },
        (m) => m.append(events),
      ),
    // `getAll` reads a count of 0 as "no limit".
    peek: (limit: number) =>
      limit < 1
        ? Promise.resolve([])
        : run('readonly', (s) => done<Event[]>(s.getAll(range(), limit)), (m) => m.peek(limit)),
    // The id ends every key: the keys alone tell which records to delete, without reading the events.
    remove: (ids: string[]) =>
      run(
        W,
        (s) => {
          const wanted = new Set(ids);
          const request = s.getAllKeys(range());
          request.onsuccess = () => {
            for (const key of request.result as string[][]) if (wanted.has(key[3]!)) s.delete(key);
          };
          return commit(s);
        },
        (m) => m.remove(ids),
      ),
    count: () => run('readonly', (s) => done(s.count(range())), (m) => m.count()),
  }));
}
