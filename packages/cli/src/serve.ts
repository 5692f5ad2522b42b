// `compagnon serve`: runs the collector. Apps given with `--app id,key[,origin…]` are created (or updated) at
// start, so a development setup needs no admin call: commas separate, because origins hold colons.
import { type RunningServer, type SeedApp, startServer } from '@compagnon/collector';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Io } from './io.ts';

/**
 * The dashboard's built files, in the collector package. Bundled into packages/cli/dist/cli.js, the collector's
 * code cannot find its package from its own location, so the CLI resolves the package (without loading it).
 */
function dashboardDir(): string | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@compagnon/collector'); // <root>/src/index.ts
    return join(dirname(dirname(entry)), 'dist', 'dashboard');
  } catch {
    return undefined; // the collector's own default
  }
}

export interface ServeFlags {
  port?: string;
  host?: string;
  db?: string;
  app?: string[];
  'admin-token'?: string;
}

/** `id,key[,origin…]`; no origin: any origin (development). */
export function parseAppFlag(flag: string): SeedApp {
  const [id, writeKey, ...origins] = flag.split(',').map((s) => s.trim());
  if (!id || !writeKey) throw new Error(`--app ${JSON.stringify(flag)}: expected <id>,<writeKey>[,<origin>…]`);
  for (const o of origins) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(o)) throw new Error(`--app ${id}: ${JSON.stringify(o)} is not an origin (scheme://host[:port], no path)`);
  }
  return { id, writeKey, origins };
}

export async function serve(flags: ServeFlags, io: Io): Promise<number | undefined> {
  let apps: SeedApp[];
  let port: number | undefined;
  try {
    apps = (flags.app ?? []).map(parseAppFlag);
    if (flags.port !== undefined) {
      port = /^\d+$/.test(flags.port) ? Number(flags.port) : Number.NaN;
      if (!(port <= 65_535)) throw new Error(`--port ${flags.port}: expected 0–65535`);
    }
  } catch (err) {
    io.stderr(`serve: ${(err as Error).message}`);
    return 2;
  }
  const distDir = dashboardDir();
  let server: RunningServer;
  try {
    server = await startServer({
      env: io.env,
      ...(port !== undefined ? { port } : {}),
      ...(flags.host ? { host: flags.host } : {}),
      ...(flags.db ? { db: flags.db } : {}),
      ...(flags['admin-token'] ? { adminToken: flags['admin-token'] } : {}),
      apps,
      print: io.stdout,
      ...(distDir ? { dashboard: { distDir } } : {}),
    });
  } catch (err) {
    // A taken port, an unreachable PostgreSQL, a production start without token: the message says which.
    io.stderr(`serve: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  io.onStop(() => server.close());
  return undefined;
}
