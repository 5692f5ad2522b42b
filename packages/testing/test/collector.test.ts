// The test collector, driven with plain fetch: the Chromium scenarios trust what it counts, so it is tested first.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompagnonEvent } from '@compagnon/schema';
import { startTestCollector, type TestCollector } from '../src/index.ts';

const ORIGIN = 'http://intranet.test:8080';

const event = (over: Partial<CompagnonEvent> = {}): CompagnonEvent => ({
  id: randomUUID(), type: 'guide_completed', ts: new Date().toISOString(), app: 'rh', user: 'u-1',
  session: 's-1', guide: 'expense-tour', guideVersion: 1, populations: ['new-hires'], url: '/expenses', ...over,
});

const postJson = (c: TestCollector, events: unknown[], extra: Record<string, unknown> = {}, key = 'pk_test') =>
  fetch(c.eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, origin: ORIGIN },
    body: JSON.stringify({ events, ...extra }),
  });

// What sendBeacon sends: no headers of our own, the key in a text/plain body.
const postBeacon = (c: TestCollector, events: unknown[], key = 'pk_test') =>
  fetch(c.eventsUrl, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: ORIGIN },
    body: JSON.stringify({ key, events }),
  });

let c: TestCollector;
beforeEach(async () => { c = await startTestCollector(); });
afterEach(async () => { await c.close(); });

