import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertApp } from '../src/apps/store.ts';
import { DEV_ADMIN_TOKEN, loadConfig } from '../src/config.ts';
import { openTestDbs } from '../src/db/testing.ts';
import { startServer } from '../src/server.ts';
import { event } from './collector-fixtures.ts';

describe('loadConfig', () => {
  it('has defaults for a laptop', () => {
    expect(loadConfig({})).toEqual({ db: undefined, adminToken: DEV_ADMIN_TOKEN, devAdminToken: true, port: 4320, host: '127.0.0.1', retentionIntervalMs: 3_600_000 });
  });
  it('reads the environment', () => {
    const env = { COMPAGNON_DB: 'postgres://x/y', COMPAGNON_ADMIN_TOKEN: 't', PORT: '0', HOST: '0.0.0.0', COMPAGNON_RETENTION_INTERVAL_MS: '60000' };
    expect(loadConfig(env)).toEqual({ db: 'postgres://x/y', adminToken: 't', devAdminToken: false, port: 0, host: '0.0.0.0', retentionIntervalMs: 60_000 });
  });
  it.each([
    { name: 'production without a token', env: { NODE_ENV: 'production' }, error: /COMPAGNON_ADMIN_TOKEN is required/ },
    { name: 'a bad port', env: { PORT: 'http' }, error: /PORT: expected an integer/ },
  ])('refuses $name', ({ env, error }) => {
    expect(() => loadConfig(env)).toThrow(error);
  });
});

describe('startServer', () => {
  it('listens, seeds apps, ingests over real HTTP, survives a 2 MiB body, closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'compagnon-server-'));
    const lines: string[] = [];
    const server = await startServer({
      db: join(dir, 'c.db'),
      port: 0,
      env: {},
      print: (l) => lines.push(l),
      apps: [{ id: 'intranet-rh', writeKey: 'pk_test_key', origins: [] }],
      forwarding: false,
    });
    try {
      expect(lines[0]).toMatch(/^Compagnon collector on http:\/\/127\.0\.0\.1:\d+ \(SQLite /);
      expect(lines[1]).toContain(DEV_ADMIN_TOKEN);
      const post = (body: string) =>
        fetch(`${server.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer pk_test_key', 'content-type': 'application/json' }, body });
      const ok = await post(JSON.stringify({ events: [event()] }));
      expect(await ok.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
      const huge = await post(JSON.stringify({ events: [event({ props: { pad: 'x'.repeat(2 * 1024 * 1024) } })] }));
      expect(huge.status).toBe(413);
      expect((await post(JSON.stringify({ events: [event()] }))).status).toBe(200);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The "killed during a load and restarted: every acknowledged event is there", with a real process
// (the collector's entry bundled by esbuild as rollup will) killed with SIGKILL mid-load.
describe.each(openTestDbs())('a collector killed during a load, on $name', ({ open, skip }) => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const outfile = join(root, 'node_modules', '.cache', `compagnon-collector-test-${randomUUID()}`, 'main.mjs');
  beforeAll(async () => {
    if (skip) return;
    await build({
      entryPoints: [fileURLToPath(new URL('../src/main.ts', import.meta.url))],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg', 'preact', 'uplot'],
      logLevel: 'silent',
    });
  });
  afterAll(() => rmSync(join(outfile, '..'), { recursive: true, force: true }));

  function run(dbUrl: string): Promise<{ child: ChildProcess; url: string }> {
    const child = spawn(process.execPath, [outfile], {
      env: { ...process.env, COMPAGNON_DB: dbUrl, PORT: '0', HOST: '127.0.0.1', COMPAGNON_ADMIN_TOKEN: 'kill-test', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d;
        const url = /collector on (http:\/\/\S+)/.exec(out)?.[1];
        if (url) resolve({ child, url });
      });
      child.stderr!.on('data', (d: Buffer) => (err += d));
      child.once('exit', (code) => reject(new Error(`collector exited (${code}) before listening: ${err || out}`)));
    });
  }

  describe.skipIf(!!skip)('', () => {
    it('keeps every acknowledged event', async () => {
      const db = await open();
      try {
        await upsertApp(db, 'intranet-rh', { write_keys: ['pk_kill'], origins: [] }, Date.now());
        const first = await run(db.url);
        const acked: string[] = [];
        let batches = 0;
        const loop = async () => {
          for (;;) {
            const batch = Array.from({ length: 50 }, () => event());
            try {
              const res = await fetch(`${first.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer pk_kill', 'content-type': 'application/json' }, body: JSON.stringify({ events: batch }) });
              if (res.status !== 200) throw new Error(`status ${res.status}`);
              await res.json();
              acked.push(...batch.map((e) => e.id as string));
              if (++batches === 30) first.child.kill('SIGKILL');
            } catch {
              return; // the process is gone
            }
          }
        };
        const exited = new Promise((r) => first.child.once('exit', r));
        await Promise.all(Array.from({ length: 4 }, loop));
        await exited;
        expect(acked.length).toBeGreaterThanOrEqual(30 * 50);

        const second = await run(db.url);
        try {
          const ok = await fetch(`${second.url}/v1/events`, { method: 'POST', headers: { authorization: 'Bearer pk_kill', 'content-type': 'application/json' }, body: JSON.stringify({ events: [event()] }) });
          expect(ok.status).toBe(200);
          const stored = new Set((await db.kysely.selectFrom('events').select('id').execute()).map((r) => r.id));
          expect(acked.filter((id) => !stored.has(id))).toEqual([]);
        } finally {
          const gone = new Promise((r) => second.child.once('exit', r));
          second.child.kill('SIGTERM');
          await gone;
        }
      } finally {
        await db.close();
      }
    }, 60_000);
  });
});
