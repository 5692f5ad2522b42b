import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db, EventsTable } from '../src/db/types.ts';
import { createEventWriter, insertEvents } from '../src/ingest/writer.ts';

const row = (id: string): EventsTable => ({
  id, app: 'a', type: 'guide_started', ts: 1, user_hash: null, session: 's', guide: null, guide_version: null, step: null, item: null, populations: '[]', url: null, props: null, received_at: 1,
});

describe.each(openTestDbs())('event writer on $name', ({ name, open, skip }) => {
  let db: Db;
  beforeEach(async () => {
    if (!skip) db = await open();
  });
  afterEach(async () => {
    if (!skip) await db.close();
  });

  describe.skipIf(!!skip)('', () => {
    it('answers each batch with its own inserted ids, duplicates across concurrent batches included', async () => {
      const writer = createEventWriter(db);
      const answers = await Promise.all([
        writer.write((k) => insertEvents({ ...db, kysely: k }, [row('1'), row('2')]), false),
        writer.write((k) => insertEvents({ ...db, kysely: k }, [row('2'), row('3')]), false),
        writer.write((k) => insertEvents({ ...db, kysely: k }, [row('1'), row('3')]), true),
      ]);
      expect(answers.flat().sort()).toEqual(['1', '2', '3']);
      // Each id answered to one batch that sent it. Which one wins is the order of writing: fixed on SQLite (one
      // writer, in arrival order); on PostgreSQL the three run on three connections and any may be first.
      expect(answers[0]!.every((id) => ['1', '2'].includes(id)) && answers[1]!.every((id) => ['2', '3'].includes(id))).toBe(true);
      expect(answers[2]!.every((id) => ['1', '3'].includes(id))).toBe(true);
      if (name === 'sqlite') expect(answers[0]).toEqual(['1', '2']);
      expect(await db.kysely.selectFrom('events').select('id').orderBy('id').execute()).toHaveLength(3);
    });

    it('fails only the batch that fails', async () => {
      const writer = createEventWriter(db);
      const results = await Promise.allSettled([
        writer.write((k) => insertEvents({ ...db, kysely: k }, [row('ok-1')]), false),
        writer.write(async (k) => {
          await insertEvents({ ...db, kysely: k }, [row('doomed')]);
          throw new Error('boom');
        }, true),
        writer.write((k) => insertEvents({ ...db, kysely: k }, [row('ok-2')]), false),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const ids = (await db.kysely.selectFrom('events').select('id').orderBy('id').execute()).map((r) => r.id);
      // Atomic: the failed batch left nothing behind.
      expect(ids).toEqual(['ok-1', 'ok-2']);
    });

    it.runIf(name === 'sqlite')('writes concurrent batches in one transaction on SQLite', async () => {
      const writer = createEventWriter(db);
      let commits = 0;
      const { kysely } = db;
      const original = kysely.transaction.bind(kysely);
      kysely.transaction = () => (commits++, original());
      try {
        await Promise.all(Array.from({ length: 10 }, (_, i) => writer.write((k) => insertEvents({ ...db, kysely: k }, [row(`r${i}`)]), false)));
      } finally {
        kysely.transaction = original;
      }
      // The first batch alone, then the nine that queued behind it together.
      expect(commits).toBeLessThanOrEqual(2);
    });
  });
});
