// `npm start`: the whole demo on a laptop. The collector (SQLite) on 127.0.0.1:4320 with the app `intranet-rh`,
// the example guides published to it, a synthetic organisation seeded on first start (tooling/demo-data.mjs), and
// the example intranet on 127.0.0.1:4310 whose pages send their events to the collector. Ctrl-C stops both.
//
// Environment: COMPAGNON_DB (SQLite path or postgres:// URL; default ./data/compagnon.db), COMPAGNON_ADMIN_TOKEN
// (default: the development token, printed), INTRANET_PORT (default 4310; a free port when taken). The collector
// stays on 4320: the pages' script tags name it.
//
// `startDemo()` is also what tooling/screenshot.mjs runs (on a temporary database and free ports).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStaticServer } from './static-server.mjs';
import { DEMO_APP, DEMO_WRITE_KEY, generateDemo, loadResolvePopulations, publishIfChanged, readBundle, sendDemo } from './demo-data.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const root = fileURLToPath(new URL('../examples/intranet/', import.meta.url));
const iife = fileURLToPath(new URL('../packages/sdk/dist/compagnon.iife.js', import.meta.url));
const collectorLib = fileURLToPath(new URL('../packages/collector/dist/index.js', import.meta.url));
export const COLLECTOR_PORT = 4320;
export const INTRANET_PORT = 4310;

async function serveIntranet(wanted, say) {
  const routes = { '/compagnon.iife.js': iife };
  try {
    return await createStaticServer({ root, routes, port: wanted });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || wanted === 0) throw error;
    say(`Port ${wanted} is taken: the intranet uses a free one instead.`);
    return createStaticServer({ root, routes, port: 0 });
  }
}

/** Whether the app was already seeded: the roster is imported last, so an interrupted seed is redone. */
async function hasRoster(db, app) {
  const row = await db.kysely.selectFrom('roster').select((eb) => eb.fn.countAll().as('n')).where('app', '=', app).executeTakeFirst();
  return Number(row?.n ?? 0) > 0;
}

/**
 * Starts the collector and the intranet, publishes the guides, seeds the demo on an empty database.
 * @param {object} [o]
 * @param {string} [o.db] @default COMPAGNON_DB, else <repo>/data/compagnon.db
 * @param {string} [o.adminToken] @default COMPAGNON_ADMIN_TOKEN, else the development token
 * @param {number} [o.collectorPort] 0: a free port. @default 4320
 * @param {number} [o.intranetPort] 0: a free port; a taken port falls back to a free one. @default 4310
 * @param {boolean} [o.seed] @default true
 * @param {number} [o.now] the demo's "today". @default Date.now()
 * @param {(line: string) => void} [o.say] @default console.log
 */
export async function startDemo(o = {}) {
  const say = o.say ?? console.log;
  const missing = [iife, collectorLib].filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`not built yet: ${missing.map((f) => f.slice(repo.length)).join(', ')} (run \`npm run build\`; \`npm start\` does)`);
  const { startServer } = await import(pathToFileURL(collectorLib).href);
  const bundle = readBundle();

  const intranet = await serveIntranet(o.intranetPort ?? Number(process.env.INTRANET_PORT ?? INTRANET_PORT), say);
  const origins = [...new Set([`http://127.0.0.1:${INTRANET_PORT}`, intranet.url, `http://localhost:${intranet.port}`])];
  let collector;
  try {
    collector = await startServer({
      db: o.db ?? (process.env.COMPAGNON_DB?.trim() || `${repo}data/compagnon.db`),
      ...(o.adminToken ? { adminToken: o.adminToken } : {}),
      port: o.collectorPort ?? COLLECTOR_PORT,
      host: '127.0.0.1',
      apps: [{ id: DEMO_APP, writeKey: DEMO_WRITE_KEY, origins }],
      print: null,
    });
  } catch (error) {
    await intranet.close();
    if (error?.code === 'EADDRINUSE')
      throw new Error(`port ${o.collectorPort ?? COLLECTOR_PORT} is taken: is another \`npm start\` running? (the intranet's pages send to 127.0.0.1:${COLLECTOR_PORT})`);
    throw error;
  }
  const close = async () => {
    await Promise.allSettled([intranet.close(), collector.close()]);
  };

  try {
    const { adminToken } = collector.config;
    const t0 = performance.now();
    const { published, version } = await publishIfChanged({ collector: collector.url, adminToken, app: DEMO_APP, bundle });
    let seeded;
    if (o.seed !== false && !(await hasRoster(collector.db, DEMO_APP))) {
      const demo = generateDemo({ bundle, resolvePopulations: await loadResolvePopulations(), ...(o.now ? { now: o.now } : {}) });
      const sent = await sendDemo({ collector: collector.url, adminToken, demo });
      seeded = { people: sent.roster, events: sent.events.accepted, duplicates: sent.events.duplicates, ms: Math.round(performance.now() - t0) };
    }
    return {
      collector,
      intranet,
      adminToken,
      devToken: collector.config.devAdminToken,
      dashboardUrl: `${collector.url}/?app=${DEMO_APP}`,
      published: published ? version : undefined,
      seeded,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const PERSONAS = [
  ['Nadia (new hire)', 'expenses.html', 'the expense tour and the "Your first week" checklist'],
  ['Marc (manager)', 'team.html', 'a tip on the CSV export button'],
  ['Inès (Finance pilot)', 'expenses.html', 'the new approval workflow, for 70 % of Finance'],
  ['Paul (inactive 40 days)', '', 'a "welcome back" tour of what changed'],
  ['Sam (IT)', '', 'the service desk tip for support teams'],
];

async function main() {
  let demo;
  try {
    demo = await startDemo();
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const { collector, intranet, seeded } = demo;
  const base = `${intranet.url}/`;
  const db = collector.db.dialect === 'sqlite' ? `SQLite ${collector.config.db ?? './data/compagnon.db'}` : 'PostgreSQL';
  console.log(`Compagnon collector: ${collector.url} (${db})`);
  if (demo.published) console.log(`  guides published: examples/intranet/guides.json as version ${demo.published}`);
  console.log(seeded
    ? `  demo data: ${seeded.people} people, ${seeded.events} events over 30 days (seeded in ${seeded.ms} ms)`
    : '  demo data: already there (delete the database to start over)');
  console.log('');
  console.log(`Dashboard: ${demo.dashboardUrl}`);
  console.log(`  admin token: ${demo.adminToken}${demo.devToken ? '   (development default; set COMPAGNON_ADMIN_TOKEN to choose one)' : ''}`);
  console.log('');
  console.log(`Intranet:  ${base}`);
  console.log('  Pick a person in the "View as" menu at the top of any page:');
  for (const [who, where, what] of PERSONAS) console.log(`    ${who.padEnd(24)} ${(base + where).padEnd(40)} ${what}`);
  console.log('  What they do is sent to the collector: refresh the dashboard to see it.');
  console.log('Ctrl-C stops both.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    demo.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
