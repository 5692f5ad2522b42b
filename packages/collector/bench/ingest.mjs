// `npm run bench` (packages/collector): ingest throughput of the real collector process, batches of 50 valid
// events (unique ids in every request) POSTed over loopback by autocannon, ~10 s per database — SQLite in a temp
// file, then PostgreSQL in a schema of its own — printing events/s and p99 latency, and writing
// bench/results.json. The issue's target: ≥ 50,000 events/s with p99 < 50 ms on each. Reported, not asserted.
//
//   node bench/ingest.mjs [--duration 10] [--connections 16] [--only sqlite|postgres] [--profile] [--server FILE]
//
// --server runs an already built collector (a main.js that build-server.mjs wrote, kept under the repo's
// node_modules/.cache so its packages resolve) instead of building src/main.ts: to bench "before" and "after"
// alternately in the same period, which a shared machine's changing load makes the only fair comparison.
//
// Besides events/s (which on a shared machine says as much about the other jobs as about the collector), the
// bench reports the collector's own CPU time per 1,000 events (Linux: from /proc), steadier under load.
//
// --profile runs the collector under `--cpu-prof` and prints where its CPU time went (self time, top functions
// and by package), to tell what limits the rate: parsing, validation, pseudonymisation, the driver, Fastify…
//
// The collector is built from src/main.ts (bench/build-server.mjs) and started as a child process, exactly as
// `npm start` runs it; autocannon runs here. On a 2-core machine the two (plus PostgreSQL) share the cores, so
// the numbers are a floor for the server alone.
//
// The collector's rate limit (6,000 requests per key per minute, per instance, not settable from the
// environment) would stop a 10 s run at ~600 requests/s: the bench spreads its requests over several write keys
// of the same app, as an organisation's many browsers would over several instances.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildCollector, spawnCollector, stopCollector } from './build-server.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    server: { type: 'string' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const BATCH = 50;
const KEYS = 16;
const APP = 'bench-app';
const ADMIN = `bench-${randomBytes(8).toString('hex')}`;
const PG_URL = process.env.COMPAGNON_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = { eventsPerSecond: 50_000, p99Ms: 50 };
const RESULTS = new URL('./results.json', import.meta.url);

// Everything to undo, whatever happens (errors, Ctrl-C): run in reverse order.
const cleanups = [];
const cleanup = async () => {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.error(`cleanup: ${e instanceof Error ? e.message : e}`);
    }
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().then(() => process.exit(130)));

/** A batch body template: 50 valid events whose ids are filled per request (uuid v4 shape, unique per run). */
function batchFactory() {
  const ts = new Date().toISOString();
  const prefix = `${randomBytes(4).toString('hex')}-${randomBytes(2).toString('hex')}-4${randomBytes(2).toString('hex').slice(1)}-a${randomBytes(2).toString('hex').slice(1)}-`;
  const parts = Array.from({ length: BATCH }, (_, i) =>
    JSON.stringify({
      id: '@ID@',
      type: ['guide_started', 'step_viewed', 'guide_completed'][i % 3],
      ts,
      app: APP,
      user: `user-${i}@example.com`,
      session: `sess-${i % 5}`,
      guide: 'expense-tour',
      guideVersion: 1,
      step: i % 3 === 1 ? 'open' : undefined,
      populations: ['new-hires'],
      url: 'https://intranet.example/expenses',
    }).split('"@ID@"'),
  );
  let counter = 0;
  return () => {
    let body = '{"events":[';
    for (let i = 0; i < BATCH; i++) {
      const [head, tail] = parts[i];
      body += `${i ? ',' : ''}${head}"${prefix}${(counter++).toString(16).padStart(12, '0')}"${tail}`;
    }
    return `${body}]}`;
  };
}

async function admin(url, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function load(url, keys, seconds, nextBody) {
  let k = 0;
  return autocannon({
    url: `${url}/v1/events`,
    connections: CONNECTIONS,
    duration: seconds,
    // Each connection sends as one of the keys; every request has a fresh batch (fresh ids).
    setupClient: (client) => client.setHeaders({ 'content-type': 'application/json', authorization: `Bearer ${keys[k++ % keys.length]}` }),
    requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: nextBody() }) }],
  });
}

/** The top of a .cpuprofile by self time: per function, and per package (or "collector"/"node"). */
function summariseProfile(dir) {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return console.log('  (no CPU profile written)');
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const byFn = new Map();
  const byPkg = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    if (!us) continue;
    total += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^file:\/\//, '');
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.includes('compagnon-collector-') ? 'collector (bundle)' : where ? 'node internals' : `(${functionName || 'native'})`);
    const fn = `${functionName || '(anonymous)'} ${where.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `    ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
  console.log(`  CPU profile of the collector (${(total / 1e6).toFixed(1)} s sampled), self time by package:`);
  console.log(top(byPkg, 12).join('\n'));
  console.log('  …and by function:');
  console.log(top(byFn, 25).join('\n'));
}

