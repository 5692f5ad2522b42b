// Apps: who may send (write keys), from where (origins), and how their people are pseudonymised (secret).
import { randomBytes } from 'node:crypto';
import type { AppsTable, Db } from '../db/types.ts';

export type AppRow = AppsTable;

/** An app row with its JSON columns parsed; `row` is kept for code that wants the columns as stored. */
export interface App {
  id: string;
  name: string;
  secret: string;
  writeKeys: string[];
  /** Empty: any origin (development, or apps called only from servers). */
  origins: string[];
  retentionDays: number | null;
  kAnonymity: number;
  row: AppRow;
}

/** What an administrator may set; absent fields keep their value (or their default on create). */
export interface AppInput {
  name?: string;
  origins?: string[];
  retention_days?: number | null;
  k_anonymity?: number;
  xapi?: unknown;
  webhooks?: unknown;
  /** Replaces the keys, for deployments that choose them (the CLI's `serve --app id,key`). */
  write_keys?: string[];
}

/** The app as answered to administrators: everything but the secret. */
export type AppView = Omit<AppRow, 'secret' | 'write_keys' | 'origins' | 'xapi' | 'webhooks'> & {
  write_keys: string[];
  origins: string[];
  xapi: unknown;
  webhooks: unknown;
};

export const newWriteKey = (): string => `wk_${randomBytes(18).toString('base64url')}`;
const newSecret = (): string => randomBytes(32).toString('hex');

function strings(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const parseJson = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

export function toApp(row: AppRow): App {
  return {
    id: row.id,
    name: row.name,
    secret: row.secret,
    writeKeys: strings(row.write_keys),
    origins: strings(row.origins),
    retentionDays: row.retention_days === null ? null : Number(row.retention_days),
    kAnonymity: Number(row.k_anonymity),
    row,
  };
}

export function appView(row: AppRow): AppView {
  const { secret: _secret, ...rest } = row;
  return {
    ...rest,
    write_keys: strings(row.write_keys),
    origins: strings(row.origins),
    xapi: parseJson(row.xapi),
    webhooks: parseJson(row.webhooks),
  };
}

export async function getApp(db: Db, id: string): Promise<App | undefined> {
  const row = await db.kysely.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toApp(row);
}

export async function listApps(db: Db): Promise<App[]> {
  const rows = await db.kysely.selectFrom('apps').selectAll().orderBy('id').execute();
  return rows.map(toApp);
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * Creates the app (with a generated secret and, unless given, one generated write key) or updates the fields
 * given. `created` tells which; `writeKey` is the key generated on create.
 */
export async function upsertApp(
  db: Db,
  id: string,
  input: AppInput,
  now: number,
): Promise<{ app: App; created: boolean; writeKey?: string }> {
  return db.kysely.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('apps')
      .selectAll()
      .where('id', '=', id)
      .$if(db.dialect === 'postgres', (q) => q.forUpdate()) // SQLite serialises write transactions already
      .executeTakeFirst();
    if (!existing) {
      const writeKey = input.write_keys === undefined ? newWriteKey() : undefined;
      const row: AppRow = {
        id,
        name: input.name ?? id,
        secret: newSecret(),
        write_keys: JSON.stringify(input.write_keys ?? [writeKey]),
        origins: JSON.stringify(input.origins ?? []),
        retention_days: input.retention_days ?? null,
        k_anonymity: input.k_anonymity ?? 5,
        xapi: json(input.xapi),
        webhooks: json(input.webhooks),
        created_at: now,
      };
      // ON CONFLICT: two instances creating the same app at once; the loser reads the winner's row below.
      await trx.insertInto('apps').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      const stored = await trx.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return { app: toApp(stored), created: true, ...(writeKey ? { writeKey } : {}) };
    }
    const changes: Partial<AppRow> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.origins !== undefined) changes.origins = JSON.stringify(input.origins);
    if (input.retention_days !== undefined) changes.retention_days = input.retention_days;
    if (input.k_anonymity !== undefined) changes.k_anonymity = input.k_anonymity;
    if (input.xapi !== undefined) changes.xapi = json(input.xapi);
    if (input.webhooks !== undefined) changes.webhooks = json(input.webhooks);
    if (input.write_keys !== undefined) changes.write_keys = JSON.stringify(input.write_keys);
    if (Object.keys(changes).length > 0) await trx.updateTable('apps').set(changes).where('id', '=', id).execute();
    const stored = await trx.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { app: toApp(stored), created: false };
  });
}

/** Adds a generated write key; undefined when the app does not exist. Older keys keep working. */
export async function addWriteKey(db: Db, id: string): Promise<string | undefined> {
  return db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('apps')
      .select('write_keys')
      .where('id', '=', id)
      .$if(db.dialect === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    const key = newWriteKey();
    await trx
      .updateTable('apps')
      .set({ write_keys: JSON.stringify([...strings(row.write_keys), key]) })
      .where('id', '=', id)
      .execute();
    return key;
  });
}
