// The collector's settings, from the environment (the CLI passes its flags as overrides to startServer).
export interface CollectorConfig {
  /** `COMPAGNON_DB`: a postgres:// URL or an SQLite path. @default ./data/compagnon.db */
  db: string | undefined;
  /** `COMPAGNON_ADMIN_TOKEN`; required when NODE_ENV=production, else @default DEV_ADMIN_TOKEN (printed at start) */
  adminToken: string;
  /** Whether the admin token is the development default (startServer says so loudly). */
  devAdminToken: boolean;
  /** `PORT` @default 4320 */
  port: number;
  /** `HOST` @default 127.0.0.1 */
  host: string;
  /** `COMPAGNON_RETENTION_INTERVAL_MS`: how often expired events are purged. @default 3_600_000 */
  retentionIntervalMs: number;
}

export const DEV_ADMIN_TOKEN = 'compagnon-dev-admin';

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name}: expected an integer ≥ ${min}, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): CollectorConfig {
  const token = env.COMPAGNON_ADMIN_TOKEN?.trim();
  if (!token && env.NODE_ENV === 'production')
    throw new Error('COMPAGNON_ADMIN_TOKEN is required in production: the admin routes and the dashboard need it');
  return {
    db: env.COMPAGNON_DB?.trim() || undefined,
    adminToken: token || DEV_ADMIN_TOKEN,
    devAdminToken: !token,
    port: integer(env, 'PORT', 4320),
    host: env.HOST?.trim() || '127.0.0.1',
    retentionIntervalMs: integer(env, 'COMPAGNON_RETENTION_INTERVAL_MS', 3_600_000, 1000),
  };
}
