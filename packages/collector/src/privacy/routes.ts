// DELETE /v1/apps/:app/users/:id (admin): erases one person; the id is the raw one, pseudonymised here.
import type { FastifyInstance } from 'fastify';
import type { AppCache } from '../apps/cache.ts';
import type { Db } from '../db/types.ts';
import { requireAdmin } from '../http/admin.ts';
import { erasePerson } from './erase.ts';

export interface PrivacyRoutesOptions {
  db: Db;
  apps: AppCache;
  adminToken: string;
}

export async function privacyRoutes(app: FastifyInstance, { db, apps, adminToken }: PrivacyRoutesOptions): Promise<void> {
  app.addHook('onRequest', requireAdmin(adminToken));
  app.delete<{ Params: { app: string; id: string } }>('/v1/apps/:app/users/:id', async (request, reply) => {
    const target = await apps.byId(request.params.app);
    if (!target) return reply.code(404).send({ error: `unknown app ${request.params.app}` });
    return erasePerson(db, target, request.params.id);
  });
}
