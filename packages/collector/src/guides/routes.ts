// GET /v1/apps/:app/guides (public, CORS per app: the SDK loads guides from here) and
// POST /v1/apps/:app/guides (admin: publish, which `compagnon publish` calls).
import { formatError } from '@compagnon/schema';
import type { FastifyInstance } from 'fastify';
import type { AppCache } from '../apps/cache.ts';
import { admits } from '../apps/cache.ts';
import { allowOrigin, varyOrigin } from '../apps/cors.ts';
import type { Db } from '../db/types.ts';
import { requireAdmin } from '../http/admin.ts';
import { etagMatches, latestGuides, publishGuides } from './store.ts';

export interface GuidesOptions {
  db: Db;
  apps: AppCache;
  now: () => number;
  adminToken: string;
}

type Params = { Params: { app: string } };
const METHODS = 'GET, OPTIONS';

/** Public: the SDK's guide loading. */
export async function guidesPublicRoutes(app: FastifyInstance, { db, apps }: GuidesOptions): Promise<void> {
  app.addHook<Params>('onRequest', async (request, reply) => {
    varyOrigin(reply);
    const origin = request.headers.origin;
    const target = await apps.byId(request.params.app);
    if (origin && target && admits(target, origin)) allowOrigin(request, reply, { methods: METHODS });
  });

  app.options<Params>('/v1/apps/:app/guides', async (request, reply) => {
    const origin = request.headers.origin;
    const target = await apps.byId(request.params.app);
    if (origin && !(target && admits(target, origin))) return reply.code(403).send({ error: `origin ${origin} is not allowed` });
    return reply.code(204).send();
  });

  app.get<Params>('/v1/apps/:app/guides', async (request, reply) => {
    const target = await apps.byId(request.params.app);
    if (!target) return reply.code(404).send({ error: `unknown app ${request.params.app}` });
    const origin = request.headers.origin;
    if (origin && !admits(target, origin)) return reply.code(403).send({ error: `origin ${origin} is not allowed for app ${target.id}` });
    const latest = await latestGuides(db, target.id);
    if (!latest) return reply.code(404).send({ error: `no guides published for app ${target.id}` });
    // no-cache: browsers may keep it, but ask each time; the ETag makes asking cheap (304, no body).
    reply.header('ETag', latest.etag).header('Cache-Control', 'no-cache');
    if (etagMatches(request.headers['if-none-match'], latest.etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(latest.json);
  });
}

/** Admin: publishing. */
export async function guidesAdminRoutes(app: FastifyInstance, { db, apps, now, adminToken }: GuidesOptions): Promise<void> {
  app.addHook('onRequest', requireAdmin(adminToken));
  app.post<Params>('/v1/apps/:app/guides', { bodyLimit: 16 * 1024 * 1024 }, async (request, reply) => {
    const target = await apps.byId(request.params.app);
    if (!target) return reply.code(404).send({ error: `unknown app ${request.params.app}: create it first (PUT /v1/apps/${request.params.app})` });
    const result = await publishGuides(db, target.id, request.body, now());
    if (!result.ok) {
      return reply.code(400).send({
        error: `the bundle has ${result.errors.length} error(s): ${formatError(result.errors[0]!, 'en')}${result.errors.length > 1 ? ', …' : ''}`,
        errors: result.errors.map((e) => ({ path: e.path, ...(e.guide ? { guide: e.guide } : {}), message: e.message.en, text: formatError(e, 'en') })),
      });
    }
    const { version, etag, unchanged } = result;
    return reply.code(unchanged ? 200 : 201).send({ version, etag, unchanged });
  });
}
