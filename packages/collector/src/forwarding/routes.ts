// The delivery log: what was forwarded where, each delivery's attempts and last answer. Admin only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/types.ts';

export interface ForwardingRoutesOptions {
  db: Db;
  adminToken: string;
}

const STATUSES = new Set(['pending', 'delivered', 'failed']);
const LIMIT = 100;

// Hashing both sides gives equal lengths, which timingSafeEqual needs, without leaking the token's length.
const digest = (s: string) => createHash('sha256').update(s).digest();
const isAdmin = (header: string | undefined, token: string) =>
  header?.startsWith('Bearer ') === true && timingSafeEqual(digest(header.slice(7)), digest(token));

export const forwardingRoutes: FastifyPluginAsync<ForwardingRoutesOptions> = async (app, { db, adminToken }) => {
  app.get<{ Params: { app: string }; Querystring: { status?: string; payload?: string } }>(
    '/v1/apps/:app/deliveries',
    async (req, reply) => {
      if (!isAdmin(req.headers.authorization, adminToken))
        return reply.code(401).send({ error: 'admin token required (Authorization: Bearer <token>)' });
      const { status, payload } = req.query;
      if (status !== undefined && !STATUSES.has(status))
        return reply.code(400).send({ error: `status must be one of pending, delivered, failed; got ${JSON.stringify(status)}` });
      let q = db.kysely
        .selectFrom('deliveries')
        .select(['id', 'kind', 'target', 'status', 'attempts', 'next_attempt_at', 'last_status', 'last_error', 'created_at', 'delivered_at'])
        .where('app', '=', req.params.app)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(LIMIT);
      if (status) q = q.where('status', '=', status as 'pending');
      // Payloads can hold hundreds of events each: only on request (`?payload=1`).
      const rows = payload === '1' || payload === 'true' ? await q.select('payload').execute() : await q.execute();
      const deliveries = rows.map((r) => {
        const out: Record<string, unknown> = {
          ...r,
          next_attempt_at: Number(r.next_attempt_at),
          created_at: Number(r.created_at),
          delivered_at: r.delivered_at === null ? null : Number(r.delivered_at),
        };
        if ('payload' in r && typeof r.payload === 'string') out.payload = JSON.parse(r.payload);
        return out;
      });
      return { deliveries };
    },
  );
};
