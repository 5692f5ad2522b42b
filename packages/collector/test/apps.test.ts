import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { ADMIN, APP_ID, NOW, ORIGIN, admin, collector, event } from './collector-fixtures.ts';

describe.each(openTestDbs())('apps on $name', ({ open, skip }) => {
  let db: Db;
  let app: FastifyInstance;
  let key: string;
  beforeEach(async () => {
    if (skip) return;
    db = await open();
    ({ app, key } = await collector(db, { origins: [`${ORIGIN}/`] }));
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await db.close();
  });
  const send = (k: string, origin?: string) =>
    app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json', ...(origin ? { origin } : {}) }, payload: { events: [event()] } });

  describe.skipIf(!!skip)('', () => {
    it('creates an app with a write key, never showing its secret', async () => {
      const res = await app.inject({ method: 'GET', url: `/v1/apps/${APP_ID}`, headers: admin });
      expect(res.json()).toEqual({
        id: APP_ID,
        name: 'Intranet RH',
        write_keys: [key],
        origins: [ORIGIN],
        retention_days: null,
        k_anonymity: 5,
        xapi: null,
        webhooks: null,
        created_at: NOW,
      });
      expect(key).toMatch(/^wk_[\w-]{24}$/);
      expect(res.body).not.toContain((await db.kysely.selectFrom('apps').select('secret').executeTakeFirstOrThrow()).secret);
      expect((await send(key, ORIGIN)).statusCode).toBe(200);
    });

    it('updates only the fields given, and the change applies at once', async () => {
      const res = await app.inject({ method: 'PUT', url: `/v1/apps/${APP_ID}`, headers: admin, payload: { origins: ['https://hr.example'], k_anonymity: 10 } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Intranet RH', origins: ['https://hr.example'], k_anonymity: 10, write_keys: [key] });
      expect(res.json().write_key).toBeUndefined();
      expect((await send(key, ORIGIN)).statusCode).toBe(403);
      expect((await send(key, 'https://hr.example')).statusCode).toBe(200);
    });

    it('adds write keys, the old ones still valid; explicit keys replace them', async () => {
      const res = await app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/keys`, headers: admin });
      expect(res.statusCode).toBe(201);
      const second = res.json().key;
      expect((await send(second)).statusCode).toBe(200);
      expect((await send(key)).statusCode).toBe(200);
      await app.inject({ method: 'PUT', url: `/v1/apps/${APP_ID}`, headers: admin, payload: { write_keys: ['pk_chosen_key'] } });
      expect((await send(key)).statusCode).toBe(401);
      expect((await send('pk_chosen_key')).statusCode).toBe(200);
    });

    it('lists apps', async () => {
      await app.inject({ method: 'PUT', url: '/v1/apps/another', headers: admin, payload: {} });
      const res = await app.inject({ method: 'GET', url: '/v1/apps', headers: admin });
      expect(res.json().apps.map((a: { id: string }) => a.id)).toEqual(['another', APP_ID]);
    });

    it.each([
      { name: 'no token', headers: {}, url: `/v1/apps/${APP_ID}`, payload: {}, status: 401, error: /admin token/ },
      { name: 'wrong token', headers: { authorization: `Bearer ${ADMIN}x` }, url: `/v1/apps/${APP_ID}`, payload: {}, status: 401, error: /admin token/ },
      { name: 'a bad id', headers: admin, url: '/v1/apps/-bad', payload: {}, status: 400, error: /app id/ },
      { name: 'an unknown field', headers: admin, url: `/v1/apps/${APP_ID}`, payload: { retentionDays: 3 }, status: 400, error: /unknown field\(s\): retentionDays/ },
      { name: 'a bad origin', headers: admin, url: `/v1/apps/${APP_ID}`, payload: { origins: ['hr.example/path'] }, status: 400, error: /origins/ },
      { name: 'a bad k', headers: admin, url: `/v1/apps/${APP_ID}`, payload: { k_anonymity: 0 }, status: 400, error: /k_anonymity/ },
    ])('PUT refuses $name', async ({ headers, url, payload, status, error }) => {
      const res = await app.inject({ method: 'PUT', url, headers, payload });
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toMatch(error);
    });

    it('answers unknown routes with a JSON 404', async () => {
      const res = await app.inject({ method: 'GET', url: '/v1/nothing?x=1' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ error: 'not found: GET /v1/nothing' });
    });
  });
});
