// One batch: each event validated on its own (a bad one is rejected with its index and reason, the rest kept),
// pseudonymised, then stored in ONE multi-row `INSERT … ON CONFLICT (id) DO NOTHING RETURNING id`, which makes
// storage exactly-once per event id, also under concurrent retries across instances. When the app forwards
// (xAPI, webhooks), the deliveries of the newly inserted events are queued in the same transaction: an event is
// stored and queued, or neither.
import { type CompagnonEvent, parseEvent } from '@compagnon/schema';
import type { Db, EventsTable } from '../db/types.ts';
import { enqueueForwarding } from '../forwarding/enqueue.ts';
import type { App } from '../apps/store.ts';
import { pseudonymise } from '../privacy/pseudonymise.ts';

export interface Rejected {
  index: number;
  reason: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: Rejected[];
}

// PostgreSQL refuses NUL in text ("invalid byte sequence"): such an event is rejected rather than failing the batch.
const NUL_FIELDS = ['session', 'guide', 'step', 'item', 'url', 'type'] as const;

/** The stored row, or why the event is refused. */
export function toRow(input: unknown, app: App, now: number): { row: EventsTable } | { reason: string } {
  const parsed = parseEvent(input);
  if (!parsed.ok) return { reason: parsed.reason };
  const e: CompagnonEvent = parsed.event;
  if (e.app !== app.id) return { reason: `app: expected "${app.id}" (the write key's app), got "${e.app}"` };
  const nul = NUL_FIELDS.find((f) => e[f]?.includes('\u0000'));
  if (nul) return { reason: `${nul}: contains a NUL character` };
  if (e.populations.some((p) => p.includes('\u0000'))) return { reason: 'populations: contains a NUL character' };
  return {
    row: {
      id: e.id.toLowerCase(), // one uuid, one event, whatever the sender's hex case
      app: app.id,
      type: e.type,
      ts: Date.parse(e.ts),
      user_hash: e.user === undefined ? null : pseudonymise(app.secret, e.user),
      session: e.session,
      guide: e.guide ?? null,
      guide_version: e.guideVersion ?? null,
      step: e.step ?? null,
      item: e.item ?? null,
      populations: JSON.stringify(e.populations),
      url: e.url ?? null,
      props: e.props === undefined ? null : JSON.stringify(e.props),
      received_at: now,
    },
  };
}

export async function ingestBatch(db: Db, app: App, inputs: readonly unknown[], now: number): Promise<IngestResult> {
  const rows: EventsTable[] = [];
  const rejected: Rejected[] = [];
  inputs.forEach((input, index) => {
    const r = toRow(input, app, now);
    if ('reason' in r) rejected.push({ index, reason: r.reason });
    else rows.push(r.row);
  });
  if (rows.length === 0) return { accepted: 0, duplicates: 0, rejected };

  const forwards = app.row.xapi !== null || app.row.webhooks !== null;
  const inserted = forwards
    ? await db.kysely.transaction().execute(async (trx) => {
        const ids = await insertEvents(trx, rows);
        const fresh = new Set(ids);
        // A repeated id within the batch appears once in `rows` kept order; forward each inserted id once.
        const seen = new Set<string>();
        const insertedRows = rows.filter((r) => fresh.has(r.id) && !seen.has(r.id) && seen.add(r.id));
        await enqueueForwarding({ ...db, kysely: trx }, app.row, insertedRows, now);
        return ids.length;
      })
    : (await insertEvents(db.kysely, rows)).length;
  return { accepted: inserted, duplicates: rows.length - inserted, rejected };
}

async function insertEvents(kysely: Db['kysely'], rows: EventsTable[]): Promise<string[]> {
  const result = await kysely
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return result.map((r) => r.id);
}
