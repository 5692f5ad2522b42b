import type { CompagnonEvent } from '@compagnon/schema';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTBOX, type OutboxStore, type TransportResponse, backoffDelay, createMemoryOutboxStore } from '../src/index.ts';
import { ev, evs, harness, memoryRescue, settle } from './outbox-fakes.ts';

const ids = (events: CompagnonEvent[]) => events.map((e) => e.id);

describe('outbox: when batches leave', () => {
  it('waits 2 s after the first queued event, not after the last', async () => {
    const h = harness();
    await h.outbox.enqueue([ev(1)]);
    await h.advance(1_500);
    await h.outbox.enqueue([ev(2)]);
    await h.advance(499);
    expect(h.sent).toEqual([]);
    await h.advance(1);
    expect(h.sent.map((b) => b.ids)).toEqual([ids([ev(1), ev(2)])]);
  });

  it.each(['guide_completed', 'checklist_completed', 'guide_dismissed', 'survey_answered', 'opted_out'] as const)(
    'sends %s at once, with what was waiting',
    async (type) => {
      const h = harness();
      await h.outbox.enqueue([ev(1)]);
      await h.outbox.enqueue([ev(2, type)]);
      await settle();
      expect(h.sent.map((b) => [b.at - h.sent[0]!.at, b.ids])).toEqual([[0, ids([ev(1), ev(2)])]]);
    },
  );

  it.each<[string, number, number[]]>([
    ['120 events: 50 + 50 + 20, one after the other', 120, [50, 50, 20]],
    ['exactly 50', 50, [50]],
    ['51', 51, [50, 1]],
  ])('batches by count: %s', async (_name, n, sizes) => {
    const h = harness();
    await h.outbox.enqueue(evs(1, n));
    await h.advance(2_000);
    expect([h.sent.map((b) => b.ids.length), await h.store.count()]).toEqual([sizes, 0]);
  });

  it('batches by bytes, counting multi-byte characters as UTF-8', async () => {
    const h = harness();
    const heavy = Array.from({ length: 40 }, (_, i) => ev(i + 1, 'step_viewed', { text: '日本語'.repeat(120) }));
    await h.outbox.enqueue(heavy);
    await h.advance(2_000);
    expect(h.sent.length).toBeGreaterThan(2);
    expect(h.sent.every((b) => b.bytes <= 16_384)).toBe(true);
    expect(h.sent.flatMap((b) => b.ids)).toEqual(ids(heavy));
  });

  it('keeps one request in flight at a time', async () => {
    let release: (r: TransportResponse) => void = () => {};
    const h = harness({ answer: (_b, n) => (n === 1 ? new Promise((r) => (release = r)) : { status: 200 }) });
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    await h.outbox.enqueue([ev(2, 'guide_completed')]);
    await h.advance(10_000);
    expect(h.sent.map((b) => b.ids)).toEqual([ids([ev(1)])]);
    release({ status: 200 });
    await settle();
    expect([h.sent.map((b) => b.ids), await h.store.count()]).toEqual([[ids([ev(1)]), ids([ev(2)])], 0]);
  });

  it('sends the leftovers of an earlier page soon after load', async () => {
    const store = createMemoryOutboxStore();
    await store.append(evs(1, 3));
    const h = harness({ store });
    await settle();
    await h.advance(2_000);
    expect(h.sent.map((b) => b.ids)).toEqual([ids(evs(1, 3))]);
  });
});

