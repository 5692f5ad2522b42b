import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** `Authorization: Bearer <adminToken>`; both sides hashed first, so the comparison's time tells nothing. */
export function isAdmin(header: string | undefined, adminToken: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m !== null && adminToken.length > 0 && timingSafeEqual(digest(m[1]!.trim()), digest(adminToken));
}

/** An onRequest hook for a plugin whose every route is for administrators. */
export const requireAdmin =
  (adminToken: string) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!isAdmin(request.headers.authorization, adminToken))
      await reply.code(401).send({ error: 'admin token required (Authorization: Bearer <token>)' });
  };
