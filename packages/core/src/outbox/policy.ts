// The outbox's decisions as pure functions over data: what goes in a batch, when to retry, what an answer
// means. The coordinator (outbox.ts) only sequences them; these are tested without a clock or a network.
import type { CompagnonEvent, EventType } from '@compagnon/schema';
import type { TransportResponse } from '../platform.ts';
import { utf8Length } from './utf8.ts';

export interface OutboxConfig {
  /** @default 50 */
  maxBatchEvents: number;
  /** UTF-8 bytes of the request body; well under fetch's 64 KiB `keepalive` budget. @default 16_384 */
  maxBatchBytes: number;
  /** How long the first queued event waits for company; completions do not wait. @default 2_000 */
  flushDelayMs: number;
  /** Beyond this many persisted events new ones are refused and counted. @default 10_000 */
  maxQueue: number;
  /** First retry delay, doubled per attempt. @default 1_000 */
  backoffBaseMs: number;
  /** @default 300_000 (5 min) */
  backoffMaxMs: number;
  /** The unload budget (64 KiB, shared by every keepalive request of the page) less room for others. @default 64_512 */
  beaconBytes: number;
}

export const DEFAULT_OUTBOX: OutboxConfig = {
  maxBatchEvents: 50,
  maxBatchBytes: 16_384,
  flushDelayMs: 2_000,
  maxQueue: 10_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 300_000,
  beaconBytes: 65_536 - 1_024,
};

// The collector's own ceiling (schema's MAX_BATCH); repeated here because core imports only types from schema.
const COLLECTOR_MAX_EVENTS = 500;

/** Events the person expects to count at once: they are sent without the flush delay. */
export const URGENT_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'guide_completed',
  'checklist_completed',
  'guide_dismissed',
  'survey_answered',
  'opted_out',
]);

export const isUrgent = (event: CompagnonEvent): boolean => URGENT_EVENTS.has(event.type);

/**
 * The longest prefix of `events` (oldest first) within both limits, and its exact body. Always at least one
 * event, even an oversized one: the collector's 413 then rejects it alone rather than blocking the queue.
 */
export function takeBatch(
  events: CompagnonEvent[],
  config: OutboxConfig,
  extra: { dropped?: number } = {},
): { events: CompagnonEvent[]; body: string } {
  const tail = extra.dropped ? { dropped: extra.dropped } : {};
  const taken = prefixWithin(events, utf8Length(JSON.stringify({ events: [], ...tail })), config.maxBatchBytes, config.maxBatchEvents);
  const batch = events.slice(0, Math.max(1, taken.length));
  return { events: batch, body: JSON.stringify({ events: batch, ...tail }) };
}

/**
 * The `sendBeacon` body: oldest first, every event that still fits the budget (an oversized one is skipped, not
 * a wall). Undefined when nothing fits. The key travels in the body because a beacon cannot set headers.
 */
export function beaconBody(
  events: CompagnonEvent[],
  key: string | undefined,
  config: OutboxConfig,
): { body: string; ids: string[] } | undefined {
  const head = key === undefined ? {} : { key };
  let size = utf8Length(JSON.stringify({ ...head, events: [] }));
  const chosen: CompagnonEvent[] = [];
  for (const event of events) {
    if (chosen.length >= COLLECTOR_MAX_EVENTS) break;
    const cost = utf8Length(JSON.stringify(event)) + (chosen.length > 0 ? 1 : 0);
    if (size + cost > config.beaconBytes) continue;
    size += cost;
    chosen.push(event);
  }
  if (chosen.length === 0) return undefined;
  return { body: JSON.stringify({ ...head, events: chosen }), ids: chosen.map((e) => e.id) };
}

// Counts as it goes rather than serialising candidate bodies: JSON array items are joined by one comma.
function prefixWithin(events: CompagnonEvent[], emptySize: number, maxBytes: number, maxEvents: number): CompagnonEvent[] {
  let size = emptySize;
  let n = 0;
  for (const event of events) {
    if (n >= maxEvents) break;
    size += utf8Length(JSON.stringify(event)) + (n > 0 ? 1 : 0);
    if (size > maxBytes) break;
    n++;
  }
  return events.slice(0, n);
}

/**
 * Equal jitter: half the capped exponential delay, plus a random share of the other half. Never zero (a
 * restarting collector is not hammered), yet tabs that failed together spread out. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, random01: number, config: OutboxConfig): number {
  const exponent = Math.min(Math.max(1, Math.floor(attempt)) - 1, 40);
  const ceiling = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** exponent);
  return Math.floor(ceiling / 2 + (ceiling / 2) * random01);
}

/** `Retry-After` as a delay in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  // Checked before Date.parse, which reads a bare "120" as a year.
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  }
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export type Outcome = 'ack' | 'split' | 'retry-after' | 'retry' | 'keep-and-report';

/**
 * What an answer means for the batch. Any other 4xx (bad key, unknown app, wrong URL) is a configuration
 * problem: the events are kept and the error reported, so fixing the configuration loses nothing.
 */
export function classify(response: TransportResponse): Outcome {
  const { status } = response;
  if (status >= 200 && status < 300) return 'ack';
  if (status === 413) return 'split';
  if ((status === 429 || status === 503) && response.retryAfter) return 'retry-after';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'keep-and-report';
  return 'retry';
}
