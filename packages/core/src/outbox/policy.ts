// The outbox's decisions as pure functions over data: what goes in a batch, when to retry, what an answer
// means. The coordinator (outbox.ts) only sequences them; these are tested without a clock or a network.
import type { CompagnonEvent, EventType } from '@compagnon/schema';
import type { TransportResponse } from '../platform.ts';

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
 * Byte length of a string once encoded as UTF-8. Core compiles without the DOM lib, which has no TextEncoder
 * types; counting code units is also cheaper than encoding a body just to measure it.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A lone surrogate is encoded as U+FFFD: 3 bytes, like the rest of the BMP above U+07FF.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    // A high surrogate followed by a low one: one 4-byte character.
    if (code >> 10 === 0x36 && text.charCodeAt(i + 1) >> 10 === 0x37) {
      bytes++;
      i++;
    }
  }
  return bytes;
}

// `{ ...head, events }`: the JSON body of both the fetch batches and the beacon.
const bodyOf = (head: object, events: CompagnonEvent[]) => JSON.stringify({ ...head, events });

// Oldest first, the events that fit `maxBytes` once in a body. Counts as it goes rather than serialising
// candidate bodies (JSON array items are joined by one comma). `skip` passes over an event too big to fit
// instead of stopping there.
function pack(events: CompagnonEvent[], head: object, maxBytes: number, maxEvents: number, skip: boolean): CompagnonEvent[] {
  let size = utf8Length(bodyOf(head, []));
  const out: CompagnonEvent[] = [];
  for (const event of events) {
    if (out.length >= maxEvents) break;
    const cost = utf8Length(JSON.stringify(event)) + (out.length ? 1 : 0);
    if (size + cost <= maxBytes) {
      size += cost;
      out.push(event);
    } else if (!skip) break;
  }
  return out;
}

/**
 * The longest prefix of `events` (oldest first) within both limits, and its exact body. Always at least one
 * event, even an oversized one: the collector's 413 then rejects it alone rather than blocking the queue.
 */
export function takeBatch(
  events: CompagnonEvent[],
  config: OutboxConfig,
  extra: { dropped?: number } = {},
): { events: CompagnonEvent[]; body: string } {
  const head = extra.dropped ? { dropped: extra.dropped } : {};
  const taken = pack(events, head, config.maxBatchBytes, config.maxBatchEvents, false);
  const batch = taken.length ? taken : events.slice(0, 1);
  return { events: batch, body: bodyOf(head, batch) };
}

/**
 * The `sendBeacon` body: oldest first, every event that still fits the budget (an oversized one is skipped, not
 * a wall), at most the collector's 500 per request (schema's MAX_BATCH; core imports only types from schema).
 * Undefined when nothing fits. The key travels in the body because a beacon cannot set headers.
 */
export function beaconBody(
  events: CompagnonEvent[],
  key: string | undefined,
  config: OutboxConfig,
): { body: string; ids: string[] } | undefined {
  const head = key === undefined ? {} : { key };
  const chosen = pack(events, head, config.beaconBytes, 500, true);
  return chosen.length ? { body: bodyOf(head, chosen), ids: chosen.map((e) => e.id) } : undefined;
}

/**
 * Equal jitter: half the capped exponential delay, plus a random share of the other half. Never zero (a
 * restarting collector is not hammered), yet tabs that failed together spread out. `attempt` counts from 1.
 */
export function backoffDelay(attempt: number, random01: number, config: OutboxConfig): number {
  const ceiling = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** Math.min(Math.max(1, attempt) - 1, 40));
  return Math.floor((ceiling / 2) * (1 + random01));
}

/** `Retry-After` as a delay in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Undefined when unusable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  // Seconds are read first: Date.parse reads a bare "120" as a year (and "-3" as one too).
  const seconds = Number(value?.trim() || NaN);
  if (seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value!);
  return seconds < 0 || isNaN(at) ? undefined : Math.max(0, at - now);
}

export type Outcome = 'ack' | 'split' | 'retry-after' | 'retry' | 'keep-and-report';

/**
 * What an answer means for the batch. Any other 4xx (bad key, unknown app, wrong URL) is a configuration
 * problem: the events are kept and the error reported, so fixing the configuration loses nothing.
 */
export function classify({ status, retryAfter }: TransportResponse): Outcome {
  if (status >= 200 && status < 300) return 'ack';
  if (status === 413) return 'split';
  if (status === 429 || status === 503) return retryAfter ? 'retry-after' : 'retry';
  return status >= 400 && status < 500 && status !== 408 ? 'keep-and-report' : 'retry';
}

export interface RejectedEvent {
  event: CompagnonEvent;
  reason: string;
}

/**
 * Reads the collector's 2xx answer `{ accepted, duplicates, rejected: [{ index, reason }] }`. The answer comes
 * from the network, so nothing in it is trusted: unknown shapes mean "nothing rejected", never a throw.
 */
export function rejectedEvents(body: unknown, batch: CompagnonEvent[]): RejectedEvent[] {
  const list = (body as { rejected?: unknown } | null | undefined)?.rejected;
  const out: RejectedEvent[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const event = typeof item?.index === 'number' ? batch[item.index] : undefined;
    // An index repeated in the answer counts once, with its first reason.
    if (event && !out.some((r) => r.event === event)) {
      out.push({ event, reason: typeof item.reason === 'string' ? item.reason : 'rejected' });
    }
  }
  return out;
}
