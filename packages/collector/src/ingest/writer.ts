// Group commit for SQLite. A commit costs far more than a row there (the WAL write of every page touched,
// ~0.5 ms on a small VM against ~10 µs per row), and SQLite has one writer anyway: batches that arrive while
// a transaction is being written wait and are then written together, each by its own INSERTs (whose changes
// tell its own inserted ids), in ONE transaction. Every sender is answered after that commit, so an
// acknowledgement still means stored. PostgreSQL writes concurrently on its pool's connections and groups
// commits itself: there each batch is its own statement, straight away.
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db, EventsTable } from '../db/types.ts';

export type Kysely = Db['kysely'];

/** Writes one batch's rows with `kysely` (possibly a shared transaction); resolves with the ids inserted. */
export type BatchWrite = (kysely: Kysely) => Promise<string[]>;

export interface EventWriter {
  /** `atomic`: the job writes more than one statement (events and their forwardings) that must commit together. */
  write(job: BatchWrite, atomic: boolean): Promise<string[]>;
}

/** Each batch on its own: in a transaction when atomic, else its single statement. */
export const directWriter = (db: Db): EventWriter => ({
  write: (job, atomic) => (atomic ? db.kysely.transaction().execute(job) : job(db.kysely)),
});

interface Pending {
  job: BatchWrite;
  resolve(ids: string[]): void;
  reject(e: unknown): void;
}

export function createEventWriter(db: Db): EventWriter {
  if (db.dialect !== 'sqlite') return directWriter(db);
  let queue: Pending[] = [];
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      try {
        const results = await db.kysely.transaction().execute(async (trx) => {
          const out: string[][] = [];
          for (const p of group) out.push(await p.job(trx));
          return out;
        });
        group.forEach((p, i) => p.resolve(results[i]!));
      } catch {
        // One batch's failure must not fail the others: each alone, in its own transaction.
        for (const p of group) await db.kysely.transaction().execute((trx) => p.job(trx)).then(p.resolve, p.reject);
      }
    }
    writing = false;
  }

  return {
    write(job) {
      // Always in the group's transaction, so atomic whatever is asked.
      return new Promise<string[]>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}

/** What `insertEvents` needs: the query builder (possibly a transaction), the dialect and, on SQLite, the handle. */
export type EventStore = Pick<Db, 'kysely' | 'dialect' | 'sqlite'>;

/** An events row's columns, in the order of both INSERTs' parameters. */
const COLUMNS = ['id', 'app', 'type', 'ts', 'user_hash', 'session', 'guide', 'guide_version', 'step', 'item', 'populations', 'url', 'props', 'received_at'] as const;
// Every column of the table, none forgotten: a column added to EventsTable fails to compile here until listed.
type Unlisted = Exclude<keyof EventsTable, (typeof COLUMNS)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
void allListed;

/**
 * The batch's INSERT, `ON CONFLICT (id) DO NOTHING`, answering the ids it inserted (an id repeated within the
 * batch is inserted once). Both dialects send constant SQL, so nothing is built per batch:
 * - SQLite: one prepared statement, reused, run per row inside the caller's transaction (or one of its own). An
 *   in-process call costs microseconds, and a 700-parameter statement was prepared anew for every batch.
 * - PostgreSQL: one statement whose parameters are one array per column (`unnest`), instead of 14 per row.
 */
export async function insertEvents(store: EventStore, rows: readonly EventsTable[]): Promise<string[]> {
  if (store.dialect === 'postgres') return insertPostgres(store.kysely, rows);
  const database = store.sqlite;
  if (!database) throw new Error('insertEvents: an SQLite Db without its better-sqlite3 handle');
  // The handle is used only while a Kysely transaction holds SQLite's one connection: never inside someone
  // else's open transaction, whose rollback would take our acknowledged rows with it.
  if (!store.kysely.isTransaction) return store.kysely.transaction().execute((trx) => insertEvents({ ...store, kysely: trx }, rows));
  return insertSqlite(database, rows);
}

const statements = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement<unknown[]>>();

function insertSqlite(database: BetterSqlite3.Database, rows: readonly EventsTable[]): string[] {
  let insert = statements.get(database);
  if (!insert) {
    const sqlText = `INSERT INTO events (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`;
    statements.set(database, (insert = database.prepare<unknown[]>(sqlText)));
  }
  const ids: string[] = [];
  for (const r of rows) {
    const { changes } = insert.run(r.id, r.app, r.type, r.ts, r.user_hash, r.session, r.guide, r.guide_version, r.step, r.item, r.populations, r.url, r.props, r.received_at);
    if (changes > 0) ids.push(r.id);
  }
  return ids;
}

async function insertPostgres(kysely: Kysely, rows: readonly EventsTable[]): Promise<string[]> {
  const columns = COLUMNS.map(() => new Array<unknown>(rows.length));
  rows.forEach((r, i) => COLUMNS.forEach((c, k) => (columns[k]![i] = r[c])));
  const [id, app, type, ts, userHash, session, guide, guideVersion, step, item, populations, url, props, receivedAt] = columns;
  const { rows: inserted } = await sql<{ id: string }>`INSERT INTO events (${sql.raw(COLUMNS.join(', '))})
    SELECT * FROM unnest(${id}::text[], ${app}::text[], ${type}::text[], ${ts}::bigint[], ${userHash}::text[], ${session}::text[],
      ${guide}::text[], ${guideVersion}::bigint[], ${step}::text[], ${item}::text[], ${populations}::text[], ${url}::text[],
      ${props}::text[], ${receivedAt}::bigint[])
    ON CONFLICT (id) DO NOTHING RETURNING id`.execute(kysely);
  return inserted.map((r) => r.id);
}
