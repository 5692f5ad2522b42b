// Retention: events (and the delivery log) older than the app's `retention_days` are deleted. "Older" by either
// clock: the event's own time, or when we received it (a sender's clock far in the future must not keep an event
// forever). Deleted in chunks, so a first purge of a large table does not hold SQLite's write lock for long.
import { DAY_MS } from '@compagnon/core';
import type { Db } from '../db/types.ts';

export interface Purged {
  events: number;
  deliveries: number;
}

const CHUNK = 5_000;

export async function purgeExpired(db: Db, now: number): Promise<Purged> {
  const apps = await db.kysely.selectFrom('apps').select(['id', 'retention_days']).where('retention_days', 'is not', null).execute();
  const total: Purged = { events: 0, deliveries: 0 };
  for (const { id, retention_days } of apps) {
    const days = Number(retention_days);
    if (!Number.isFinite(days) || days <= 0) continue;
    const cutoff = now - days * DAY_MS;
    for (;;) {
      const doomed = db.kysely
        .selectFrom('events')
        .select('id')
        .where('app', '=', id)
        .where((eb) => eb.or([eb('ts', '<', cutoff), eb('received_at', '<', cutoff)]))
        .limit(CHUNK);
      const r = await db.kysely.deleteFrom('events').where('id', 'in', doomed).executeTakeFirst();
      const n = Number(r.numDeletedRows);
      total.events += n;
      if (n < CHUNK) break;
    }
    const d = await db.kysely
      .deleteFrom('deliveries')
      .where('app', '=', id)
      .where('status', '<>', 'pending')
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    total.deliveries += Number(d.numDeletedRows);
  }
  return total;
}

/** Purges now and every `intervalMs`; returns the stop function. @param intervalMs @default 3_600_000 (hourly) */
export function startRetention(db: Db, options: { intervalMs?: number; now?: () => number; onError?: (e: unknown) => void } = {}): () => void {
  const { intervalMs = 3_600_000, now = Date.now, onError = (e) => console.error('retention purge failed:', e) } = options;
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    purgeExpired(db, now())
      .catch(onError)
      .finally(() => (running = false));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
