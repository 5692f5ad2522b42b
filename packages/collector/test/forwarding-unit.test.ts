import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../src/forwarding/backoff.ts';
import { deliveriesFor } from '../src/forwarding/enqueue.ts';
import { signatureHeader, verifySignature } from '../src/forwarding/signature.ts';
import { T0, appRow, eventRow } from './forwarding-fixtures.ts';
import { type Statement, toStatement, xapiIris } from '../src/forwarding/xapi.ts';

const iris = xapiIris('intranet', { endpoint: 'http://lrs', username: 'u', password: 'p' }, 'https://compagnon.example');

describe('xAPI statements', () => {
  it.each([
    { type: 'guide_started', verb: 'initialized' },
    { type: 'step_viewed', verb: 'experienced', step: 'submit' },
    { type: 'step_completed', verb: 'progressed', step: 'submit' },
    { type: 'checklist_item_completed', verb: 'progressed', item: 'profile' },
    { type: 'guide_completed', verb: 'completed' },
    { type: 'checklist_completed', verb: 'completed' },
    { type: 'guide_dismissed', verb: 'exited' },
  ])('$type → $verb', ({ type, verb, step, item }) => {
    const s = toStatement(eventRow({ type, step: step ?? null, item: item ?? null }), iris) as Statement;
    expect(s.verb.id).toBe(`http://adlnet.gov/expapi/verbs/${verb}`);
    expect(s.verb.display).toEqual({ 'en-US': verb });
  });

  it('has the id of the event, the pseudonymous account, the ISO timestamp and the guide as object', () => {
    const s = toStatement(eventRow(), iris);
    expect(s).toEqual({
      id: '5f0c8e9a-1b2c-4d3e-8f40-0123456789ab',
      actor: { objectType: 'Agent', account: { homePage: 'https://compagnon.example', name: 'a'.repeat(64) } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: 'https://compagnon.example/apps/intranet/guides/expense-tour',
        definition: { type: 'http://adlnet.gov/expapi/activities/module', name: { und: 'expense-tour' } },
      },
      result: { completion: true },
      context: {
        platform: 'Compagnon',
        registration: '0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
        extensions: { 'https://compagnon.example/apps/intranet/extensions/guide-version': 3 },
      },
      timestamp: '2025-01-15T09:30:00.000Z',
    });
  });

  it('makes a step the object, inside its guide', () => {
    const s = toStatement(eventRow({ type: 'step_viewed', step: 'new expense', guide_version: null, session: 's-1' }), iris)!;
    expect(s.object.id).toBe('https://compagnon.example/apps/intranet/guides/expense-tour/steps/new%20expense');
    expect(s.context).toEqual({
      platform: 'Compagnon',
      contextActivities: { parent: [expect.objectContaining({ id: 'https://compagnon.example/apps/intranet/guides/expense-tour' })] },
    });
    expect(s.result).toBeUndefined();
  });

  it('uses the configured home page and activity base', () => {
    const own = xapiIris('x', { endpoint: 'e', username: '', password: '', homePage: 'https://hr.example', activityBase: 'https://lms.example/act/' }, 'http://unused');
    const s = toStatement(eventRow(), own)!;
    expect(s.actor.account.homePage).toBe('https://hr.example');
    expect(s.object.id).toBe('https://lms.example/act/guides/expense-tour');
  });

  it.each([
    { name: 'an unmapped type', over: { type: 'tooltip_opened' } },
    { name: 'an anonymous event', over: { user_hash: null } },
    { name: 'an event without guide', over: { guide: null } },
  ])('sends no statement for $name', ({ over }) => {
    expect(toStatement(eventRow(over), iris)).toBeNull();
  });
});

