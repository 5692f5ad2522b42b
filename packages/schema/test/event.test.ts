import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventSchemas, parseEvent } from '../src/index.ts';

const ok = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  type: 'guide_completed',
  ts: '2026-11-02T09:30:00.000Z',
  app: 'intranet-rh',
  user: 'u-123',
  session: 's-1',
  guide: 'expense-tour',
  guideVersion: 2,
  step: 'done',
  populations: ['new-hires'],
  url: '/expenses',
  props: { reason: 'completed', n: 1 },
};
const minimal = { id: ok.id, type: 'opted_out', ts: '2026-11-02T10:30:00+01:00', app: 'a', session: 's', populations: [] };

describe('parseEvent', () => {
  it.each([
    { name: 'full event', input: ok },
    { name: 'minimal event, offset timestamp', input: minimal },
  ])('accepts a $name', ({ input }) => {
    expect(parseEvent(input)).toEqual({ ok: true, event: input });
  });

  it.each([
    { name: 'not an object', input: 'x', reason: 'expected an object, got string' },
    { name: 'id not a uuid', input: { ...ok, id: '123' }, reason: 'id: expected a UUID' },
    { name: 'unknown type', input: { ...ok, type: 'clicked' }, reason: expect.stringMatching(/^type: expected "guide_started", .* or "session_started", got "clicked"$/) },
    { name: 'timestamp not ISO', input: { ...ok, ts: 'yesterday' }, reason: 'ts: expected an ISO 8601 date-time' },
    { name: 'missing session', input: { ...ok, session: undefined }, reason: 'session: missing, expected a string' },
    { name: 'guideVersion 0', input: { ...ok, guideVersion: 0 }, reason: 'guideVersion: at least 1' },
    { name: 'populations not a list', input: { ...ok, populations: 'a' }, reason: 'populations: expected an array, got string' },
    { name: 'props an array', input: { ...ok, props: [] }, reason: 'props: expected an object, got array' },
    { name: 'unknown field', input: { ...ok, userAgent: 'x' }, reason: 'userAgent: unknown key "userAgent"' },
  ])('rejects $name, naming the field', ({ input, reason }) => {
    expect(parseEvent(input)).toEqual({ ok: false, reason });
  });

  it('knows every event type the SDK sends', () => {
    for (const type of EVENT_TYPES) expect(parseEvent({ ...minimal, type })).toMatchObject({ ok: true });
    expect(EVENT_TYPES).toHaveLength(12);
  });
});

describe('EventBatchSchema', () => {
  const batch = (n: number) => ({ key: 'pk_app', events: Array.from({ length: n }, () => minimal) });
  it.each([
    { name: 'beacon batch with key', input: batch(2), success: true },
    { name: 'fetch batch without key', input: { events: [ok] }, success: true },
    { name: '500 events', input: batch(500), success: true },
    { name: '501 events', input: batch(501), success: false },
    { name: 'one bad event', input: { events: [ok, { ...ok, id: 'x' }] }, success: false },
    { name: 'overflow count', input: { events: [ok], dropped: 3 }, success: true },
    { name: 'overflow count with no event left to send', input: { events: [], dropped: 1 }, success: true },
    { name: 'overflow count 0 (absent instead)', input: { events: [], dropped: 0 }, success: false },
    { name: 'overflow count not an integer', input: { events: [], dropped: 1.5 }, success: false },
    { name: 'overflow count as a string', input: { events: [], dropped: '3' }, success: false },
  ])('$name', ({ input, success }) => {
    expect(eventSchemas().EventBatchSchema.safeParse(input).success).toBe(success);
  });
});
