// The real collector (Fastify app over SQLite) behind a thin node:http front that records every event batch and
// can hold one batch: forwarded and stored, its answer never sent, as when the worker stops mid-send.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { buildApp } from '../../packages/collector/src/app.ts';
import { upsertApp } from '../../packages/collector/src/apps/store.ts';
import { openTestDbs } from '../../packages/collector/src/db/testing.ts';
import { publishGuides } from '../../packages/collector/src/guides/store.ts';

export const APP = 'expenses';
export const KEY = 'pk_extension';

export interface EventPost {
  ids: string[];
  types: string[];
  /** 0 for a held batch (stored, never answered). */
  status: number;
  origin: string | undefined;
  authorization: string | undefined;
}

export interface StoredEvent { id: string; type: string; user_hash: string | null; guide: string | null }

export async function openCollector(guidesFile: string, origins: string[]) {
  const db = await openTestDbs().find((d) => d.name === 'sqlite')!.open();
  const now = Date.now();
  await upsertApp(db, APP, { name: APP, write_keys: [KEY], origins }, now);
  const published = await publishGuides(db, APP, JSON.parse(readFileSync(guidesFile, 'utf8')), now);
  if (!published.ok) throw new Error(`guides not published: ${JSON.stringify(published.errors)}`);
  const fastify = await buildApp({ db, adminToken: 'admin-test', rateLimit: { max: 100_000, timeWindow: 60_000 } });
  const posts: EventPost[] = [];
  const guideGets: Array<{ status: number; origin: string | undefined }> = [];
  let holdNext = false;

  const readAll = (req: IncomingMessage) => new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'authorization', 'origin', 'if-none-match', 'access-control-request-method', 'access-control-request-headers']) {
        const v = req.headers[name];
        if (typeof v === 'string') headers[name] = v;
      }
      const upstream = await fastify.inject({ method: req.method as 'GET', url: req.url ?? '/', headers, ...(body.length ? { payload: body } : {}) });
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'POST' && path === '/v1/events') {
        let events: Array<{ id?: string; type?: string }> = [];
        try { events = (JSON.parse(body.toString('utf8')) as { events: typeof events }).events ?? []; } catch { /* recorded empty */ }
        const held = holdNext;
        holdNext = false;
        posts.push({
          ids: events.map((e) => String(e.id)), types: events.map((e) => String(e.type)),
          status: held ? 0 : upstream.statusCode, origin: req.headers.origin, authorization: req.headers.authorization,
        });
        if (held) return; // stored by the collector; the answer never leaves
      }
      if (req.method === 'GET' && path === `/v1/apps/${APP}/guides`) guideGets.push({ status: upstream.statusCode, origin: req.headers.origin });
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(upstream.headers)) {
        if (v !== undefined && !/^(connection|transfer-encoding|keep-alive)$/i.test(k)) out[k] = String(v);
      }
      res.writeHead(upstream.statusCode, out);
      res.end(upstream.rawPayload);
    })().catch((e) => { res.writeHead(500); res.end(String(e)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    posts: () => posts.map((p) => ({ ...p })),
    guideGets: () => [...guideGets],
    /** The next events batch is stored by the collector and its answer withheld. */
    holdNextBatch() { holdNext = true; },
    async stored(): Promise<StoredEvent[]> {
      return db.kysely.selectFrom('events').select(['id', 'type', 'user_hash', 'guide']).where('app', '=', APP).execute() as Promise<StoredEvent[]>;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fastify.close();
      await db.close();
    },
  };
}

export type Collector = Awaited<ReturnType<typeof openCollector>>;
