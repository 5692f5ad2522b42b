// The real collector (packages/collector) behind the test collector's misbehaviours: with
// COMPAGNON_COLLECTOR=sqlite or postgres the outbox scenarios run against it, its storage and its dedupe.
import type { CompagnonEvent, EventType } from '@compagnon/schema';
import type { CollectorBackend } from '@compagnon/testing';
import { buildApp } from '../packages/collector/src/app.ts';
import { upsertApp } from '../packages/collector/src/apps/store.ts';
import { openTestDbs } from '../packages/collector/src/db/testing.ts';

export type RealCollector = 'sqlite' | 'postgres';

export const realCollector = (): RealCollector | undefined => {
  const kind = process.env.COMPAGNON_COLLECTOR;
  return kind === 'sqlite' || kind === 'postgres' ? kind : undefined;
};

/** A fresh migrated database, the app the scenario pages use (key `pk_test`), and the Fastify app on it. */
export async function openRealBackend(kind: RealCollector, app: string, origins: string[]): Promise<CollectorBackend & { close(): Promise<void> }> {
  const target = openTestDbs().find((d) => d.name === kind)!;
  if (target.skip) throw new Error(`the ${kind} collector cannot run here: ${target.skip}`);
  const db = await target.open();
  await upsertApp(db, app, { name: app, write_keys: ['pk_test'], origins }, Date.now());
  const fastify = await buildApp({ db, adminToken: 'admin-test', rateLimit: { max: 100_000, timeWindow: 60_000 } });
  return {
    async forward({ body, headers }) {
      const res = await fastify.inject({ method: 'POST', url: '/v1/events', payload: body, headers });
      return { status: res.statusCode, headers: res.headers as Record<string, string>, body: res.body };
    },
    async stored() {
      const rows = await db.kysely.selectFrom('events').selectAll().where('app', '=', app).orderBy('received_at').execute();
      return rows.map((r): CompagnonEvent => ({
        id: r.id, type: r.type as EventType, ts: new Date(Number(r.ts)).toISOString(), app: r.app, session: r.session,
        populations: JSON.parse(r.populations) as string[],
        ...(r.user_hash ? { user: r.user_hash } : {}), ...(r.guide ? { guide: r.guide } : {}),
        ...(r.step ? { step: r.step } : {}), ...(r.item ? { item: r.item } : {}),
      }));
    },
    async close() {
      await fastify.close();
      await db.close();
    },
  };
}
