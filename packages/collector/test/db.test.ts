import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, migrate } from '../src/db/index.ts';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';

describe.each(openTestDbs())('storage on $name', ({ name, open, skip }) => {
  let db: Db;
  beforeEach(async () => {
    if (!skip) db = await open();
  });
  afterEach(async () => {
    if (!skip) await db.close();
  });

  describe.skipIf(!!skip)('', () => {
    it('says which dialect it is', () => {
      expect(db.dialect).toBe(name);
    });

    it('migrates idempotently', async () => {
      await migrate(db);
      await migrate(db);
      // PostgreSQL lists every schema's tables (other test files run in parallel, each in its own): ours only.
      const schema = name === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db.kysely)).rows[0]!.s : undefined;
      const tables = (await db.kysely.introspection.getTables()).filter((t) => schema === undefined || t.schema === schema);
      expect(tables.map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort()).toEqual([
        'apps',
        'deliveries',
        'events',
        'guide_versions',
        'roster',
      ]);
    });

    it('reads times and counts back as numbers', async () => {
      const ts = Date.UTC(2030, 0, 1, 12, 0, 0, 123);
      await db.kysely
        .insertInto('events')
        .values({ id: 'e1', app: 'a', type: 'guide_started', ts, user_hash: null, session: 's', guide: 'g', guide_version: 1, step: null, item: null, populations: '[]', url: null, props: null, received_at: ts })
        .execute();
      const row = await db.kysely.selectFrom('events').select(['ts', 'received_at', 'guide_version']).executeTakeFirstOrThrow();
      expect(row).toEqual({ ts, received_at: ts, guide_version: 1 });
      const { n } = await db.kysely.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(n).toBe(1);
    });

    it('ignores a second insert of the same event id', async () => {
      const row = { id: 'e1', app: 'a', type: 'guide_started', ts: 1, user_hash: null, session: 's', guide: null, guide_version: null, step: null, item: null, populations: '[]', url: null, props: null, received_at: 1 };
      const first = await db.kysely.insertInto('events').values([row, row]).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
      expect(first).toHaveLength(1);
      const again = await db.kysely.insertInto('events').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();
      expect(again).toHaveLength(0);
    });
  });
});

describe('createDb', () => {
  it('opens SQLite in WAL mode in a folder it creates', async () => {
    const { mkdtempSync, existsSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'compagnon-create-'));
    const file = join(dir, 'nested', 'x.db');
    const db = createDb(`sqlite:${file}`);
    try {
      expect(db.dialect).toBe('sqlite');
      await migrate(db);
      const mode = await sql<{ journal_mode: string }>`PRAGMA journal_mode`.execute(db.kysely);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      expect(existsSync(file)).toBe(true);
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts :memory:', async () => {
    const db = createDb(':memory:');
    await migrate(db);
    expect(await db.kysely.selectFrom('apps').selectAll().execute()).toEqual([]);
    await db.close();
  });
});
