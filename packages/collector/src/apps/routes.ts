// Admin: apps and their write keys. `PUT /v1/apps/:app` creates or updates (idempotent, so deploy scripts can
// run it every time); a created app comes with one generated write key, shown in that answer (the admin can
// list keys later; the pseudonymisation secret is never shown).
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/types.ts';
import { requireAdmin } from '../http/admin.ts';
import type { AppCache } from './cache.ts';
import { type AppInput, addWriteKey, appView, getApp, listApps, upsertApp } from './store.ts';

export interface AppsRoutesOptions {
  db: Db;
  apps: AppCache;
  now: () => number;
  adminToken: string;
}

export const APP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ORIGIN = '^(\\*|[a-z][a-z0-9+.-]*://[^/\\s?#]+)/?$';
const FIELDS = ['name', 'origins', 'retention_days', 'k_anonymity', 'xapi', 'webhooks', 'write_keys'];

const appBody = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    origins: { type: 'array', items: { type: 'string', pattern: ORIGIN }, maxItems: 1000 },
    retention_days: { type: ['integer', 'null'], minimum: 1 },
    k_anonymity: { type: 'integer', minimum: 1, maximum: 10_000 },
    xapi: {
      type: ['object', 'null'],
      required: ['endpoint'],
      properties: { endpoint: { type: 'string', minLength: 1 }, username: { type: 'string' }, password: { type: 'string' } },
    },
    webhooks: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['url', 'secret'],
        properties: { url: { type: 'string', minLength: 1 }, secret: { type: 'string', minLength: 1 }, events: { type: 'array', items: { type: 'string' } } },
      },
    },
    write_keys: { type: 'array', items: { type: 'string', minLength: 8, maxLength: 200, pattern: '^\\S+$' } },
  },
} as const;

type Params = { Params: { app: string } };

export async function appsRoutes(app: FastifyInstance, { db, apps, now, adminToken }: AppsRoutesOptions): Promise<void> {
  app.addHook('onRequest', requireAdmin(adminToken));

  app.get('/v1/apps', async () => ({ apps: (await listApps(db)).map((a) => appView(a.row)) }));

  app.get<Params>('/v1/apps/:app', async (request, reply) => {
    const found = await getApp(db, request.params.app);
    return found ? appView(found.row) : reply.code(404).send({ error: `unknown app ${request.params.app}` });
  });

  app.put<Params & { Body: AppInput }>('/v1/apps/:app', { schema: { body: appBody } }, async (request, reply) => {
    const id = request.params.app;
    if (!APP_ID.test(id)) return reply.code(400).send({ error: `app id "${id}": letters, digits, ".", "_" and "-", at most 64` });
    const body = (request.body ?? {}) as AppInput;
    const unknown = Object.keys(body).filter((k) => !FIELDS.includes(k));
    if (unknown.length > 0) return reply.code(400).send({ error: `unknown field(s): ${unknown.join(', ')}; expected some of ${FIELDS.join(', ')}` });
    const input: AppInput = { ...body, ...(body.origins ? { origins: body.origins.map((o) => o.replace(/\/$/, '')) } : {}) };
    const { app: saved, created, writeKey } = await upsertApp(db, id, input, now());
    apps.invalidate();
    return reply.code(created ? 201 : 200).send({ ...appView(saved.row), ...(writeKey ? { write_key: writeKey } : {}) });
  });

  app.post<Params>('/v1/apps/:app/keys', async (request, reply) => {
    const key = await addWriteKey(db, request.params.app);
    if (!key) return reply.code(404).send({ error: `unknown app ${request.params.app}` });
    apps.invalidate();
    return reply.code(201).send({ key });
  });
}
