import { Migrator, sql } from 'kysely';
import { migrations } from './migrations.ts';
import type { Db } from './types.ts';

/** Brings the schema to the latest migration; idempotent, and safe with several instances starting at once. */
export async function migrate(db: Db): Promise<void> {
  // PostgreSQL: Kysely looks for its own bookkeeping tables in every schema of the database unless told which;
  // another schema's `kysely_migration` (a test run's, another deployment's) would fool it. Ours: the current one.
  const schema =
    db.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration${failed ? ` ${failed}` : ''} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
