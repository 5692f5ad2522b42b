// A running collector: storage opened and migrated, routes, the forwarding worker, the retention timer, and
// the port. Used by `npm start` (src/main.ts) and `compagnon serve`.
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app.ts';
import { type CollectorConfig, loadConfig } from './config.ts';
import { createDb, migrate } from './db/index.ts';
import type { Db } from './db/types.ts';
import { startForwarding } from './forwarding/worker.ts';
import { getApp, upsertApp } from './apps/store.ts';
import { startRetention } from './privacy/retention.ts';

export interface SeedApp {
  id: string;
  /** Added to the app's keys if missing. */
  writeKey: string;
  /** Replaces the app's origins; empty or absent: any origin (development). */
  origins?: string[];
}

export interface StartOptions extends Partial<CollectorConfig> {
  /** Apps to create or complete before listening (`compagnon serve --app id,key,origin…`). */
  apps?: SeedApp[];
  logger?: boolean;
  rateLimit?: BuildAppOptions['rateLimit'];
  dashboard?: BuildAppOptions['dashboard'];
  /** Start the xAPI/webhook delivery worker. @default true */
  forwarding?: boolean;
  /** Where the startup lines go. @default console.log; null: silent */
  print?: ((line: string) => void) | null;
  env?: NodeJS.ProcessEnv;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  /** e.g. `http://127.0.0.1:4320` */
  url: string;
  config: CollectorConfig;
  /** Stops the timers and the worker, closes the server, then the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { apps: seeds = [], logger = false, forwarding = true, print = console.log, env, ...overrides } = options;
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) as Partial<CollectorConfig>;
  const config: CollectorConfig = { ...loadConfig(env), ...defined };
  if (overrides.adminToken) config.devAdminToken = false;

  const db = createDb(config.db);
  try {
    await migrate(db);
    for (const seed of seeds) await seedApp(db, seed);
  } catch (e) {
    await db.close();
    throw e;
  }
  const app = await buildApp({
    db,
    adminToken: config.adminToken,
    logger,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(options.dashboard ? { dashboard: options.dashboard } : {}),
  });
  const worker = forwarding ? startForwarding(db) : undefined;
  const stopRetention = startRetention(db, { intervalMs: config.retentionIntervalMs });

  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    stopRetention();
    await worker?.stop();
    await app.close();
    await db.close();
    throw e;
  }
  const url = address.replace('://0.0.0.0', '://127.0.0.1');
  print?.(`Compagnon collector on ${url} (${db.dialect === 'sqlite' ? `SQLite ${config.db ?? './data/compagnon.db'}` : 'PostgreSQL'})`);
  if (config.devAdminToken) print?.(`  admin token (development default; set COMPAGNON_ADMIN_TOKEN): ${config.adminToken}`);

  let closing: Promise<void> | undefined;
  return {
    app,
    db,
    url,
    config,
    close: () =>
      (closing ??= (async () => {
        stopRetention();
        await worker?.stop();
        await app.close();
        await db.close();
      })()),
  };
}

async function seedApp(db: Db, { id, writeKey, origins }: SeedApp): Promise<void> {
  const existing = await getApp(db, id);
  const keys = existing ? [...new Set([...existing.writeKeys, writeKey])] : [writeKey];
  await upsertApp(db, id, { write_keys: keys, origins: origins ?? [] }, Date.now());
}
