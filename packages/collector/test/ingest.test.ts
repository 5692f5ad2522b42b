import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCache } from '../src/apps/cache.ts';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { ingestBatch } from '../src/ingest/store.ts';
import { pseudonymise } from '../src/privacy/pseudonymise.ts';
import { APP_ID, EXTENSION, NOW, ORIGIN, collector, event, events } from './collector-fixtures.ts';

describe.each(openTestDbs())('ingest on $name', ({ name, open, skip }) => {
  let db: Db;
  let app: FastifyInstance;
  let key: string;
  beforeEach(async () => {
    if (skip) return;
    db = await open();
    ({ app, key } = await collector(db, { rateLimit: { max: 1000, timeWindow: 60_000 } }));
  });
  afterEach(async () => {
    if (skip) return;
    await app.close();
    await db.close();
  });

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/v1/events',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
      payload: typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
    });
  const stored = () => db.kysely.selectFrom('events').selectAll().orderBy('ts').execute();

  describe.skipIf(!!skip)('', () => {
    it('stores valid events once, rejects invalid ones by index with a reason', async () => {
      const batch = [event(), event({ ts: 'yesterday' }), event({ type: 'guide_completed' }), event({ app: 'other-app' })];
      const res = await post({ events: batch });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ accepted: 2, duplicates: 0 });
      expect(body.rejected).toEqual([
        { index: 1, reason: expect.stringMatching(/^ts: /) },
        { index: 3, reason: expect.stringContaining(`expected "${APP_ID}"`) },
      ]);
      // The retry of the same batch: nothing new, each valid event a duplicate.
      const again = await post({ events: batch });
      expect(again.json()).toMatchObject({ accepted: 0, duplicates: 2 });
      expect(await stored()).toHaveLength(2);
    });

    it('stores the row as the contract says, the user only as a pseudonym', async () => {
      const e = event({ props: { reason: 'close' }, step: 'open' });
      await post({ events: [e] });
      const [row] = await stored();
      const secret = (await db.kysely.selectFrom('apps').select('secret').executeTakeFirstOrThrow()).secret;
      expect(row).toEqual({
        id: e.id,
        app: APP_ID,
        type: 'guide_started',
        ts: Date.parse(e.ts as string),
        user_hash: pseudonymise(secret, 'alice@example.com'),
        session: 'sess-1',
        guide: 'expense-tour',
        guide_version: 1,
        step: 'open',
        item: null,
        populations: '["new-hires"]',
        url: 'https://intranet.example/expenses',
        props: '{"reason":"close"}',
        received_at: NOW,
      });
      const everything = JSON.stringify(await stored());
      expect(everything).not.toContain('alice');
    });

    it('counts an id repeated within one batch as a duplicate', async () => {
      const e = event();
      expect((await post({ events: [e, e, { ...e, id: (e.id as string).toUpperCase() }] })).json()).toMatchObject({ accepted: 1, duplicates: 2 });
    });

    it('accepts v4 ids (older SDKs) and v7 ids (time-ordered, the SDK now) alike', async () => {
      const v7 = '019b76da-a800-7abc-9def-0123456789ab';
      const res = await post({ events: [event(), event({ id: v7 })] });
      expect(res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
      expect((await stored()).map((e) => e.id)).toContain(v7);
    });

    it('stores each event exactly once under concurrent retries', async () => {
      const batch = events(50);
      const answers = await Promise.all(Array.from({ length: 8 }, () => post({ events: batch })));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
      const accepted = answers.reduce((n, a) => n + a.json().accepted, 0);
      expect(accepted).toBe(50);
      expect(answers.reduce((n, a) => n + a.json().duplicates, 0)).toBe(7 * 50);
      expect(await stored()).toHaveLength(50);
    });

    // PostgreSQL: one round trip. SQLite: in-process calls of one prepared statement, within one transaction.
    it('inserts a batch in one statement on PostgreSQL, in one transaction on SQLite', async () => {
      const queries: string[] = [];
      const spy: KyselyPlugin = {
        transformQuery: ({ node }: PluginTransformQueryArgs) => (queries.push(node.kind), node),
        transformResult: async ({ result }: PluginTransformResultArgs) => result,
      };
      const kysely = db.kysely.withPlugin(spy);
      let transactions = 0;
      const original = kysely.transaction.bind(kysely);
      kysely.transaction = () => (transactions++, original());
      const target = await createAppCache(db).byId(APP_ID);
      const r = await ingestBatch({ ...db, kysely }, target!, events(500), NOW);
      expect(r.accepted).toBe(500);
      if (name === 'postgres') expect(queries).toEqual(['RawNode']);
      else expect({ queries, transactions }).toEqual({ queries: [], transactions: 1 });
      expect(await stored()).toHaveLength(500);
    });

    it('takes the write key from a text/plain beacon body', async () => {
      const res = await post(JSON.stringify({ key, events: [event()] }), { 'content-type': 'text/plain;charset=UTF-8', authorization: '' });
      expect(res.statusCode).toBe(200);
      expect(res.json().accepted).toBe(1);
    });

    it('accepts gzip', async () => {
      const res = await post(gzipSync(JSON.stringify({ events: events(3) })), { 'content-encoding': 'gzip' });
      expect(res.statusCode).toBe(200);
      expect(res.json().accepted).toBe(3);
    });

    // The table of bad inputs: each its 4xx with a clear message, and the server keeps serving.
    const big = () => JSON.stringify({ events: [event({ props: { pad: 'x'.repeat(2 * 1024 * 1024) } })] });
    it.each([
      { name: 'malformed JSON', payload: () => '{"events": [', headers: {}, status: 400, error: /not JSON/ },
      { name: 'empty body', payload: () => '', headers: {}, status: 400, error: /empty body/ },
      { name: 'not a batch', payload: () => '[1,2]', headers: {}, status: 400, error: /expected \{ events/ },
      { name: 'events of the wrong type', payload: () => '{"events": "many"}', headers: {}, status: 400, error: /expected \{ events/ },
      { name: 'missing key', payload: () => JSON.stringify({ events: [] }), headers: { authorization: '' }, status: 401, error: /missing write key/ },
      { name: 'wrong key', payload: () => JSON.stringify({ events: [] }), headers: { authorization: 'Bearer nope' }, status: 401, error: /unknown write key/ },
      { name: 'foreign origin', payload: () => JSON.stringify({ events: [event()] }), headers: { origin: 'https://evil.example' }, status: 403, error: /origin https:\/\/evil.example is not allowed/ },
      { name: '2 MiB body', payload: big, headers: {}, status: 413, error: /at most 1048576 bytes/ },
      { name: 'a gzip bomb', payload: () => gzipSync(Buffer.alloc(64 * 1024 * 1024, 32)), headers: { 'content-encoding': 'gzip' }, status: 413, error: /after decompression/ },
      { name: 'broken gzip', payload: () => Buffer.from('not gzip at all'), headers: { 'content-encoding': 'gzip' }, status: 400, error: /not valid gzip/ },
      { name: 'unknown encoding', payload: () => 'x', headers: { 'content-encoding': 'br' }, status: 415, error: /unsupported content-encoding/ },
      { name: '501 events', payload: () => JSON.stringify({ events: events(501) }), headers: {}, status: 413, error: /at most 500 events/ },
      { name: '10,000 events', payload: () => JSON.stringify({ events: Array(10_000).fill({}) }), headers: {}, status: 413, error: /at most 500 events/ },
    ])('$name → $status', async ({ payload, headers, status, error }) => {
      const res = await post(payload(), headers as Record<string, string>);
      expect(res.statusCode).toBe(status);
      expect(res.json().error).toMatch(error);
      const ok = await post({ events: [event()] });
      expect(ok.json().accepted).toBe(1);
    });

    it('rejects an event with a NUL character rather than failing the batch', async () => {
      const res = await post({ events: [event({ session: 'a\u0000b' }), event()] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ accepted: 1, rejected: [{ index: 0, reason: 'session: contains a NUL character' }] });
    });

    it('answers CORS for allowed origins, extension included, and exposes Retry-After', async () => {
      for (const origin of [ORIGIN, EXTENSION]) {
        const res = await post({ events: [event()] }, { origin });
        expect(res.statusCode).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBe(origin);
        expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
        expect(res.headers.vary).toContain('Origin');
      }
      const foreign = await post({ events: [event()] }, { origin: 'https://evil.example' });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('answers preflights, Private Network Access included', async () => {
      const res = await app.inject({
        method: 'OPTIONS',
        url: '/v1/events',
        headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization', 'access-control-request-private-network': 'true' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers).toMatchObject({
        'access-control-allow-origin': ORIGIN,
        'access-control-allow-methods': expect.stringContaining('POST'),
        'access-control-allow-headers': expect.stringContaining('authorization'),
        'access-control-allow-private-network': 'true',
      });
      const foreign = await app.inject({ method: 'OPTIONS', url: '/v1/events', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('gives no 5xx to 5,000 random payloads', async () => {
      let seed = 42;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T,>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
      const value = (depth: number): unknown =>
        pick<() => unknown>([
          () => null,
          () => rand() * 1e12 - 5e11,
          () => Math.floor(rand() * 10),
          () => pick(['', 'x', '\u0000', '\ud800', 'guide_started', '2030-01-01T00:00:00Z', APP_ID, randomUUID(), 'é'.repeat(40)]),
          () => rand() < 0.5,
          () => (depth > 2 ? [] : Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1))),
          () => (depth > 2 ? {} : mutate(event(), depth + 1)),
        ])();
      const mutate = (e: Record<string, unknown>, depth: number) => {
        const k = pick([...Object.keys(e), 'extra', 'props', 'populations']);
        return { ...e, [k]: value(depth) };
      };
      const bodies = (): string | Buffer =>
        pick<() => string | Buffer>([
          () => JSON.stringify({ events: Array.from({ length: Math.floor(rand() * 5) }, () => (rand() < 0.6 ? mutate(event(), 0) : value(0))) }),
          () => JSON.stringify(value(0)),
          () => JSON.stringify({ events: [event()] }).slice(0, Math.floor(rand() * 200)),
          () => Buffer.from(Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256))),
          () => JSON.stringify({ key, events: [mutate(event(), 0)], dropped: value(0) }),
        ])();
      const statuses = new Map<number, number>();
      for (let i = 0; i < 5000; i++) {
        const res = await post(bodies(), rand() < 0.1 ? { 'content-type': pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8']) } : {});
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
      expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
      expect(statuses.get(200)).toBeGreaterThan(100);
    }, 120_000);
  });
});

describe.each(openTestDbs())('rate limit on $name', ({ open, skip }) => {
  describe.skipIf(!!skip)('', () => {
    it('answers 429 with Retry-After (readable cross-origin) once a key sends too much', async () => {
      const db = await open();
      const { app, key } = await collector(db, { rateLimit: { max: 3, timeWindow: 60_000 } });
      try {
        const send = () =>
          app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', origin: ORIGIN }, payload: { events: [event()] } });
        for (let i = 0; i < 3; i++) expect((await send()).statusCode).toBe(200);
        const limited = await send();
        expect(limited.statusCode).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        expect(limited.headers['access-control-allow-origin']).toBe(ORIGIN);
        expect(limited.json().error).toMatch(/rate limit/i);
        // Another key's sender is not affected.
        const other = await app.inject({ method: 'POST', url: `/v1/apps/${APP_ID}/keys`, headers: { authorization: 'Bearer test-admin-token' } });
        const res = await app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${other.json().key}`, 'content-type': 'application/json' }, payload: { events: [event()] } });
        expect(res.statusCode).toBe(200);
      } finally {
        await app.close();
        await db.close();
      }
    });
  });
});

describe('event depth', () => {
  it('refuses props nested beyond the limit, at any depth of hostility', async () => {
    const { nestsDeeper, MAX_DEPTH } = await import('../src/ingest/store.ts');
    const nest = (n: number) => JSON.parse('{"a":'.repeat(n) + '1' + '}'.repeat(n));
    expect(nestsDeeper({ props: nest(MAX_DEPTH - 1) }, MAX_DEPTH + 1)).toBe(false);
    expect(nestsDeeper({ props: nest(MAX_DEPTH + 1) }, MAX_DEPTH + 1)).toBe(true);
    expect(nestsDeeper({ props: nest(100_000) }, MAX_DEPTH + 1)).toBe(true);
    expect(nestsDeeper([[[]]], 3)).toBe(false);
    expect(nestsDeeper([[[[]]]], 3)).toBe(true);
  });
});
