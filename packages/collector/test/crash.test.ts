// The "the collector is killed during a load and restarted: every acknowledged event is there", with a
// real process: the collector's entry (src/main.ts) bundled by the root rollup factory (bench/build-server.mjs),
// started as a child process on a test database, its app created through the admin API, loaded by several
// concurrent senders (batches of 50), SIGKILLed mid-load, restarted on the same database. Then, read straight
// from the database: every id whose batch got a 2xx is stored, exactly once. The batches left without an
// answer are then resent to the new process, as the SDK's outbox does, and the whole is still exactly once.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollector, type CollectorProcess, spawnCollector, stopCollector } from '../bench/build-server.mjs';
import { type OpenedTestDb, openTestDbs } from '../src/db/testing.ts';

const ADMIN_TOKEN = 'crash-test-admin';
const APP = 'crash-app';
const SENDERS = 6;
const BATCH = 50;

interface Batch {
  ids: string[];
  body: string;
}

function makeBatch(): Batch {
  const ts = new Date().toISOString();
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: randomUUID(),
    type: i % 3 === 0 ? 'guide_completed' : 'guide_started',
    ts,
    app: APP,
    user: `user-${i % 7}@example.com`,
    session: 'crash-session',
    guide: 'expense-tour',
    guideVersion: 1,
    populations: ['new-hires'],
    url: 'https://intranet.example/expenses',
  }));
  return { ids: events.map((e) => e.id), body: JSON.stringify({ events }) };
}

const postBatch = (url: string, key: string, batch: Batch) =>
  fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: batch.body });

let built: { file: string; cleanup(): void } | undefined;
beforeAll(async () => {
  built = await buildCollector();
}, 60_000);
afterAll(() => built?.cleanup());

describe.each(openTestDbs())('a collector SIGKILLed during a load, on $name', ({ open, skip }) => {
  const children: ChildProcess[] = [];
  let db: OpenedTestDb | undefined;
  const start = async (): Promise<CollectorProcess> => {
    const p = await spawnCollector(built!.file, { COMPAGNON_DB: db!.url, COMPAGNON_ADMIN_TOKEN: ADMIN_TOKEN });
    children.push(p.child);
    return p;
  };
  afterAll(async () => {
    for (const child of children) await stopCollector(child, 'SIGKILL');
    await db?.close();
  });

  describe.skipIf(!!skip)('', () => {
    it('keeps every acknowledged event exactly once, and takes the unanswered batches again', async () => {
      db = await open();
      const first = await start();

      const created = await fetch(`${first.url}/v1/apps/${APP}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Crash test', origins: [] }),
      });
      expect(created.status).toBe(201);
      const key = ((await created.json()) as { write_key: string }).write_key;

      const acked: Batch[] = [];
      const unanswered: Batch[] = [];
      /** Any answer but "200, all 50 accepted": there should be none. */
      const otherStatuses: number[] = [];
      let killAt = Number.POSITIVE_INFINITY;
      // The kill lands once 40 batches (2,000 events) are acknowledged, plus a random few ms, so it hits
      // inserts, commits and answers at varying points.
      const target = 40;
      const exited = new Promise<NodeJS.Signals | null>((resolve) => first.child.once('exit', (_code, signal) => resolve(signal)));
      const sender = async () => {
        for (;;) {
          const batch = makeBatch();
          try {
            const res = await postBatch(first.url, key, batch);
            const body = (await res.json()) as { accepted?: number; duplicates?: number };
            if (res.ok && body.accepted === BATCH) acked.push(batch);
            else {
              otherStatuses.push(res.status);
              unanswered.push(batch);
            }
            if (acked.length >= target && killAt === Number.POSITIVE_INFINITY) {
              killAt = acked.length;
              setTimeout(() => first.child.kill('SIGKILL'), Math.floor(Math.random() * 20));
            }
          } catch {
            // The connection broke: the process is gone, this batch's fate unknown to the sender.
            unanswered.push(batch);
            return;
          }
        }
      };
      await Promise.all(Array.from({ length: SENDERS }, sender));
      expect(await exited).toBe('SIGKILL');
      expect(otherStatuses).toEqual([]);
      expect(acked.length).toBeGreaterThanOrEqual(target);
      // Every sender was cut off mid-flight.
      expect(unanswered.length).toBe(SENDERS);

      const ackedIds = acked.flatMap((b) => b.ids);
      const storedIds = async () => (await db!.kysely.selectFrom('events').select('id').where('app', '=', APP).execute()).map((r) => r.id);
      const duplicated = async () =>
        db!.kysely
          .selectFrom('events')
          .select(['id', (eb) => eb.fn.countAll().as('n')])
          .groupBy('id')
          .having((eb) => eb.fn.countAll(), '>', 1)
          .execute();

      // Restart on the same database (SQLite: WAL recovery on open; PostgreSQL: the killed sessions' work
      // rolled back, the committed kept).
      const second = await start();
      const afterCrash = new Set(await storedIds());
      const lost = ackedIds.filter((id) => !afterCrash.has(id));
      expect(lost, `${lost.length} of ${ackedIds.length} acknowledged events lost`).toEqual([]);
      expect(await duplicated()).toEqual([]);
      // Unanswered batches: each stored entirely or not at all (one INSERT, one transaction).
      for (const b of unanswered) expect([0, BATCH]).toContain(b.ids.filter((id) => afterCrash.has(id)).length);

      // The outbox resends what was not answered (and a few that were: the answer could have been lost).
      for (const b of [...unanswered, ...acked.slice(0, 3)]) {
        const res = await postBatch(second.url, key, b);
        expect(res.status).toBe(200);
        const r = (await res.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
        expect(r.rejected).toEqual([]);
        expect(r.accepted + r.duplicates).toBe(BATCH);
      }
      const all = await storedIds();
      const sent = new Set([...ackedIds, ...unanswered.flatMap((b) => b.ids)]);
      expect(all.length).toBe(sent.size);
      expect(new Set(all)).toEqual(sent);
      expect(await duplicated()).toEqual([]);

      await stopCollector(second.child);
      expect(second.child.exitCode).toBe(0);
    }, 45_000);
  });
});
