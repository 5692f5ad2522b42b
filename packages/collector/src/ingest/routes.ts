// POST /v1/events: the SDK's outbox and beacons. Answers mirror packages/testing's collector, which the SDK's
// delivery scenarios were written against: 401 bad key, 413 over the limits (the outbox then splits the batch),
// 200 `{ accepted, duplicates, rejected }`, 429 + Retry-After when a key sends too much.
import { MAX_BATCH } from '@compagnon/schema';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppCache } from '../apps/cache.ts';
import { admits } from '../apps/cache.ts';
import { allowOrigin, disallowOrigin, varyOrigin } from '../apps/cors.ts';
import type { App } from '../apps/store.ts';
import type { Db } from '../db/types.ts';
import { httpError } from '../http/errors.ts';
import { MAX_BODY, parseJson, readBody } from './body.ts';
import { ingestBatch } from './store.ts';
import { createEventWriter } from './writer.ts';

export interface IngestOptions {
  db: Db;
  apps: AppCache;
  now: () => number;
}

const METHODS = 'POST, OPTIONS';

/** The write key: `Authorization: Bearer`, else the beacon body's `key` (sendBeacon cannot set headers). */
export function writeKeyOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  const body = request.body as { key?: unknown } | null | undefined;
  return typeof body?.key === 'string' && body.key !== '' ? body.key : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The app of the Bearer key, resolved before the body is read, so early errors get the right CORS. */
    ingestApp?: App;
  }
}

export async function ingestRoutes(app: FastifyInstance, { db, apps, now }: IngestOptions): Promise<void> {
  const writer = createEventWriter(db);
  // Our own parser for every content type: JSON (fetch) and text/plain (sendBeacon), possibly gzip-compressed.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (request, payload, done) => {
    readBody(payload, request.headers['content-encoding'])
      .then((text) => done(null, parseJson(text)))
      .catch((e: Error) => done(e, undefined));
  });

  // CORS before anything can fail: with a Bearer key the app is known and its own allowlist decides; a beacon's
  // key is in the body, so until then the origin passes if any app admits it, and is checked again below.
  app.addHook('onRequest', async (request, reply) => {
    varyOrigin(reply);
    const origin = request.headers.origin;
    const bearer = writeKeyOf(request);
    const known = bearer ? await apps.byKey(bearer) : undefined;
    if (known) request.ingestApp = known;
    if (origin && (known ? admits(known, origin) : await apps.anyAdmits(origin))) allowOrigin(request, reply, { methods: METHODS });
  });

  app.options('/v1/events', { config: { rateLimit: false } }, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && !(await apps.anyAdmits(origin))) return reply.code(403).send({ error: `origin ${origin} is not allowed` });
    return reply.code(204).send();
  });

  app.post('/v1/events', { config: { rateLimit: {} } }, async (request, reply) => {
    const body = request.body as Record<string, unknown> | null;
    const key = writeKeyOf(request);
    if (!key) throw httpError(401, 'missing write key: send Authorization: Bearer <key>, or "key" in a text/plain body');
    const target = request.ingestApp ?? (await apps.byKey(key));
    if (!target) throw httpError(401, 'unknown write key');
    const origin = request.headers.origin;
    if (origin && !admits(target, origin)) {
      disallowOrigin(reply);
      throw httpError(403, `origin ${origin} is not allowed for app ${target.id}`);
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !Array.isArray(body.events))
      throw httpError(400, 'expected { events: [...] }');
    if (body.events.length > MAX_BATCH)
      throw httpError(413, `${body.events.length} events: at most ${MAX_BATCH} events (and ${MAX_BODY} bytes) per batch`);
    if (typeof body.dropped === 'number' && body.dropped > 0)
      request.log.warn({ app: target.id, dropped: body.dropped }, 'sender dropped events: its outbox was full');
    const result = await ingestBatch(db, target, body.events, now(), writer);
    return reply.header('Cache-Control', 'no-store').send(result);
  });
}
