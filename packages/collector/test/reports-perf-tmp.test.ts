import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import { REPORTS } from '../src/reports/index.ts';
it('perf', async () => {
  for (const t of openTestDbs()) {
    if (t.skip) continue;
    const db = await t.open();
    await db.kysely.insertInto('apps').values({ id: 'a', name: 'a', secret: '0', write_keys: '[]', origins: '[]', retention_days: null, k_anonymity: 5, xapi: null, webhooks: null, created_at: 0 }).execute();
    const types = ['guide_started', 'step_viewed', 'step_completed', 'guide_completed', 'guide_dismissed'];
    const pops = ['new-hires', 'finance', 'sales', 'ghosts', 'it'];
    const rows = [];
    for (let i = 0; i < 200_000; i++) {
      const p = i % 500;
      rows.push({ id: randomUUID(), app: 'a', type: types[i % 5]!, ts: Date.UTC(2025, 0, 1) + (i % 30) * 86400000 + i, user_hash: `u${p}`, session: 's', guide: `g${i % 6}`, guide_version: 1, step: `st${i % 4}`, item: null, populations: JSON.stringify([pops[p % 5], pops[(p + 1) % 5]]), url: null, props: i % 5 === 3 ? JSON.stringify({ durationMs: i % 1000 }) : null, received_at: 0 });
    }
    for (let i = 0; i < rows.length; i += 1000) await db.kysely.insertInto('events').values(rows.slice(i, i + 1000)).execute();
    await db.kysely.insertInto('roster').values(Array.from({ length: 500 }, (_, p) => ({ app: 'a', user_hash: `u${p}`, attributes: '{}', populations: JSON.stringify([pops[p % 5]]), imported_at: 0 }))).execute();
    for (const name of (process.env.ONLY ?? Object.keys(REPORTS).join(',')).split(',') as (keyof typeof REPORTS)[]) {
      const t0 = performance.now();
      await REPORTS[name](db, { app: 'a', k: 5, guide: 'g1' });
      const t1 = performance.now();
      await REPORTS[name](db, { app: 'a', k: 5, guide: 'g1', population: 'sales' });
      console.log(t.name, name, Math.round(t1 - t0), 'ms', Math.round(performance.now() - t1), 'ms (population)');
    }
    await db.close();
  }
}, 120_000);
