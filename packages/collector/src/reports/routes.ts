// `GET /v1/apps/:app/reports/:name`, admin only. Registered by buildApp with `{ db, adminToken, now }`.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Db } from '../db/types.ts';
import { appK, isReportName, REPORTS } from './index.ts';
import { parseFilters } from './query.ts';

export interface ReportsRoutesOptions {
  db: Pick<Db, 'kysely' | 'dialect'>;
  adminToken: string;
  /** Accepted with the other plugins' options; reports take no clock: their windows come from the data. */
  now?: () => number;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Hashing both sides first gives equal lengths, so the comparison's time says nothing about the token. */
export function isAdmin(header: string | undefined, adminToken: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m !== null && adminToken.length > 0 && timingSafeEqual(digest(m[1]!.trim()), digest(adminToken));
}

const fail = (reply: FastifyReply, statusCode: 400 | 401 | 404, error: string, message: string) =>
  reply.code(statusCode).send({ statusCode, error, message });

export const reportsRoutes: FastifyPluginAsync<ReportsRoutesOptions> = async (fastify, { db, adminToken }) => {
  fastify.get<{ Params: { app: string; name: string }; Querystring: Record<string, unknown> }>(
    '/v1/apps/:app/reports/:name',
    async (request, reply) => {
      if (!isAdmin(request.headers.authorization, adminToken)) {
        reply.header('WWW-Authenticate', 'Bearer');
        return fail(reply, 401, 'Unauthorized', 'an admin token is required: Authorization: Bearer <token>');
      }
      const { app, name } = request.params;
      if (!isReportName(name)) return fail(reply, 404, 'Not Found', `unknown report "${name}"; reports: ${Object.keys(REPORTS).join(', ')}`);
      const k = await appK(db, app);
      if (k === undefined) return fail(reply, 404, 'Not Found', `unknown app "${app}"`);
      let filters;
      try {
        filters = parseFilters(request.query ?? {});
        // Reports are computed from the data as of now and change with every event: never cache them.
        reply.header('Cache-Control', 'no-store');
        return await REPORTS[name](db, { app, k, ...filters });
      } catch (e) {
        if (e instanceof RangeError) return fail(reply, 400, 'Bad Request', e.message);
        throw e;
      }
    },
  );
};
