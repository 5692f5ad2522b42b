import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { etagMatches } from '../src/guides/store.ts';
import { APP_ID, ORIGIN, admin, collector } from './collector-fixtures.ts';

const example = JSON.parse(readFileSync(new URL('../../../examples/intranet/guides.json', import.meta.url), 'utf8'));

describe.each(openTestDbs())('guide hosting on $name', ({ open, skip }) => {
  let db: Db;
  let app: FastifyInstance;
  beforeEach(async () => {
    if (skip) return;
    db = await open();
    ({ app } = await collector(db));
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await db.close();
  });
  const publish = (bundle: unknown, headers: Record<string, string> = admin) =>
    app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/guides`, headers, payload: bundle as object });
  const latest = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/v1/apps/${APP_ID}/guides`, headers });

  describe.skipIf(!!skip)('', () => {
    it('publishes versions and serves the latest with an ETag, 304 when unchanged', async () => {
      expect((await latest()).statusCode).toBe(404);
      const first = await publish(example);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ version: 1, etag: expect.stringMatching(/^"1-[0-9a-f]{16}"$/), unchanged: false });
      // The same bundle again (key order and $schema aside): nothing new is stored.
      const { $schema, ...same } = example;
      const again = await publish(Object.fromEntries(Object.entries(same).reverse()));
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ ...first.json(), unchanged: true });
      const second = await publish({ ...example, guides: example.guides.slice(0, 2) });
      expect(second.statusCode).toBe(201);
      expect(second.json()).toMatchObject({ version: 2, unchanged: false });

      const res = await latest();
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe(second.json().etag);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.json().guides.map((g: { id: string }) => g.id)).toEqual(['expense-tour', 'export-tip']);
      expect(res.json().$schema).toBeUndefined();

      const cached = await latest({ 'if-none-match': `W/${second.json().etag}` });
      expect(cached.statusCode).toBe(304);
      expect(cached.body).toBe('');
      expect((await latest({ 'if-none-match': first.json().etag })).statusCode).toBe(200);
      // Going back to the first bundle is a change: a new version, not version 1 again.
      expect((await publish(example)).json()).toMatchObject({ version: 3, unchanged: false });
    });

    it('refuses an invalid bundle with every error and its path', async () => {
      const broken = structuredClone(example);
      broken.guides[0].steps[0].target = 42;
      broken.guides[1].audience = ['nobody'];
      const res = await publish(broken);
      expect(res.statusCode).toBe(400);
      const { error, errors } = res.json();
      // The third: the checklist waiting for the dropped expense tour.
      expect(error).toMatch(/^the bundle has 3 error\(s\): guides\[0\]\.steps\[0\]\.target \(expense-tour\): /);
      expect(errors).toEqual([
        expect.objectContaining({ path: 'guides[0].steps[0].target', guide: 'expense-tour' }),
        expect.objectContaining({ path: 'guides[1].audience[0]', guide: 'export-tip' }),
        expect.objectContaining({ path: expect.stringMatching(/^guides\[\d\]\.items\[\d\]\.doneWhen\.guide$/), message: expect.any(String) }),
      ]);
      expect((await latest()).statusCode).toBe(404);
    });

    it('refuses a bundle written for another app', async () => {
      const res = await publish({ ...example, app: 'someone-else' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('app');
    });

    it('needs the admin token to publish, and the app to exist', async () => {
      expect((await publish(example, {})).statusCode).toBe(401);
      expect((await publish(example, { authorization: 'Bearer wrong' })).statusCode).toBe(401);
      const res = await app.inject({ method: 'POST', url: '/v1/apps/ghost-app/guides', headers: admin, payload: example });
      expect(res.statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/v1/apps/ghost-app/guides' })).statusCode).toBe(404);
    });

    it('serves guides cross-origin to the app origins only, preflight included', async () => {
      await publish(example);
      const ok = await latest({ origin: ORIGIN });
      expect(ok.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(ok.headers['access-control-expose-headers']).toContain('ETag');
      const pre = await app.inject({ method: 'OPTIONS', url: `/v1/apps/${APP_ID}/guides`, headers: { origin: ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } });
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-headers']).toContain('if-none-match');
      const foreign = await latest({ origin: 'https://evil.example' });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

describe('etagMatches', () => {
  it.each([
    { name: 'absent', header: undefined, match: false },
    { name: 'same', header: '"1-ab"', match: true },
    { name: 'weak', header: 'W/"1-ab"', match: true },
    { name: 'in a list', header: '"0-zz", "1-ab"', match: true },
    { name: 'star', header: '*', match: true },
    { name: 'other', header: '"2-ab"', match: false },
  ])('$name', ({ header, match }) => {
    expect(etagMatches(header, '"1-ab"')).toBe(match);
  });
});
