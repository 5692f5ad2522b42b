// Forwarding end to end against real storage (SQLite and PostgreSQL) and real HTTP: a conformance-checking LRS
// and a webhook receiver on 127.0.0.1. Time is manual: `runOnce` at a chosen `now`.
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { enqueueForwarding } from '../src/forwarding/enqueue.ts';
import { forwardingRoutes } from '../src/forwarding/routes.ts';
import { verifySignature } from '../src/forwarding/signature.ts';
import type { AppRow, EventRow } from '../src/forwarding/types.ts';
import { type Forwarding, type ForwardingOptions, startForwarding } from '../src/forwarding/worker.ts';
import { T0, appRow, eventRow } from './forwarding-fixtures.ts';
import { type Lrs, type Receiver, startLrs, startReceiver, statementProblems } from './forwarding-servers.ts';

const CREDENTIALS = { username: 'compagnon', password: 's3cret' };
const uuid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const events = (n: number, over: Partial<EventRow> = {}, from = 0) =>
  Array.from({ length: n }, (_, i) => eventRow({ id: uuid(from + i), type: 'step_viewed', step: `s${i}`, ...over }));

describe.each(openTestDbs())('forwarding on $name', ({ open, skip }) => {
  let db: Db;
  let lrs: Lrs;
  let hooks: Receiver;
  let clock: number;
  const workers: Forwarding[] = [];
  const worker = (o: ForwardingOptions = {}) => {
    const w = startForwarding(db, { now: () => clock, intervalMs: 3_600_000, random: () => 0, baseDelayMs: 1_000, ...o });
    workers.push(w);
    return w;
  };
  const deliveries = () => db.kysely.selectFrom('deliveries').selectAll().orderBy('created_at').orderBy('id').execute();
  const addApp = async (over: Partial<AppRow>) => {
    const app = appRow(over);
    await db.kysely.insertInto('apps').values(app).execute();
    return app;
  };
  const xapiApp = () => addApp({ xapi: JSON.stringify({ endpoint: `${lrs.url}/xapi`, ...CREDENTIALS, homePage: 'https://c.example' }) });

  beforeEach(async () => {
    if (skip) return;
    clock = T0;
    [db, lrs, hooks] = await Promise.all([open(), startLrs(CREDENTIALS), startReceiver()]);
  });
  afterEach(async () => {
    if (skip) return;
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all([db.close(), lrs.close(), hooks.close()]);
  });

  describe.skipIf(!!skip)('xAPI', () => {
    it('posts conformant statements whose ids are the event ids', async () => {
      const app = await xapiApp();
      const batch = [
        eventRow({ id: uuid(1), type: 'guide_started' }),
        eventRow({ id: uuid(2), type: 'step_viewed', step: 'submit' }),
        eventRow({ id: uuid(3), type: 'guide_completed' }),
        eventRow({ id: uuid(4), type: 'tooltip_opened' }),
      ];
      expect(await enqueueForwarding(db, app, batch, clock)).toBe(1);
      await worker().runOnce();

      expect(lrs.requests).toEqual([{ method: 'POST', path: '/xapi/statements', ids: [uuid(1), uuid(2), uuid(3)], status: 200 }]);
      const stored = [...lrs.statements.values()];
      expect(stored.flatMap(statementProblems)).toEqual([]);
      expect(stored.map((s) => [s.id, s.verb.id, s.actor.account.name])).toEqual([
        [uuid(1), 'http://adlnet.gov/expapi/verbs/initialized', 'a'.repeat(64)],
        [uuid(2), 'http://adlnet.gov/expapi/verbs/experienced', 'a'.repeat(64)],
        [uuid(3), 'http://adlnet.gov/expapi/verbs/completed', 'a'.repeat(64)],
      ]);
      expect(await deliveries()).toEqual([
        expect.objectContaining({ kind: 'xapi', status: 'delivered', attempts: 1, last_status: 200, last_error: null, delivered_at: T0 }),
      ]);
    });

    it('sends 250 statements in batches of 100', async () => {
      const app = await xapiApp();
      await enqueueForwarding(db, app, events(250), clock);
      await worker().runOnce();
      expect(lrs.requests.map((r) => r.ids.length).sort()).toEqual([100, 100, 50]);
      expect(lrs.statements.size).toBe(250);
    });

    it('resends idempotently: the LRS keeps one statement per id, and its 409 counts as delivered', async () => {
      const app = await xapiApp();
      const w = worker();
      await enqueueForwarding(db, app, events(3), clock);
      await w.runOnce();
      // The same events forwarded again (e.g. a delivery recorded as failed after the LRS had stored it),
      // plus one new event in the batch and one resent alone.
      await enqueueForwarding(db, app, events(4), clock);
      await enqueueForwarding(db, app, events(1), clock);
      await w.runOnce();

      expect(lrs.statements.size).toBe(4);
      expect([...lrs.statements.keys()].sort()).toEqual([uuid(0), uuid(1), uuid(2), uuid(3)]);
      expect(lrs.requests.filter((r) => r.status === 409).length).toBeGreaterThanOrEqual(2);
      expect((await deliveries()).map((d) => [d.status, d.attempts, d.last_error])).toEqual([
        ['delivered', 1, null],
        ['delivered', 1, null],
        ['delivered', 1, null],
      ]);
    });

    it('retries after a 500 with exponential backoff, then delivers', async () => {
      const app = await xapiApp();
      const w = worker();
      await enqueueForwarding(db, app, events(2), clock);
      lrs.failNext(2, 500);

      await w.runOnce();
      let [d] = await deliveries();
      // random() = 0: half of base·2^(attempts−1).
      expect(d).toMatchObject({ status: 'pending', attempts: 1, last_status: 500, next_attempt_at: T0 + 500 });
      expect(d!.last_error).toMatch(/^HTTP 500/);

      clock = T0 + 499;
      await w.runOnce();
      expect(lrs.requests).toHaveLength(1); // not due yet

      clock = T0 + 500;
      await w.runOnce();
      [d] = await deliveries();
      expect(d).toMatchObject({ status: 'pending', attempts: 2, last_status: 500, next_attempt_at: T0 + 500 + 1_000 });

      clock = T0 + 1_500;
      await w.runOnce();
      [d] = await deliveries();
      expect(d).toMatchObject({ status: 'delivered', attempts: 3, last_status: 200, last_error: null, delivered_at: T0 + 1_500 });
      expect(lrs.statements.size).toBe(2);
    });

    it('waits as long as Retry-After says', async () => {
      const app = await xapiApp();
      await enqueueForwarding(db, app, events(1), clock);
      lrs.failNext(1, 503, { 'retry-after': '30' });
      await worker().runOnce();
      expect((await deliveries())[0]).toMatchObject({ status: 'pending', next_attempt_at: T0 + 30_000, last_status: 503 });
    });

    it('gives up after maxAttempts, and at once on a permanent refusal', async () => {
      const app = await xapiApp();
      const w = worker({ maxAttempts: 2 });
      await enqueueForwarding(db, app, events(1), clock);
      lrs.failNext(5, 502);
      await w.runOnce();
      clock += 60_000;
      await w.runOnce();
      clock += 60_000;
      await w.runOnce();
      expect((await deliveries())[0]).toMatchObject({ status: 'failed', attempts: 2, last_status: 502 });
      expect(lrs.requests).toHaveLength(2);

      await enqueueForwarding(db, app, events(1, {}, 10), clock);
      lrs.failNext(1, 400);
      await w.runOnce();
      expect((await deliveries())[1]).toMatchObject({ status: 'failed', attempts: 1, last_status: 400 });
    });

    it('retries when the LRS cannot be reached', async () => {
      const app = await addApp({ xapi: JSON.stringify({ endpoint: 'http://127.0.0.1:9/xapi', ...CREDENTIALS }) });
      await enqueueForwarding(db, app, events(1), clock);
      await worker({ timeoutMs: 2_000 }).runOnce();
      expect((await deliveries())[0]).toMatchObject({ status: 'pending', attempts: 1, last_status: null });
      expect((await deliveries())[0]!.last_error).toMatch(/fetch failed|ECONNREFUSED/i);
    });

    it('sends each delivery once when several workers poll together', async () => {
      const app = await xapiApp();
      for (let i = 0; i < 30; i++) await enqueueForwarding(db, app, events(1, {}, i), clock);
      const ws = [worker({ claimBatch: 3 }), worker({ claimBatch: 3 }), worker({ claimBatch: 3 })];
      await Promise.all(ws.map((w) => w.runOnce()));
      expect(lrs.requests).toHaveLength(30);
      expect(new Set(lrs.requests.flatMap((r) => r.ids)).size).toBe(30);
      expect((await deliveries()).every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
    });

    it('fails a delivery whose app no longer forwards to that endpoint, without sending the credentials', async () => {
      const app = await xapiApp();
      await enqueueForwarding(db, app, events(1), clock);
      await db.kysely.updateTable('apps').set({ xapi: JSON.stringify({ endpoint: 'http://elsewhere', ...CREDENTIALS }) }).execute();
      await worker().runOnce();
      expect(lrs.requests).toHaveLength(0);
      expect((await deliveries())[0]).toMatchObject({ status: 'failed', last_error: 'xAPI forwarding is no longer configured for this endpoint' });
    });
  });

  describe.skipIf(!!skip)('webhooks', () => {
    const SECRET = 'whsec_test';
    const hookApp = (extra: object[] = []) =>
      addApp({ webhooks: JSON.stringify([{ url: `${hooks.url}/all`, secret: SECRET }, ...extra]) });

    it('posts { app, events } signed so that the receiver can verify it', async () => {
      const app = await hookApp([{ url: `${hooks.url}/done`, secret: 'other', events: ['guide_completed'] }]);
      await enqueueForwarding(db, app, [eventRow({ id: uuid(1), type: 'guide_started' }), eventRow({ id: uuid(2) })], clock);
      await worker().runOnce();

      const all = hooks.received.find((r) => r.path === '/all')!;
      const done = hooks.received.find((r) => r.path === '/done')!;
      expect(JSON.parse(all.body)).toMatchObject({ app: 'intranet', events: [{ id: uuid(1), type: 'guide_started' }, { id: uuid(2) }] });
      expect(JSON.parse(done.body).events.map((e: { id: string }) => e.id)).toEqual([uuid(2)]);
      expect(all.headers['content-type']).toBe('application/json');
      expect(all.headers['compagnon-signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature(SECRET, all.headers['compagnon-signature'] as string, all.body, 300, clock)).toBe(true);
      expect(verifySignature('other', done.headers['compagnon-signature'] as string, done.body, 300, clock)).toBe(true);
      expect(verifySignature('other', all.headers['compagnon-signature'] as string, all.body, 300, clock)).toBe(false);
    });

    it('retries a failed webhook, re-signed, with the same delivery id, and logs every attempt', async () => {
      const app = await hookApp();
      const w = worker();
      await enqueueForwarding(db, app, events(1), clock);
      hooks.answers.push(500, 503);
      await w.runOnce();
      clock += 500;
      await w.runOnce();
      expect((await deliveries())[0]).toMatchObject({ status: 'pending', attempts: 2, last_status: 503 });
      clock += 1_000;
      await w.runOnce();

      expect(hooks.received).toHaveLength(3);
      const [first, , last] = hooks.received;
      expect(new Set(hooks.received.map((r) => r.headers['compagnon-delivery'])).size).toBe(1);
      expect(first!.body).toBe(last!.body);
      expect(first!.headers['compagnon-signature']).not.toBe(last!.headers['compagnon-signature']);
      expect(verifySignature(SECRET, last!.headers['compagnon-signature'] as string, last!.body, 300, clock)).toBe(true);
      expect((await deliveries())[0]).toMatchObject({ status: 'delivered', attempts: 3, last_status: 204, delivered_at: clock });
    });
  });

  describe.skipIf(!!skip)('delivery log route', () => {
    const TOKEN = 'admin-token';
    const server = async () => {
      const f = Fastify();
      await f.register(forwardingRoutes, { db, adminToken: TOKEN });
      return f;
    };

    it('needs the admin token', async () => {
      const f = await server();
      for (const authorization of [undefined, 'Bearer wrong', TOKEN]) {
        const res = await f.inject({ url: '/v1/apps/intranet/deliveries', headers: authorization ? { authorization } : {} });
        expect(res.statusCode).toBe(401);
        expect(res.json().error).toMatch(/admin token/);
      }
      await f.close();
    });

    it('lists an app’s deliveries newest first, filtered by status', async () => {
      const app = await addApp({
        xapi: JSON.stringify({ endpoint: `${lrs.url}/xapi`, ...CREDENTIALS }),
        webhooks: JSON.stringify([{ url: `${hooks.url}/h`, secret: 's' }]),
      });
      await enqueueForwarding(db, app, events(1), clock);
      clock += 1_000;
      lrs.failNext(1, 500);
      await enqueueForwarding(db, app, events(1, { type: 'opted_out' }, 5), clock);
      await worker().runOnce();
      const f = await server();
      const get = (q: string) => f.inject({ url: `/v1/apps/intranet/deliveries${q}`, headers: { authorization: `Bearer ${TOKEN}` } });

      const all = (await get('')).json().deliveries;
      // The opted_out event matches no statement verb: only the webhook delivery was made for it.
      expect(all.map((d: { created_at: number }) => d.created_at)).toEqual([T0 + 1_000, T0, T0]);
      expect(all.map((d: { kind: string }) => d.kind).slice(1).sort()).toEqual(['webhook', 'xapi']);
      expect(all[0].kind).toBe('webhook');
      expect(all[0]).not.toHaveProperty('payload');
      const pending = (await get('?status=pending')).json().deliveries;
      expect(pending).toEqual([expect.objectContaining({ kind: 'xapi', status: 'pending', attempts: 1, last_status: 500 })]);
      expect((await get('?status=delivered')).json().deliveries).toHaveLength(2);
      expect((await get('?status=lost')).statusCode).toBe(400);
      expect((await get('?payload=1')).json().deliveries[0].payload).toMatchObject({ app: 'intranet' });
      expect((await f.inject({ url: '/v1/apps/other/deliveries', headers: { authorization: `Bearer ${TOKEN}` } })).json()).toEqual({ deliveries: [] });
      await f.close();
    });
  });
});
