// POST /v1/apps/:app/roster (admin): CSV with a header row including `id` (text/csv, or text/plain), or a JSON
// array of `{ id, ...attributes }`. `?replace=true` makes it the whole roster (people absent are removed).
import type { FastifyInstance } from 'fastify';
import type { AppCache } from '../apps/cache.ts';
import type { Db } from '../db/types.ts';
import { requireAdmin } from '../http/admin.ts';
import { csvRecords } from './csv.ts';
import { importRoster } from './import.ts';

export interface RosterRoutesOptions {
  db: Db;
  apps: AppCache;
  now: () => number;
  adminToken: string;
}

/** Rosters are bigger than event batches: 100,000 people with a few attributes is ~10 MB. @default 64 MiB */
export const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

export async function rosterRoutes(app: FastifyInstance, { db, apps, now, adminToken }: RosterRoutesOptions): Promise<void> {
  app.addHook('onRequest', requireAdmin(adminToken));
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_ROSTER_BYTES }, (_req, body, done) =>
    done(null, { csv: body as string }),
  );

  app.post<{ Params: { app: string }; Querystring: { replace?: string } }>(
    '/v1/apps/:app/roster',
    { bodyLimit: MAX_ROSTER_BYTES },
    async (request, reply) => {
      const target = await apps.byId(request.params.app);
      if (!target) return reply.code(404).send({ error: `unknown app ${request.params.app}` });
      const body = request.body as { csv?: unknown } | unknown[] | null;
      let records: unknown[];
      if (Array.isArray(body)) records = body;
      else if (body && typeof body === 'object' && typeof body.csv === 'string') {
        let parsed: ReturnType<typeof csvRecords>;
        try {
          parsed = csvRecords(body.csv);
        } catch (e) {
          return reply.code(400).send({ error: `roster CSV: ${e instanceof Error ? e.message : String(e)}` });
        }
        if (!parsed.header.includes('id'))
          return reply.code(400).send({ error: `roster CSV: the header row needs an "id" column (got: ${parsed.header.join(', ') || 'nothing'})` });
        records = parsed.records;
      } else return reply.code(400).send({ error: 'expected CSV (text/csv, header row with "id") or a JSON array of { id, ...attributes }' });
      const replace = request.query.replace === 'true' || request.query.replace === '1';
      return importRoster(db, target, records, { now: now(), replace });
    },
  );
}
