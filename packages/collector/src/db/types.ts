// The tables, shared by every part of the collector. Times are epoch milliseconds (BIGINT in PostgreSQL, INTEGER
// in SQLite; both read back as numbers); JSON columns are TEXT holding JSON, so one schema serves both dialects.
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';

export interface AppsTable {
  id: string;
  name: string;
  /** Hex; the HMAC key that pseudonymises this app's user ids. Generated, never answered. */
  secret: string;
  /** JSON `string[]` */
  write_keys: string;
  /** JSON `string[]`: allowed CORS origins, e.g. `http://127.0.0.1:4310`, `chrome-extension://<id>`; `[]` = any. */
  origins: string;
  retention_days: number | null;
  k_anonymity: number;
  /** JSON `{ endpoint, username, password }` */
  xapi: string | null;
  /** JSON `[{ url, secret, events?: string[] }]` */
  webhooks: string | null;
  created_at: number;
}

export interface EventsTable {
  /** The event's uuid: inserts are `ON CONFLICT (id) DO NOTHING`. */
  id: string;
  app: string;
  type: string;
  ts: number;
  /** HMAC-SHA256(app secret, user id), hex; the raw id is never stored. */
  user_hash: string | null;
  session: string;
  guide: string | null;
  guide_version: number | null;
  step: string | null;
  item: string | null;
  /** JSON `string[]` */
  populations: string;
  url: string | null;
  /** JSON object */
  props: string | null;
  received_at: number;
}

export interface GuideVersionsTable {
  app: string;
  version: number;
  /** JSON: the validated bundle */
  bundle: string;
  etag: string;
  published_at: number;
}

export interface RosterTable {
  app: string;
  user_hash: string;
  /** JSON of the attributes, `id` removed */
  attributes: string;
  /** JSON `string[]`, computed at import against the latest published bundle */
  populations: string;
  imported_at: number;
}

export interface DeliveriesTable {
  id: string;
  app: string;
  kind: 'xapi' | 'webhook';
  target: string;
  payload: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export interface Database {
  apps: AppsTable;
  events: EventsTable;
  guide_versions: GuideVersionsTable;
  roster: RosterTable;
  deliveries: DeliveriesTable;
}

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /**
   * SQLite only: the better-sqlite3 handle under `kysely`, for the ingest's prepared INSERT (see ingest/writer.ts).
   * Only ever used inside a Kysely transaction: Kysely then holds SQLite's one connection, so nothing else runs
   * on it meanwhile.
   */
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}
