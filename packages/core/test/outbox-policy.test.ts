import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OUTBOX,
  type Outcome,
  type TransportResponse,
  backoffDelay,
  beaconBody,
  classify,
  isUrgent,
  parseRetryAfter,
  rejectedEvents,
  takeBatch,
  utf8Length,
} from '../src/index.ts';
import { ev, evs } from './outbox-fakes.ts';
import { NOW } from './fixtures.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('utf8Length', () => {
  it.each([
    ['empty', ''],
    ['ascii', 'hello'],
    ['two-byte', 'déjà été'],
    ['three-byte', '€ 中文'],
    ['astral (surrogate pair)', 'ok 😀👍🏽'],
    ['mixed JSON', JSON.stringify({ t: 'Très bien — 完了 🎉' })],
  ])('%s', (_name, text) => {
    expect(utf8Length(text)).toBe(bytes(text));
  });

  it('counts a lone surrogate as the 3-byte replacement character', () => {
    expect(utf8Length('a\ud800b')).toBe(5);
  });
});

describe('takeBatch', () => {
  // ~1 kB of 3-byte characters each, so the byte limit binds long before the count limit.
  const heavy = (n: number) => ev(n, 'step_viewed', { text: '€'.repeat(340) });
  const heavies = Array.from({ length: 30 }, (_, i) => heavy(i + 1));

  it.each<[string, ReturnType<typeof ev>[], { dropped?: number }, number]>([
    ['by count: at most 50', evs(1, 60), {}, 50],
    ['fewer than the limit: all', evs(1, 7), {}, 7],
    ['by bytes: multi-byte characters counted as UTF-8', heavies, {}, 13],
    ['an oversized single event still goes alone', [ev(1, 'step_viewed', { text: 'x'.repeat(20_000) }), ev(2)], {}, 1],
    ['with a dropped count', heavies, { dropped: 123 }, 13],
  ])('%s', (_name, events, extra, expected) => {
    const batch = takeBatch(events, DEFAULT_OUTBOX, extra);
    expect(batch.events.map((e) => e.id)).toEqual(events.slice(0, expected).map((e) => e.id));
    expect(JSON.parse(batch.body)).toEqual({ events: batch.events, ...(extra.dropped ? { dropped: extra.dropped } : {}) });
  });

  it.each([
    ['without dropped', {}],
    ['with dropped, which counts towards the bytes', { dropped: 123_456 }],
  ])('fills the byte budget: the body fits, one more event would not (%s)', (_name, extra) => {
    // Pads the first event so that 13 events make a body of exactly 16,384 bytes: a dropped field must push one out.
    const exact = heavies.slice(0, 20);
    const slack = 16_384 - bytes(JSON.stringify({ events: exact.slice(0, 13) }));
    exact[0] = ev(1, 'step_viewed', { text: `${'€'.repeat(340)}${'x'.repeat(slack)}` });
    const batch = takeBatch(exact, DEFAULT_OUTBOX, extra);
    const oneMore = JSON.stringify({ events: exact.slice(0, batch.events.length + 1), ...extra });
    expect([bytes(batch.body) <= 16_384, bytes(oneMore) > 16_384, batch.events.length]).toEqual([true, true, 'dropped' in extra ? 12 : 13]);
  });

  it('leaves out a zero dropped count', () => {
    expect(takeBatch([ev(1)], DEFAULT_OUTBOX, { dropped: 0 }).body).not.toContain('dropped');
  });
});

describe('isUrgent', () => {
  it.each([
    ['guide_completed', true],
    ['checklist_completed', true],
    ['guide_dismissed', true],
    ['survey_answered', true],
    ['opted_out', true],
    ['guide_started', false],
    ['step_viewed', false],
    ['checklist_item_completed', false],
    ['target_not_found', false],
  ] as const)('%s', (type, expected) => {
    expect(isUrgent(ev(1, type))).toBe(expected);
  });
});

describe('backoffDelay', () => {
  // Equal jitter: [ceiling / 2, ceiling), ceiling = min(300 s, 1 s × 2^(attempt - 1)).
  it.each([
    ['attempt 1', 1, 500, 1_000],
    ['attempt 2', 2, 1_000, 2_000],
    ['attempt 5', 5, 8_000, 16_000],
    ['attempt 9', 9, 128_000, 256_000],
    ['attempt 10 reaches the cap', 10, 150_000, 300_000],
    ['attempt 60 stays capped', 60, 150_000, 300_000],
    ['attempt 0 is read as 1', 0, 500, 1_000],
  ])('%s', (_name, attempt, min, max) => {
    const low = backoffDelay(attempt, 0, DEFAULT_OUTBOX);
    const high = backoffDelay(attempt, 0.999_999, DEFAULT_OUTBOX);
    expect([low, high <= max, high > low || min === max]).toEqual([min, true, true]);
  });

  it('spreads with the random value', () => {
    const delays = [0, 0.25, 0.5, 0.75].map((r) => backoffDelay(3, r, DEFAULT_OUTBOX));
    expect(delays).toEqual([2_000, 2_500, 3_000, 3_500]);
  });
});