/** The process's user + system CPU time in ms (Linux /proc; undefined elsewhere). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function runOn(name, dbUrl, countStored, built) {
  const profileDir = args.profile ? mkdtempSync(join(os.tmpdir(), 'compagnon-prof-')) : undefined;
  if (profileDir) cleanups.push(() => rmSync(profileDir, { recursive: true, force: true }));
  const env = { COMPAGNON_DB: dbUrl, COMPAGNON_ADMIN_TOKEN: ADMIN };
  const server = await spawnCollector(built.file, env, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  let stopped = false;
  const stop = async () => {
    if (!stopped) await stopCollector(server.child);
    stopped = true;
  };
  cleanups.push(stop);

  const created = await admin(server.url, 'PUT', `/v1/apps/${APP}`, { name: 'Bench', origins: [] });
  const keys = [created.write_key];
  while (keys.length < KEYS) keys.push((await admin(server.url, 'POST', `/v1/apps/${APP}/keys`)).key);
  // The new keys reach the app cache at once (this instance changed them itself).
  const nextBody = batchFactory();

  if (WARMUP > 0) await load(server.url, keys, WARMUP, nextBody);
  const storedBefore = await countStored();
  const cpuBefore = cpuMs(server.child.pid);
  const r = await load(server.url, keys, DURATION, nextBody);
  const cpuAfter = cpuMs(server.child.pid);
  const stored = (await countStored()) - storedBefore;
  await stop();
  if (profileDir) summariseProfile(profileDir);

  const ok = r['2xx'];
  const seconds = r.duration;
  return {
    database: name,
    eventsPerSecond: Math.round((ok * BATCH) / seconds),
    requestsPerSecond: Math.round(ok / seconds),
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max },
    collectorCpuMsPer1000Events: cpuBefore === undefined || cpuAfter === undefined || ok === 0 ? null : Math.round((10 * (cpuAfter - cpuBefore) * 1000) / (ok * BATCH)) / 10,
    requests: r.requests.sent,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    acknowledgedEvents: ok * BATCH,
    storedEvents: stored,
    seconds: Math.round(seconds * 10) / 10,
    meetsTarget: (ok * BATCH) / seconds >= TARGET.eventsPerSecond && r.latency.p99 < TARGET.p99Ms,
  };
}

async function sqliteTarget() {
  const dir = mkdtempSync(join(os.tmpdir(), 'compagnon-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'bench.db');
  return {
    url: file,
    countStored: async () => {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM events').get().n;
      } finally {
        db.close();
      }
    },
  };
}

async function postgresTarget() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (e) {
    return { skip: `PostgreSQL SKIPPED: cannot connect to ${PG_URL} (${e.message}); set COMPAGNON_TEST_PG` };
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await client.query(`CREATE SCHEMA ${schema}`);
  cleanups.push(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  });
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.href,
    countStored: async () => Number((await client.query(`SELECT count(*) AS n FROM ${schema}.events`)).rows[0].n),
  };
}

try {
  console.log(`${args.server ? `Collector ${args.server}` : 'Building the collector…'} (${os.cpus().length} CPUs, Node ${process.version})`);
  const built = args.server ? { file: args.server } : await buildCollector();
  if (!args.server) cleanups.push(() => built.cleanup());
  const results = [];
  for (const [name, target] of [
    ['sqlite', sqliteTarget],
    ['postgres', postgresTarget],
  ]) {
    if (args.only && args.only !== name) continue;
    const t = await target();
    if (t.skip) {
      console.warn(`⚠ ${t.skip}`);
      results.push({ database: name, skipped: t.skip });
      continue;
    }
    console.log(`${name}: ${WARMUP} s warm-up, then ${DURATION} s, ${CONNECTIONS} connections, batches of ${BATCH}…`);
    results.push(await runOn(name, t.url, t.countStored, built));
  }

  const rows = results.map((r) =>
    r.skipped
      ? { database: r.database, 'events/s': 'skipped', 'p99 ms': '', 'p50 ms': '', 'req/s': '', 'CPU ms/1k events': '', non2xx: '', errors: '', target: '' }
      : {
          database: r.database,
          'events/s': r.eventsPerSecond.toLocaleString('en'),
          'p99 ms': r.latencyMs.p99,
          'p50 ms': r.latencyMs.p50,
          'req/s': r.requestsPerSecond,
          'CPU ms/1k events': r.collectorCpuMsPer1000Events ?? '',
          non2xx: r.non2xx,
          errors: r.errors,
          target: r.meetsTarget ? 'met' : 'NOT met',
        },
  );
  console.log(`\nIngest over loopback, batches of ${BATCH} (target ≥ ${TARGET.eventsPerSecond.toLocaleString('en')} events/s, p99 < ${TARGET.p99Ms} ms)`);
  console.table(rows);
  // A sanity check of the measure: what was acknowledged is what the database holds.
  for (const r of results)
    // (Requests still in flight when autocannon stops counting are stored but not counted: a few per connection.)
    if (!r.skipped && Math.abs(r.storedEvents - r.acknowledgedEvents) > 2 * CONNECTIONS * BATCH)
      console.warn(`⚠ ${r.database}: ${r.acknowledgedEvents} events acknowledged during the run, ${r.storedEvents} stored`);
  writeFileSync(
    RESULTS,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, connections: CONNECTIONS, batch: BATCH, target: TARGET, results }, null, 2)}\n`,
  );
  console.log(`Written to ${RESULTS.pathname}`);
} finally {
  await cleanup();
}
