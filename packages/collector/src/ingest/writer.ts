// Group commit for SQLite. A commit costs far more than a row there (the WAL write of every page touched,
// ~0.5 ms on a small VM against ~10 µs per row), and SQLite has one writer anyway: batches that arrive while
// a transaction is being written wait and are then written together, each by its own multi-row INSERT (its
// RETURNING tells its own inserted ids), in ONE transaction. Every sender is answered after that commit, so an
// acknowledgement still means stored. PostgreSQL writes concurrently on its pool's connections and groups
// commits itself: there each batch is its own statement, straight away.
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

/** The batch's INSERT: one statement, `ON CONFLICT (id) DO NOTHING`, answering the ids it inserted. */
export async function insertEvents(kysely: Kysely, rows: EventsTable[]): Promise<string[]> {
  const result = await kysely
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return result.map((r) => r.id);
}