describe('outbox: answers', () => {
  it('on 2xx removes every event and reports the rejected ones, never silently', async () => {
    const h = harness({ answer: () => ({ status: 200, body: { accepted: 2, duplicates: 0, rejected: [{ index: 1, reason: 'ts: invalid' }] } }) });
    await h.outbox.enqueue(evs(1, 3, 'guide_completed'));
    await settle();
    expect(await h.store.count()).toBe(0);
    expect(h.seen.rejected).toEqual([{ event: ev(2, 'guide_completed'), reason: 'ts: invalid' }]);
    expect(h.outbox.stats()).toMatchObject({ queued: 0, rejected: 1, lastAckAt: h.clock.now() });
    expect(h.seen.acks).toEqual([h.clock.now()]);
  });

  it('on 413 splits the batch in two until every event arrives', async () => {
    const h = harness({ answer: (b) => (b.ids.length > 10 ? { status: 413 } : { status: 200 }) });
    await h.outbox.enqueue(evs(1, 40, 'guide_completed'));
    await settle();
    expect(h.sent.map((b) => b.ids.length)).toEqual([40, 20, 10, 10, 20, 10, 10]);
    expect(h.sent.filter((b) => b.ids.length <= 10).flatMap((b) => b.ids)).toEqual(ids(evs(1, 40)));
    expect([await h.store.count(), h.seen.rejected]).toEqual([0, []]);
  });

  it('on 413 for a single event drops it and reports it as rejected', async () => {
    const big = ev(2, 'guide_completed', { text: 'x'.repeat(1_000) });
    const h = harness({ answer: (b) => (b.ids.includes(big.id) ? { status: 413 } : { status: 200 }) });
    await h.outbox.enqueue([ev(1, 'guide_completed'), big, ev(3, 'guide_completed')]);
    await settle();
    expect(h.seen.rejected).toEqual([{ event: big, reason: 'too large for the collector (413)' }]);
    expect([await h.store.count(), h.outbox.stats().rejected]).toEqual([0, 1]);
  });

  it.each([400, 401, 403])('on %i keeps the events, reports, and retries with backoff', async (status) => {
    const h = harness({ answer: (_b, n) => (n === 1 ? { status } : { status: 200 }) });
    await h.outbox.enqueue(evs(1, 3, 'guide_completed'));
    await settle();
    expect([await h.store.ids(), h.seen.errors.map(([, s]) => s)]).toEqual([ids(evs(1, 3)), [status]]);
    const next = h.outbox.stats().nextAttemptAt ?? 0;
    await h.advance(next - h.clock.now());
    expect(h.sent.map((b) => b.ids)).toEqual([ids(evs(1, 3)), ids(evs(1, 3))]);
    expect([await h.store.count(), h.outbox.stats().nextAttemptAt]).toEqual([0, undefined]);
  });

  it.each<[string, (now: number) => string]>([
    ['in seconds', () => '120'],
    ['as an HTTP date', (now) => new Date(now + 120_000).toUTCString()],
  ])('honours Retry-After %s: no send before it', async (_name, header) => {
    const h = harness({ answer: (b, n) => (n === 1 ? { status: 429, retryAfter: header(b.at) } : { status: 200 }) });
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    await h.outbox.flush();
    h.outbox.kick(true);
    await h.advance(119_999);
    expect(h.sent.length).toBe(1);
    await h.advance(1);
    expect([h.sent.length, h.sent[1]!.at - h.sent[0]!.at, await h.store.count()]).toEqual([2, 120_000, 0]);
  });

  it.each<[string, TransportResponse | Error]>([
    ['network error (rejected promise)', new Error('offline')],
    ['network error (status 0)', { status: 0 }],
    ['500', { status: 500 }],
    ['503 without Retry-After', { status: 503 }],
  ])('retries %s with growing, jittered, capped delays', async (_name, failure) => {
    const h = harness({ answer: () => failure });
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    for (let i = 0; i < 12; i++) await h.advance(h.outbox.stats().nextAttemptAt! - h.clock.now());
    const gaps = h.sent.slice(1).map((b, i) => b.at - h.sent[i]!.at);
    const bounds = gaps.map((_, i) => [backoffDelay(i + 1, 0, DEFAULT_OUTBOX), backoffDelay(i + 1, 0.999_999, DEFAULT_OUTBOX)]);
    expect(gaps.length).toBe(12);
    expect(gaps.every((g, i) => g >= bounds[i]![0]! && g <= bounds[i]![1]!)).toBe(true);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(300_000);
    expect([await h.store.count(), h.seen.errors]).toEqual([1, []]);
  });

  it('resets the backoff after a success', async () => {
    const h = harness({ answer: (_b, n) => (n <= 3 ? { status: 500 } : { status: 200 }) });
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    for (let i = 0; i < 3; i++) await h.advance(h.outbox.stats().nextAttemptAt! - h.clock.now());
    await h.outbox.enqueue([ev(2, 'guide_completed')]);
    await settle();
    expect([h.sent.length, h.sent[4]!.at - h.sent[3]!.at, h.outbox.stats().nextAttemptAt]).toEqual([5, 0, undefined]);
  });
});

