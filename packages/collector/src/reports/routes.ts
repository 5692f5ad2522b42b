// `GET /v1/apps/:app/reports/:name`, admin only. Registered by buildApp with `{ db, adminToken, now }`.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../db/types.ts';
import { isAdmin } from '../http/admin.ts';
import { appK, isReportName, REPORTS } from './index.ts';
import { parseFilters } from './query.ts';

export interface ReportsRoutesOptions {
  db: Pick<Db, 'kysely' | 'dialect'>;
  adminToken: string;
  /** Accepted with the other plugins' options; reports take no clock: their windows come from the data. */
  now?: () => number;
}

// The collector's one error shape (see app.ts): `{ error: message }`.
const fail = (reply: FastifyReply, status: 400 | 401 | 404, message: string) => reply.code(status).send({ error: message });

export const reportsRoutes: FastifyPluginAsync<ReportsRoutesOptions> = async (fastify, { db, adminToken }) => {
  fastify.get<{ Params: { app: string; name: string }; Querystring: Record<string, unknown> }>(
    '/v1/apps/:app/reports/:name',
    async (request, reply) => {
      if (!isAdmin(request.headers.authorization, adminToken)) {
        reply.header('WWW-Authenticate', 'Bearer');
        return fail(reply, 401, 'an admin token is required: Authorization: Bearer <token>');
      }
      const { app, name } = request.params;
      if (!isReportName(name)) return fail(reply, 404, `unknown report "${name}"; reports: ${Object.keys(REPORTS).join(', ')}`);
      const k = await appK(db, app);
      if (k === undefined) return fail(reply, 404, `unknown app "${app}"`);
      let filters;
      try {
        filters = parseFilters(request.query ?? {});
      } catch (e) {
        if (e instanceof RangeError) return fail(reply, 400, e.message);
        throw e;
      }
      const report = await REPORTS[name](db, { app, k, ...filters });
      // Reports move with every event: never served from a cache. `k` lets readers say "fewer than 5 people".
      return reply.header('Cache-Control', 'no-store').send({ ...report, k });
    },
  );
};
