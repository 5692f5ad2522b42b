import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { pseudonymise } from '../src/privacy/pseudonymise.ts';
import { purgeExpired } from '../src/privacy/retention.ts';
import { APP_ID, NOW, admin, collector, event } from './collector-fixtures.ts';

const DAY = 86_400_000;

describe('pseudonymise', () => {
  it('is HMAC-SHA256 in hex: stable per secret, different across secrets', () => {
    // RFC 4231 test case 2.
    expect(pseudonymise('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(pseudonymise('s1', 'alice')).toBe(pseudonymise('s1', 'alice'));
    expect(pseudonymise('s1', 'alice')).not.toBe(pseudonymise('s2', 'alice'));
  });
});

describe.each(openTestDbs())('privacy on $name', ({ open, skip }) => {
  let db: Db;
  let app: FastifyInstance;
  let key: string;
  beforeEach(async () => {
    if (skip) return;
    db = await open();
    ({ app, key } = await collector(db, { body: { webhooks: [{ url: 'http://127.0.0.1:9/hook', secret: 'whsec' }] } }));
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await db.close();
  });
  const ingest = (events: unknown[]) =>
    app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload: { events } });
  const count = async (table: 'events' | 'roster' | 'deliveries') =>
    Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  describe.skipIf(!!skip)('', () => {
    it('erases one person everywhere: events, roster, queued forwardings', async () => {
      await ingest([event({ user: 'alice' }), event({ user: 'alice', type: 'guide_completed' }), event({ user: 'bob' })]);
      await app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/roster`, headers: { ...admin, 'content-type': 'text/csv' }, payload: 'id,dept\nalice,HR\nbob,IT\n' });
      await ingest([event({ user: 'carol' })]);
      expect(await count('deliveries')).toBe(2);

      const res = await app.inject({ method: 'DELETE', url: `/v1/apps/${APP_ID}/users/alice`, headers: admin });
      expect(res.statusCode).toBe(200);
      // The roster row and the events matched: the same pseudonym at ingest and at import.
      expect(res.json()).toEqual({ events: 2, roster: 1, deliveries: 1 });
      expect(await count('events')).toBe(2);
      expect(await count('roster')).toBe(1);
      expect(await count('deliveries')).toBe(1);
      const again = await app.inject({ method: 'DELETE', url: `/v1/apps/${APP_ID}/users/alice`, headers: admin });
      expect(again.json()).toEqual({ events: 0, roster: 0, deliveries: 0 });
    });

    it('needs the admin token and a known app', async () => {
      expect((await app.inject({ method: 'DELETE', url: `/v1/apps/${APP_ID}/users/alice` })).statusCode).toBe(401);
      expect((await app.inject({ method: 'DELETE', url: '/v1/apps/nope/users/alice', headers: admin })).statusCode).toBe(404);
    });

    it('purges events older than the retention, by event time or by arrival', async () => {
      await app.inject({ method: 'PUT', url: `/v1/apps/${APP_ID}`, headers: admin, payload: { retention_days: 30 } });
      const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
      await ingest([event({ ts: at(31) }), event({ ts: at(29) }), event({ ts: at(1) })]);
      // Received 40 days ago, though its clock claims the future.
      await db.kysely.updateTable('events').set({ received_at: NOW - 40 * DAY, ts: NOW + DAY }).where('ts', '=', Date.parse(at(1))).execute();
      // Another app without retention keeps everything.
      await app.inject({ method: 'PUT', url: '/v1/apps/keeper', headers: admin, payload: {} });
      await db.kysely
        .insertInto('events')
        .values({ ...(await db.kysely.selectFrom('events').selectAll().executeTakeFirstOrThrow()), id: 'old-keeper', app: 'keeper', ts: NOW - 1000 * DAY })
        .execute();
      expect(await purgeExpired(db, NOW)).toEqual({ events: 2, deliveries: 0 });
      const left = await db.kysely.selectFrom('events').select(['app', 'ts']).orderBy('app').execute();
      expect(left).toEqual([
        { app: APP_ID, ts: Date.parse(at(29)) },
        { app: 'keeper', ts: NOW - 1000 * DAY },
      ]);
      expect(await purgeExpired(db, NOW)).toEqual({ events: 0, deliveries: 0 });
    });
  });
});