describe('parseRetryAfter', () => {
  const inTwoMinutes = new Date(NOW + 120_000).toUTCString();
  it.each<[string, string | null | undefined, number | undefined]>([
    ['seconds', '120', 120_000],
    ['seconds with spaces', ' 5 ', 5_000],
    ['zero', '0', 0],
    ['fractional seconds, rounded up', '1.5', 1_500],
    ['HTTP date', inTwoMinutes, 120_000],
    ['HTTP date in the past', new Date(NOW - 60_000).toUTCString(), 0],
    ['negative seconds', '-3', undefined],
    ['garbage', 'soon', undefined],
    ['empty', '', undefined],
    ['absent', null, undefined],
  ])('%s', (_name, value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe('classify', () => {
  it.each<[string, TransportResponse, Outcome]>([
    ['200', { status: 200 }, 'ack'],
    ['202', { status: 202 }, 'ack'],
    ['204', { status: 204 }, 'ack'],
    ['413', { status: 413 }, 'split'],
    ['429 with Retry-After', { status: 429, retryAfter: '30' }, 'retry-after'],
    ['503 with Retry-After', { status: 503, retryAfter: '30' }, 'retry-after'],
    ['429 without Retry-After', { status: 429, retryAfter: null }, 'retry'],
    ['503 without Retry-After', { status: 503 }, 'retry'],
    ['500', { status: 500 }, 'retry'],
    ['502', { status: 502 }, 'retry'],
    ['408', { status: 408 }, 'retry'],
    ['network error (0)', { status: 0 }, 'retry'],
    ['400', { status: 400 }, 'keep-and-report'],
    ['401', { status: 401 }, 'keep-and-report'],
    ['403', { status: 403 }, 'keep-and-report'],
    ['404', { status: 404 }, 'keep-and-report'],
  ])('%s', (_name, response, expected) => {
    expect(classify(response)).toBe(expected);
  });
});

describe('beaconBody', () => {
  const big = (n: number) => ev(n, 'step_viewed', { text: 'é'.repeat(5_000) }); // ~10 kB each

  it('takes the oldest events that fit the unload budget, with the key', () => {
    const events = Array.from({ length: 10 }, (_, i) => big(i + 1));
    const beacon = beaconBody(events, 'pk_rh', DEFAULT_OUTBOX);
    expect(beacon && JSON.parse(beacon.body).key).toBe('pk_rh');
    expect(beacon?.ids).toEqual(events.slice(0, 6).map((e) => e.id));
    expect(bytes(beacon?.body ?? '')).toBeLessThanOrEqual(DEFAULT_OUTBOX.beaconBytes);
  });

  it('skips an event too big for any beacon instead of stopping there', () => {
    const beacon = beaconBody([ev(1, 'step_viewed', { text: 'x'.repeat(70_000) }), ev(2)], 'k', DEFAULT_OUTBOX);
    expect(beacon?.ids).toEqual([ev(2).id]);
  });

  it.each([
    ['nothing queued', [], 'k', undefined],
    ['no key: the field is left out', [ev(1)], undefined, { events: [ev(1)] }],
  ])('%s', (_name, events, key, expected) => {
    const beacon = beaconBody(events, key, DEFAULT_OUTBOX);
    expect(beacon && JSON.parse(beacon.body)).toEqual(expected);
  });
});

describe('rejectedEvents', () => {
  const batch = [ev(1), ev(2), ev(3)];
  it.each<[string, unknown, Array<[number, string]>]>([
    ['none', { accepted: 3, duplicates: 0, rejected: [] }, []],
    ['two, with reasons', { rejected: [{ index: 2, reason: 'ts: invalid' }, { index: 0, reason: 'id: invalid' }] }, [[3, 'ts: invalid'], [1, 'id: invalid']]],
    ['missing reason', { rejected: [{ index: 1 }] }, [[2, 'rejected']]],
    ['index out of range or repeated', { rejected: [{ index: 7 }, { index: 1, reason: 'a' }, { index: 1, reason: 'b' }] }, [[2, 'a']]],
    ['no body', undefined, []],
    ['not an object', 'OK', []],
    ['rejected not a list', { rejected: 'all' }, []],
  ])('%s', (_name, body, expected) => {
    const out = rejectedEvents(body, batch).map((r) => [batch.indexOf(r.event) + 1, r.reason]);
    expect(out).toEqual(expected);
  });
});