describe('deliveries for an ingested batch', () => {
  const events = Array.from({ length: 250 }, (_, i) =>
    eventRow({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: i % 2 ? 'step_viewed' : 'opted_out', step: 's' }),
  );
  const app = appRow({
    xapi: JSON.stringify({ endpoint: 'http://lrs/xapi', username: 'u', password: 'p' }),
    webhooks: JSON.stringify([
      { url: 'http://hook/all', secret: 's1' },
      { url: 'http://hook/completions', secret: 's2', events: ['guide_completed'] },
      { url: 'http://hook/opt-outs', secret: 's3', events: ['opted_out'] },
    ]),
  });

  it('batches statements by 100 and makes one delivery per matching webhook', () => {
    const rows = deliveriesFor(app, events, T0, 'https://c.example');
    const xapi = rows.filter((r) => r.kind === 'xapi');
    expect(xapi.map((r) => (JSON.parse(r.payload) as unknown[]).length)).toEqual([100, 25]);
    expect(rows.filter((r) => r.kind === 'webhook').map((r) => [r.target, JSON.parse(r.payload).events.length])).toEqual([
      ['http://hook/all', 250],
      ['http://hook/opt-outs', 125],
    ]);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0 && r.next_attempt_at === T0)).toBe(true);
  });

  it('keeps credentials and secrets out of the payloads', () => {
    const text = deliveriesFor(app, events, T0).map((r) => r.payload).join('');
    expect(text).not.toMatch(/"p"|s1|s2|s3/);
  });

  it('gives webhooks the event shape with the pseudonym', () => {
    const [hook] = deliveriesFor(appRow({ webhooks: '[{"url":"http://h","secret":"k"}]' }), [eventRow({ props: '{"a":1}' })], T0);
    expect(JSON.parse(hook!.payload)).toEqual({
      app: 'intranet',
      events: [
        {
          id: '5f0c8e9a-1b2c-4d3e-8f40-0123456789ab',
          type: 'guide_completed',
          ts: '2025-01-15T09:30:00.000Z',
          app: 'intranet',
          userHash: 'a'.repeat(64),
          session: '0b6f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
          guide: 'expense-tour',
          guideVersion: 3,
          step: null,
          item: null,
          populations: ['new-hires'],
          url: 'https://intranet.example/expenses',
          props: { a: 1 },
        },
      ],
    });
  });

  it.each([
    { name: 'nothing configured', app: appRow() },
    { name: 'malformed JSON config', app: appRow({ xapi: '{', webhooks: 'nope' }) },
    { name: 'a webhook without secret', app: appRow({ webhooks: '[{"url":"http://h"}]' }) },
  ])('makes none with $name', ({ app }) => {
    expect(deliveriesFor(app, events, T0)).toEqual([]);
  });
});

describe('webhook signatures', () => {
  const body = '{"app":"intranet","events":[]}';
  const now = T0;

  it('signs "<t>.<body>" with HMAC-SHA256, Stripe-style', () => {
    const t = Math.floor(now / 1000);
    const hex = createHmac('sha256', 'whsec').update(`${t}.${body}`).digest('hex');
    expect(signatureHeader('whsec', body, now)).toBe(`t=${t},v1=${hex}`);
  });

  it.each([
    { name: 'the signed body', secret: 'whsec', got: body, at: now, ok: true },
    { name: 'at the tolerance', secret: 'whsec', got: body, at: now + 300_000, ok: true },
    { name: 'a changed body', secret: 'whsec', got: body.replace('intranet', 'other'), at: now, ok: false },
    { name: 'another secret', secret: 'other', got: body, at: now, ok: false },
    { name: 'an old signature (replay)', secret: 'whsec', got: body, at: now + 301_000, ok: false },
  ])('verifies $name: $ok', ({ secret, got, at, ok }) => {
    expect(verifySignature(secret, signatureHeader('whsec', body, now), got, 300, at)).toBe(ok);
  });

  it('accepts any of several v1 values (secret rotation) and a Buffer body', () => {
    const h = signatureHeader('new', body, now);
    const t = h.split(',')[0];
    const rotated = `${t},v1=${'0'.repeat(64)},${h.split(',')[1]}`;
    expect(verifySignature('new', rotated, Buffer.from(body), 300, now)).toBe(true);
  });

  it.each([undefined, '', 't=abc,v1=00', 'v1=' + '0'.repeat(64), 't=1'])('rejects the malformed header %j', (header) => {
    expect(verifySignature('whsec', header, body, 300, now)).toBe(false);
  });
});

describe('retry backoff', () => {
  const o = { baseDelayMs: 1000, maxDelayMs: 60_000 };
  it.each([
    { attempts: 1, random: 0, delay: 500 },
    { attempts: 1, random: 1, delay: 1000 },
    { attempts: 3, random: 0.5, delay: 3000 },
    { attempts: 20, random: 1, delay: 60_000 },
    { attempts: 20, random: 0, delay: 30_000 },
  ])('after attempt $attempts with random $random: $delay ms', ({ attempts, random, delay }) => {
    expect(retryDelay(attempts, random, o)).toBe(delay);
  });

  it('lets a longer Retry-After win, within the cap', () => {
    expect(retryDelay(1, 0, o, 10_000)).toBe(10_000);
    expect(retryDelay(1, 0, o, 999_999)).toBe(60_000);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter(new Date(T0 + 5000).toUTCString(), T0)).toBe(5000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});
