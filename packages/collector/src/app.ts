// The collector as a Fastify instance: every route, no listening (server.ts listens; tests use inject or
// listen on port 0). Storage is given: the caller owns the database and closes it.
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { createAppCache } from './apps/cache.ts';
import { appsRoutes } from './apps/routes.ts';
import { dashboardRoutes, type DashboardOptions } from './dashboard/routes.ts';
import type { Db } from './db/types.ts';
import { forwardingRoutes } from './forwarding/routes.ts';
import { guidesAdminRoutes, guidesPublicRoutes } from './guides/routes.ts';
import { MAX_BODY } from './ingest/body.ts';
import { ingestRoutes, writeKeyOf } from './ingest/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { reportsRoutes } from './reports/routes.ts';
import { rosterRoutes } from './roster/routes.ts';

export interface BuildAppOptions {
  db: Db;
  /** Bearer token of the admin routes (apps, publish, roster, erase, reports, deliveries, dashboard data). */
  adminToken: string;
  /** @default Date.now */
  now?: () => number;
  /** Fastify's pino logger. @default false */
  logger?: boolean;
  /**
   * Requests per write key (per IP for unknown keys) on `POST /v1/events`, per instance. A whole organisation's
   * browsers share their app's key, hence the generous default. @default { max: 6000, timeWindow: 60_000 }
   */
  rateLimit?: { max: number; timeWindow: number };
  /** How long an instance trusts its in-memory copy of the apps (keys, origins). @default 5_000 */
  appCacheTtlMs?: number;
  /** Behind a reverse proxy: trust X-Forwarded-For for the client IP (rate limits of unknown keys). @default false */
  trustProxy?: boolean;
  dashboard?: DashboardOptions;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { db, adminToken, now = Date.now } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY, trustProxy: options.trustProxy ?? false });
  const apps = createAppCache(db, options.appCacheTtlMs);

  // One answer shape for every error: `{ error }` with the status the error carries; a 5xx hides its cause.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return reply.code(500).send({ error: 'internal error' });
    }
    return reply.code(status).send({ error: error.message });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).send({ error: `not found: ${request.method} ${request.url.split('?')[0]}` }));

  const { max = 6000, timeWindow = 60_000 } = options.rateLimit ?? {};
  await app.register(rateLimit, {
    global: false,
    max,
    timeWindow,
    // After parsing: a beacon's key is in its body.
    hook: 'preHandler',
    keyGenerator: async (request) => {
      const key = writeKeyOf(request);
      return key && (await apps.byKey(key)) ? `key:${key}` : `ip:${request.ip}`;
    },
  });

  const shared = { db, apps, now, adminToken };
  await app.register(ingestRoutes, shared);
  await app.register(guidesPublicRoutes, shared);
  await app.register(guidesAdminRoutes, shared);
  await app.register(appsRoutes, shared);
  await app.register(rosterRoutes, shared);
  await app.register(privacyRoutes, shared);
  await app.register(reportsRoutes, { db, adminToken, now });
  await app.register(forwardingRoutes, { db, adminToken });
  await app.register(dashboardRoutes, options.dashboard ?? {});
  return app;
}
