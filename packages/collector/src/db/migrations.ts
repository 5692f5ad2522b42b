// Migrations in code (no files to find at run time, so they survive bundling), the same for both dialects:
// only portable types (text, integer, bigint) and `ON CONFLICT`, which SQLite and PostgreSQL both speak.
// Append new migrations; never edit one that has shipped. Names sort in application order.
import type { Kysely, Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('apps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('write_keys', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('origins', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('retention_days', 'integer')
        .addColumn('k_anonymity', 'integer', (c) => c.notNull().defaultTo(5))
        .addColumn('xapi', 'text')
        .addColumn('webhooks', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('ts', 'bigint', (c) => c.notNull())
        .addColumn('user_hash', 'text')
        .addColumn('session', 'text', (c) => c.notNull())
        .addColumn('guide', 'text')
        .addColumn('guide_version', 'bigint') // any safe integer the schema admits
        .addColumn('step', 'text')
        .addColumn('item', 'text')
        .addColumn('populations', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('url', 'text')
        .addColumn('props', 'text')
        .addColumn('received_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_app_ts').on('events').columns(['app', 'ts']).execute();
      await db.schema.createIndex('events_app_guide_type').on('events').columns(['app', 'guide', 'type']).execute();
      await db.schema.createIndex('events_app_user').on('events').columns(['app', 'user_hash']).execute();

      await db.schema
        .createTable('guide_versions')
        .addColumn('app', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('bundle', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('published_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('guide_versions_pk', ['app', 'version'])
        .execute();

      await db.schema
        .createTable('roster')
        .addColumn('app', 'text', (c) => c.notNull())
        .addColumn('user_hash', 'text', (c) => c.notNull())
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('populations', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('imported_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('roster_pk', ['app', 'user_hash'])
        .execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('app', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .execute();
      // The worker's query (due pending deliveries) and the delivery log per app.
      await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('deliveries_app').on('deliveries').columns(['app', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ['deliveries', 'roster', 'guide_versions', 'events', 'apps']) await db.schema.dropTable(t).execute();
    },
  },
};
