// One batch: each event validated on its own (a bad one is rejected with its index and reason, the rest kept),
// pseudonymised, then stored by `INSERT … ON CONFLICT (id) DO NOTHING` (writer.ts: one statement on PostgreSQL,
// one prepared statement per row within one transaction on SQLite), which makes storage exactly-once per event
// id, also under concurrent retries across instances. When the app forwards
// (xAPI, webhooks), the deliveries of the newly inserted events are queued in the same transaction: an event is
// stored and queued, or neither.
import { type CompagnonEvent, parseEvent } from '@compagnon/schema';
import type { Db, EventsTable } from '../db/types.ts';
import { enqueueForwarding } from '../forwarding/enqueue.ts';
import type { App } from '../apps/store.ts';
import { pseudonymise } from '../privacy/pseudonymise.ts';
import { type EventWriter, directWriter, insertEvents } from './writer.ts';

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

/** Nesting allowed within an event (its `props`): plenty for survey answers, far from any stack limit. */
export const MAX_DEPTH = 32;

/** Whether `value` nests deeper than `max`; iterative, so a hostile 100,000-level value cannot overflow the stack. */
export function nestsDeeper(value: unknown, max: number): boolean {
  // Only objects and arrays are stacked (with their depths alongside): an event's strings cost no allocation.
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
  }
  return false;
}

/** The stored row, or why the event is refused. `pseudonym` is `pseudonymise` with the app's secret (or a cache of it). */
export function toRow(
  input: unknown,
  app: App,
  now: number,
  pseudonym: (user: string) => string = (user) => pseudonymise(app.secret, user),
): { row: EventsTable } | { reason: string } {
  // Before validation: JSON.stringify (and validators) recurse, and a deep enough value overflows the stack.
  if (nestsDeeper(input, MAX_DEPTH + 1)) return { reason: `props: nested more than ${MAX_DEPTH} levels deep` };
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
      user_hash: e.user === undefined ? null : pseudonym(e.user),
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

/**
 * Validates, pseudonymises and stores one batch. `writer` groups concurrent batches into one transaction on
 * SQLite (see writer.ts); without it the batch is written on its own. @default directWriter(db)
 */
export async function ingestBatch(db: Db, app: App, inputs: readonly unknown[], now: number, writer?: EventWriter): Promise<IngestResult> {
  const rows: EventsTable[] = [];
  const rejected: Rejected[] = [];
  // A batch comes from one browser, so mostly from one person: their HMAC is computed once, not per event.
  const hashes = new Map<string, string>();
  const pseudonym = (user: string): string => {
    let hash = hashes.get(user);
    if (hash === undefined) hashes.set(user, (hash = pseudonymise(app.secret, user)));
    return hash;
  };
  inputs.forEach((input, index) => {
    const r = toRow(input, app, now, pseudonym);
    if ('reason' in r) rejected.push({ index, reason: r.reason });
    else rows.push(r.row);
  });
  if (rows.length === 0) return { accepted: 0, duplicates: 0, rejected };

  const forwards = app.row.xapi !== null || app.row.webhooks !== null;
  const job = async (kysely: Db['kysely']): Promise<string[]> => {
    const ids = await insertEvents({ ...db, kysely }, rows);
    if (forwards && ids.length > 0) {
      const fresh = new Set(ids);
      // An id repeated within the batch is inserted once: forward it once.
      const seen = new Set<string>();
      const inserted = rows.filter((r) => fresh.has(r.id) && !seen.has(r.id) && seen.add(r.id));
      await enqueueForwarding({ ...db, kysely }, app.row, inserted, now);
    }
    return ids;
  };
  // Atomic when forwarding: an event is stored and queued for forwarding, or neither.
  const ids = await (writer ?? directWriter(db)).write(job, forwards);
  return { accepted: ids.length, duplicates: rows.length - ids.length, rejected };
}