describe('ingest', () => {
  it('stores a JSON batch sent with a Bearer key and acknowledges it, with CORS for the page origin', async () => {
    const batch = [event(), event({ type: 'step_viewed', step: 'new' })];
    const res = await postJson(c, batch);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(c.events()).toEqual(batch);
    expect(c.deliveries()).toBe(2);
    expect(c.requests()).toEqual([{ at: expect.any(Number), status: 200, events: 2, contentType: 'application/json' }]);
    expect(c.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(c.eventsUrl).toBe(`${c.url}/v1/events`);
  });

  it('stores a text/plain body carrying the key, as sendBeacon sends it', async () => {
    const batch = [event()];
    const res = await postBeacon(c, batch);
    expect(res.status).toBe(200);
    expect(c.events().map((e) => e.id)).toEqual([batch[0]!.id]);
    expect(c.requests()[0]).toMatchObject({ status: 200, contentType: 'text/plain;charset=UTF-8' });
  });

  it.each([
    { name: 'a wrong Bearer key', send: (k: TestCollector) => postJson(k, [event()], {}, 'pk_other') },
    { name: 'a wrong key in the body', send: (k: TestCollector) => postBeacon(k, [event()], 'pk_other') },
    { name: 'no key at all', send: (k: TestCollector) => fetch(k.eventsUrl, { method: 'POST', body: JSON.stringify({ events: [event()] }) }) },
  ])('answers 401 and stores nothing for $name', async ({ send }) => {
    const res = await send(c);
    expect(res.status).toBe(401);
    expect(c.events()).toEqual([]);
    expect(c.requests().map((r) => r.status)).toEqual([401]);
  });

  it('honours a custom key', async () => {
    const other = await startTestCollector({ key: 'pk_rh' });
    try {
      expect((await postJson(other, [event()], {}, 'pk_test')).status).toBe(401);
      expect((await postJson(other, [event()], {}, 'pk_rh')).status).toBe(200);
      expect(other.events()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('stores each id once, counting resent events as duplicates and deliveries', async () => {
    const a = event();
    const b = event({ type: 'guide_started' });
    await postJson(c, [a, b]);
    const again = await postJson(c, [b, a, a]);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    expect(c.events().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(c.deliveries()).toBe(5);
  });

  it('rejects invalid events by index and keeps the valid ones of the batch', async () => {
    const good = event();
    const res = await postJson(c, [{ ...event(), id: 'not-a-uuid' }, good, { ...event(), type: 'nope' }]);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([0, 2]);
    expect(body.rejected[0].reason).toMatch(/^id/);
    expect(c.events()).toEqual([good]);
  });

  it('records the dropped count a sender reports', async () => {
    await postJson(c, [event()], { dropped: 7 });
    expect(c.requests()[0]).toMatchObject({ status: 200, dropped: 7 });
  });

  it.each([
    { name: 'malformed JSON', body: '{"events": [', status: 400 },
    { name: 'no events array', body: JSON.stringify({ key: 'pk_test', event: {} }), status: 400 },
    { name: 'a body over 1 MiB', body: JSON.stringify({ key: 'pk_test', events: [], pad: 'x'.repeat(1024 * 1024) }), status: 413 },
  ])('answers $status to $name', async ({ body, status }) => {
    const res = await fetch(c.eventsUrl, { method: 'POST', headers: { 'content-type': 'text/plain' }, body });
    expect(res.status).toBe(status);
    expect(c.events()).toEqual([]);
  });

  it('answers 404 elsewhere and 405 to other methods', async () => {
    expect((await fetch(`${c.url}/v1/other`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(c.eventsUrl)).status).toBe(405);
  });

  it('answers CORS preflights without counting them as requests', async () => {
    const res = await fetch(c.eventsUrl, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(res.status).toBe(204);
    expect(Object.fromEntries(['allow-origin', 'allow-headers', 'allow-methods', 'max-age']
      .map((h) => [h, res.headers.get(`access-control-${h}`)]))).toEqual({
      'allow-origin': ORIGIN, 'allow-headers': 'content-type, authorization', 'allow-methods': 'POST', 'max-age': '600',
    });
    expect(c.requests()).toEqual([]);
  });
});

describe('behaviours on demand', () => {
  it.each([
    { name: '503 by default', behaviour: { kind: 'unavailable', retryAfter: 3, times: 2 } as const, status: 503 },
    { name: '429 when asked', behaviour: { kind: 'unavailable', status: 429, retryAfter: 3, times: 2 } as const, status: 429 },
  ])('answers $name with Retry-After, readable cross-origin, then ok', async ({ behaviour, status }) => {
    c.behave(behaviour);
    const batch = [event()];
    for (let i = 0; i < 2; i++) {
      const res = await postJson(c, batch);
      expect(res.status).toBe(status);
      expect(res.headers.get('retry-after')).toBe('3');
      expect(res.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
      expect(c.events()).toEqual([]);
    }
    expect((await postJson(c, batch)).status).toBe(200);
    expect(c.events()).toEqual(batch);
    expect(c.requests().map((r) => r.status)).toEqual([status, status, 200]);
  });

  it('stores the batch then drops the connection, so the sender sees a failure and resends', async () => {
    c.behave({ kind: 'drop-after-store', times: 1 });
    const batch = [event(), event({ type: 'step_completed', step: 'new' })];
    await expect(postJson(c, batch)).rejects.toThrow();
    expect(c.events()).toEqual(batch);
    const resent = await postJson(c, batch);
    expect(await resent.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(c.events()).toHaveLength(2);
    expect(c.requests().map((r) => r.status)).toEqual([0, 200]);
  });

  it.each([400, 401, 403] as const)('refuses whole batches with %i for `times`, storing nothing', async (status) => {
    c.behave({ kind: 'refuse', status, times: 1 });
    const batch = [event()];
    expect((await postJson(c, batch)).status).toBe(status);
    expect(c.events()).toEqual([]);
    expect((await postJson(c, batch)).status).toBe(200);
    expect(c.events()).toEqual(batch);
  });

  it('answers 413 to batches over maxEvents until told otherwise, and accepts the halves', async () => {
    c.behave({ kind: 'too-large', maxEvents: 2 });
    const batch = [event(), event(), event()];
    expect((await postJson(c, batch)).status).toBe(413);
    expect((await postJson(c, batch)).status).toBe(413);
    expect(c.events()).toEqual([]);
    expect((await postJson(c, batch.slice(0, 2))).status).toBe(200);
    expect((await postJson(c, batch.slice(2))).status).toBe(200);
    expect(c.events()).toEqual(batch);
    c.behave({ kind: 'ok' });
    expect((await postJson(c, [event(), event(), event()])).status).toBe(200);
    expect(c.requests().map((r) => [r.status, r.events])).toEqual([[413, 3], [413, 3], [200, 2], [200, 1], [200, 3]]);
  });

  it('does not let a caller mutate the behaviour it passed in', async () => {
    const behaviour = { kind: 'unavailable', retryAfter: 1, times: 1 } as const;
    c.behave(behaviour);
    expect((await postJson(c, [event()])).status).toBe(503);
    c.behave(behaviour);
    expect((await postJson(c, [event()])).status).toBe(503);
  });
});

describe('waitFor', () => {
  it('resolves after the request that makes the predicate true', async () => {
    const waiting = c.waitFor(() => c.events().some((e) => e.type === 'checklist_completed'), 5_000);
    await postJson(c, [event()]);
    await postJson(c, [event({ type: 'checklist_completed', guide: 'first-week' })]);
    await expect(waiting).resolves.toBeUndefined();
  });

  it('rejects after the timeout, naming what arrived', async () => {
    await postJson(c, [event(), event({ type: 'step_viewed', step: 'new' })]);
    c.behave({ kind: 'unavailable', retryAfter: 1, times: 1 });
    await postJson(c, [event()]);
    await expect(c.waitFor(() => c.events().length > 5, 200)).rejects.toThrow(
      /not true after 200 ms; 2 unique event\(s\): guide_completed\(expense-tour\), step_viewed\(expense-tour\/new\); 2 request\(s\), last: 200:2 503:1/,
    );
  });
});
