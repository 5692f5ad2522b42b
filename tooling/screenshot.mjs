// Takes the README's pictures in headless Chromium:
//   docs/screenshot.png  the demo intranet as a new hire sees it, with the expense tour open (default mode);
//   docs/dashboard.png   with --dashboard: everything `npm start` runs (collector, published guides, demo data) on a
//                        temporary database and free ports, the dashboard signed in with the admin token, charts drawn.
//   node tooling/screenshot.mjs [--persona nadia] [--path /expenses.html] [--out docs/screenshot.png]
//                               [--width 1280] [--height 800] [--lang en|fr] [--no-guide] [--full-page]
//   node tooling/screenshot.mjs --dashboard [--out docs/dashboard.png] [--width 1280] [--height 1180] [--full-page]
// Exits non-zero with a clear message when no guide dialog appears (e.g. the SDK is not built), or when the
// dashboard does not show its charts (the picture of what it showed instead is saved in the temp folder).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createStaticServer } from './static-server.mjs';
import { startDemo } from './start.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const iife = join(repo, 'packages/sdk/dist/compagnon.iife.js');
const { values: opt } = parseArgs({
  options: {
    persona: { type: 'string', default: 'nadia' },
    path: { type: 'string', default: '/expenses.html' },
    out: { type: 'string' },
    width: { type: 'string', default: '1280' },
    height: { type: 'string' }, // default: 800, or 1180 for the dashboard (cards, chart, top of the guides table)
    lang: { type: 'string', default: 'en' },
    'no-guide': { type: 'boolean', default: false },
    'full-page': { type: 'boolean', default: false },
    dashboard: { type: 'boolean', default: false },
  },
});
const out = resolve(opt.out ?? join(repo, opt.dashboard ? 'docs/dashboard.png' : 'docs/screenshot.png'));
opt.height ??= opt.dashboard ? '1180' : '800';
const waitForGuide = !opt['no-guide'];

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exitCode = 1;
}

const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});

if (opt.dashboard) await dashboardShot();
else await intranetShot();

async function dashboardShot() {
  const scratch = mkdtempSync(join(tmpdir(), 'compagnon-dashboard-shot-'));
  let demo;
  let browser;
  try {
    demo = await startDemo({ db: join(scratch, 'compagnon.db'), collectorPort: 0, intranetPort: 0, adminToken: 'screenshot-admin-token', say: () => {} });
    browser = await launch();
    const context = await browser.newContext({ viewport: { width: Number(opt.width), height: Number(opt.height) }, deviceScaleFactor: 1, locale: opt.lang === 'fr' ? 'fr-FR' : 'en-GB' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(demo.dashboardUrl, { waitUntil: 'load' });
    await page.getByLabel(opt.lang === 'fr' ? "Jeton d'administration" : 'Admin token').fill(demo.adminToken);
    await page.getByRole('button', { name: opt.lang === 'fr' ? 'Se connecter' : 'Sign in' }).click();
    try {
      // Loaded: not busy, the charts' canvases drawn, the guides table filled.
      await page.locator('main[aria-busy="false"]').waitFor({ timeout: 15_000 });
      await page.locator('[data-panel="adoption"] .chart canvas').first().waitFor({ timeout: 15_000 });
      await page.locator('table.guides tbody tr').first().waitFor({ timeout: 15_000 });
    } catch {
      const failed = join(tmpdir(), 'compagnon-dashboard-failed.png');
      await page.screenshot({ path: failed, fullPage: true });
      fail(`the dashboard did not show its reports.${errors.length ? ` Page errors: ${errors.join(' | ')}` : ''} What it showed: ${failed}`);
      return;
    }
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    mkdirSync(dirname(out), { recursive: true });
    await page.screenshot({ path: out, animations: 'disabled', fullPage: opt['full-page'] });
    console.log(`screenshot: saved ${out} (${demo.seeded?.people ?? 0} people, ${demo.seeded?.events ?? 0} events)`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close();
    await demo?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function intranetShot() {
  const server = await createStaticServer({ root: join(repo, 'examples/intranet'), routes: { '/compagnon.iife.js': iife } });
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: Number(opt.width), height: Number(opt.height) }, deviceScaleFactor: 1 });
    // The pages send their events to the demo collector (127.0.0.1:4320): a picture must not add to a running demo.
    await context.route('http://127.0.0.1:4320/**', (route) => route.abort());
    // The persona switcher stores its choice in localStorage; set it before any page script reads it.
    await context.addInitScript(({ persona, lang }) => {
      localStorage.setItem('acme.persona', persona);
      localStorage.setItem('acme.lang', lang);
    }, { persona: opt.persona, lang: opt.lang });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.url + opt.path, { waitUntil: 'load' });

    let shotPath = out;
    if (waitForGuide) {
      try {
        // Without the SDK there is nothing to wait for: say so at once.
        if (!existsSync(iife)) throw new Error('not built');
        await page.getByRole('dialog').first().waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        shotPath = join(tmpdir(), 'compagnon-screenshot-failed.png');
        fail(
          `no guide dialog appeared on ${opt.path} for persona "${opt.persona}".` +
            (existsSync(iife) ? '' : ` The SDK is not built (${iife} is missing): run \`npm run build\`.`) +
            (errors.length ? ` Page errors: ${errors.join(' | ')}` : '') +
            ` What the page looked like: ${shotPath}`,
        );
      }
    }
    // Let floating-ui settle its position before the shot.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    mkdirSync(dirname(shotPath), { recursive: true });
    await page.screenshot({ path: shotPath, animations: 'disabled', fullPage: opt['full-page'] });
    if (shotPath === out) console.log(`screenshot: saved ${out}`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await browser.close();
    await server.close();
  }
}
