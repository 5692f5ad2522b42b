// Called by ingest right after the insert, with the events actually inserted (duplicates excluded): one
// `deliveries` row per xAPI batch and per matching webhook. Payloads are built now, so what is sent is what the
// log shows; credentials and webhook secrets are read at send time and never copied into the log.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types.ts';
import { publicUrl, webhookConfigs, xapiConfig } from './config.ts';
import { forwardedEvent } from './payload.ts';
import type { AppRow, DeliveryRow, EventRow, WebhookBody } from './types.ts';
import { statementBatches, xapiIris } from './xapi.ts';

/** Statements per POST. LRSs commonly cap a batch's size; 100 statements stay far under any such limit. */
export const XAPI_BATCH = 100;

/** The deliveries for one ingested batch (pure). */
export function deliveriesFor(app: AppRow, events: readonly EventRow[], now: number, homePage = publicUrl()): DeliveryRow[] {
  if (events.length === 0) return [];
  const row = (kind: DeliveryRow['kind'], target: string, payload: string): DeliveryRow => ({
    id: randomUUID(),
    app: app.id,
    kind,
    target,
    payload,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    last_status: null,
    last_error: null,
    created_at: now,
    delivered_at: null,
  });
  const out: DeliveryRow[] = [];
  const xapi = xapiConfig(app);
  if (xapi) {
    for (const batch of statementBatches(events, xapiIris(app.id, xapi, homePage), XAPI_BATCH))
      out.push(row('xapi', xapi.endpoint, JSON.stringify(batch)));
  }
  for (const hook of webhookConfigs(app)) {
    const types = hook.events;
    const chosen = types ? events.filter((e) => types.includes(e.type)) : events;
    if (chosen.length === 0) continue;
    const body: WebhookBody = { app: app.id, events: chosen.map(forwardedEvent) };
    out.push(row('webhook', hook.url, JSON.stringify(body)));
  }
  return out;
}

/**
 * Queues the forwarding of freshly inserted events; the worker (`startForwarding`) sends them. Awaited by
 * ingest after its insert: if the process dies in between, those events are not forwarded (stored, not sent),
 * the price of not holding a transaction across both. Cheap when the app forwards nothing.
 */
export async function enqueueForwarding(db: Db, app: AppRow, events: readonly EventRow[], now: number): Promise<number> {
  const rows = deliveriesFor(app, events, now);
  if (rows.length > 0) await db.kysely.insertInto('deliveries').values(rows).execute();
  return rows.length;
}