describe('outbox: a bounded queue', () => {
  it('refuses beyond the bound, counts, reports, and sends the count once as dropped', async () => {
    const h = harness({ config: { maxQueue: 5 }, answer: (_b, n) => (n === 1 ? { status: 500 } : { status: 200 }) });
    await h.outbox.enqueue(evs(1, 7));
    expect([await h.store.ids(), h.outbox.stats().dropped, h.seen.errors.length]).toEqual([ids(evs(1, 5)), 2, 1]);
    await h.advance(2_000); // 500: the count must survive a failed batch
    await h.advance(h.outbox.stats().nextAttemptAt! - h.clock.now());
    await h.outbox.enqueue([ev(8, 'guide_completed')]);
    await settle();
    expect(h.sent.map((b) => [b.ids.length, b.dropped])).toEqual([[5, 2], [5, 2], [1, undefined]]);
    expect(h.outbox.stats().dropped).toBe(2);
  });
});

describe('outbox: several tabs', () => {
  it('a follower recounts near the bound: what the leader sent frees room', async () => {
    const h = harness({ config: { maxQueue: 5 } });
    h.state.leader = false;
    await h.outbox.enqueue(evs(1, 5));
    await h.store.remove(await h.store.ids()); // the leader tab acknowledged them
    await h.outbox.enqueue(evs(6, 8));
    expect([await h.store.ids(), h.outbox.stats().dropped]).toEqual([ids(evs(6, 8)), 0]);
  });


  it('never sends when not the leader, yet persists; a kick after gaining leadership sends', async () => {
    const h = harness();
    h.state.leader = false;
    await h.outbox.enqueue([ev(1), ev(2, 'guide_completed')]);
    await h.advance(600_000);
    await h.outbox.flush();
    expect([h.sent, await h.store.ids()]).toEqual([[], ids([ev(1), ev(2)])]);
    h.state.leader = true;
    h.outbox.kick();
    await h.advance(2_000);
    expect(h.sent.map((b) => b.ids)).toEqual([ids([ev(1), ev(2)])]);
  });

  it('never arms two timers, and dispose leaves none', async () => {
    const h = harness();
    await h.outbox.enqueue([ev(1)]);
    await h.outbox.enqueue([ev(2)]);
    h.outbox.kick();
    h.outbox.kick();
    expect(h.clock.pending()).toBe(1);
    h.outbox.dispose();
    await h.advance(10_000);
    expect([h.clock.pending(), h.sent]).toEqual([0, []]);
  });
});

