// Storage under test, for every test file: `describe.each(openTestDbs())('…on $name', ({ open, skip }) => …)`
// with `describe.skipIf(skip)`. Each `open()` gives a fresh, migrated database of its own: SQLite in a temp file
// (WAL and all, as in production), PostgreSQL in a schema of its own (`t_<run>_<random>`), so test files running
// in parallel never see each other's rows.
//
// Schemas are dropped at the end of the run (`dropRunSchemas`, vitest's global teardown), not on close: Kysely's
// migrator introspects every schema of the database (`has_schema_privilege`, `pg_get_serial_sequence` per row),
// and a schema dropped by another file meanwhile made that query fail with 3F000 ("schema … does not exist").
// Outside a vitest run (no COMPAGNON_TEST_RUN), close() drops its schema as before.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { createDb } from './create.ts';
import { migrate } from './migrate.ts';
import type { Db } from './types.ts';

/** A test database; `url` reaches the same database from another process (a collector under test). */
export type OpenedTestDb = Db & { url: string };

export interface TestDb {
  name: 'sqlite' | 'postgres';
  /** A fresh migrated database; `close()` removes it. */
  open(): Promise<OpenedTestDb>;
  /** Why this storage cannot be tested here; the suite is then skipped, and says so. */
  skip?: string;
}

/** @default postgres://postgres@127.0.0.1:5432/test */
export const TEST_PG_URL = process.env.COMPAGNON_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

// Probed once per test file, at import: `describe.each` needs the list synchronously.
const pgUnavailable: string | undefined = await (async () => {
  const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL tests SKIPPED: cannot connect to ${TEST_PG_URL} (${e instanceof Error ? e.message : String(e)}); start it (.ci/run does) or set COMPAGNON_TEST_PG`;
  } finally {
    await client.end().catch(() => {});
  }
})();
if (pgUnavailable) console.warn(`\n⚠ ${pgUnavailable}\n`);

async function openSqlite(): Promise<OpenedTestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'compagnon-test-'));
  const file = join(dir, 'test.db');
  const db = createDb(file);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return {
    ...db,
    url: file,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** This vitest run's id (set by the global setup): its schemas are `t_<run>_…`, dropped together at its end. */
const RUN = process.env.COMPAGNON_TEST_RUN;

/** Drops the schemas of run `run` (vitest's global teardown). */
export async function dropRunSchemas(run: string): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ name: string }>('SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)', [`t_${run}_`]);
    for (const { name } of rows) await admin.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await admin.end();
  }
}

async function openPostgres(): Promise<OpenedTestDb> {
  const schema = `t_${RUN ? `${RUN}_` : ''}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const db = createDb(TEST_PG_URL, { searchPath: schema, poolSize: 4 });
  const drop = () => sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db.kysely);
  try {
    await migrate(db);
  } catch (e) {
    await drop().finally(() => db.close());
    throw e;
  }
  const url = new URL(TEST_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...db,
    url: url.href,
    async close() {
      try {
        if (!RUN) await drop();
      } finally {
        await db.close();
      }
    },
  };
}

export function openTestDbs(): TestDb[] {
  return [
    { name: 'sqlite', open: openSqlite },
    { name: 'postgres', open: openPostgres, ...(pgUnavailable ? { skip: pgUnavailable } : {}) },
  ];
}
