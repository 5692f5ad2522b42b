// Takes docs/screenshot.png: the demo intranet as a new hire sees it, with the expense tour open.
//   node tooling/screenshot.mjs [--persona nadia] [--path /expenses.html] [--out docs/screenshot.png]
//                               [--width 1280] [--height 800] [--lang en|fr] [--no-guide] [--full-page]
// Exits non-zero with a clear message when no guide dialog appears (e.g. the SDK is not built).
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { createStaticServer } from './static-server.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const iife = join(repo, 'packages/sdk/dist/compagnon.iife.js');
const { values: opt } = parseArgs({
  options: {
    persona: { type: 'string', default: 'nadia' },
    path: { type: 'string', default: '/expenses.html' },
    out: { type: 'string', default: join(repo, 'docs/screenshot.png') },
    width: { type: 'string', default: '1280' },
    height: { type: 'string', default: '800' },
    lang: { type: 'string', default: 'en' },
    'no-guide': { type: 'boolean', default: false },
    'full-page': { type: 'boolean', default: false },
  },
});
const out = resolve(opt.out);
const waitForGuide = !opt['no-guide'];

function fail(message) {
  console.error(`screenshot: ${message}`);
  process.exitCode = 1;
}

const server = await createStaticServer({ root: join(repo, 'examples/intranet'), routes: { '/compagnon.iife.js': iife } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: Number(opt.width), height: Number(opt.height) }, deviceScaleFactor: 1 });
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