describe('outbox: page hide', () => {
  it('beacons the unacknowledged events with the key, within budget, and keeps them queued', async () => {
    const h = harness({ key: 'pk_rh' });
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    await h.outbox.enqueue(Array.from({ length: 20 }, (_, i) => ev(i + 2, 'step_viewed', { text: 'é'.repeat(2_000) })));
    h.outbox.flushOnHide();
    const body = JSON.parse(h.beacons[0]!) as { key: string; events: CompagnonEvent[] };
    expect(body.key).toBe('pk_rh');
    expect(ids(body.events)).toEqual(ids(evs(2, 16))); // ev(1) was acknowledged; 15 of ~4 kB fit in 63 kB
    expect(Buffer.byteLength(h.beacons[0]!)).toBeLessThanOrEqual(DEFAULT_OUTBOX.beaconBytes);
    expect(await h.store.count()).toBe(20);
  });

  it('beacons from a follower tab too, and warns when the browser refuses', async () => {
    const h = harness();
    h.state.leader = false;
    h.refuseBeacons();
    await h.outbox.enqueue([ev(1)]);
    h.outbox.flushOnHide();
    expect([h.beacons.length, h.seen.warnings.length, await h.store.count()]).toEqual([1, 1, 1]);
  });

  it('sends nothing when nothing is waiting', () => {
    const h = harness();
    h.outbox.flushOnHide();
    expect(h.beacons).toEqual([]);
  });
  it('keeps what is still being written when the page hides, and the next page takes it back into its queue', async () => {
    const rescue = memoryRescue();
    // An append that never completes: the document went away during the IndexedDB write.
    const stuck: OutboxStore = { ...createMemoryOutboxStore(), append: () => new Promise(() => {}) };
    const closing = harness({ store: stuck, rescue });
    closing.refuseBeacons(); // the collector is down too
    void closing.outbox.enqueue([ev(1, 'step_completed')]); // being written
    void closing.outbox.enqueue([ev(2, 'guide_completed')]); // waiting behind it
    await settle();
    closing.outbox.flushOnHide();
    expect(ids(rescue.kept)).toEqual(ids([ev(1), ev(2)]));

    const next = harness({ rescue });
    await settle();
    expect([await next.store.ids(), rescue.kept]).toEqual([ids([ev(1), ev(2)]), []]);
    await next.advance(DEFAULT_OUTBOX.flushDelayMs);
    expect(next.sent.map((b) => b.ids)).toEqual([ids([ev(1), ev(2)])]);
  });

  it('keeps nothing aside once everything is safely stored', async () => {
    const rescue = memoryRescue();
    const h = harness({ rescue });
    await h.outbox.enqueue([ev(1)]);
    h.outbox.flushOnHide();
    expect(rescue.kept).toEqual([]);
  });
});

describe('outbox: persist before send', () => {
  it('no send ever carries an event the store has not appended', async () => {
    const h = harness({ answer: (_b, n) => (n % 3 === 1 ? { status: 500 } : { status: 200 }) });
    await h.outbox.enqueue(evs(1, 60));
    await h.outbox.enqueue([ev(61, 'guide_completed')]);
    await h.advance(600_000);
    await h.outbox.enqueue(evs(62, 70, 'opted_out'));
    await h.advance(600_000);
    const appendedAt = new Map(h.journal.map((line, i) => [line, i] as const).filter(([l]) => l.startsWith('append')).reverse());
    const sends = h.journal.map((line, i) => [line, i] as const).filter(([l]) => l.startsWith('send'));
    expect(sends.every(([line, i]) => (appendedAt.get(line.replace('send', 'append')) ?? Infinity) < i)).toBe(true);
    expect([new Set(sends.map(([l]) => l)).size, await h.store.count()]).toEqual([70, 0]);
  });

  it('keeps events in memory when the store fails, and persists then sends them later', async () => {
    const h = harness({ key: 'k' });
    h.failures.append = 2; // on enqueue, and again on the urgent flush's retry
    await h.outbox.enqueue([ev(1, 'guide_completed')]);
    await settle();
    expect([h.sent, await h.store.count(), h.seen.warnings.length]).toEqual([[], 0, 2]);
    h.outbox.flushOnHide();
    expect(ids(JSON.parse(h.beacons[0]!).events)).toEqual(ids([ev(1)]));
    await h.advance(h.outbox.stats().nextAttemptAt! - h.clock.now());
    expect([h.sent.map((b) => b.ids), h.journal]).toEqual([[ids([ev(1)])], [`append ${ev(1).id}`, `send ${ev(1).id}`]]);
  });

  it.each<[string, 'peek' | 'remove']>([
    ['a failed read', 'peek'],
    ['a failed removal after the ack', 'remove'],
  ])('backs off after %s instead of looping', async (_name, op) => {
    const h = harness();
    await h.outbox.enqueue([ev(1)]);
    h.failures[op] = 1;
    await h.advance(2_000);
    const before = h.sent.length;
    expect(h.outbox.stats().nextAttemptAt).toBeGreaterThan(h.clock.now());
    await h.advance(h.outbox.stats().nextAttemptAt! - h.clock.now());
    expect([before, await h.store.count()]).toEqual([op === 'peek' ? 0 : 1, 0]);
  });
});
