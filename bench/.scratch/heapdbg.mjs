import { chromium } from 'playwright-core';
import { startServer } from '/work/main/bench/lib/server.mjs';
import { LIBS, ALL } from '/work/main/bench/lib/libs.mjs';
const files = { '/bench/harness.js': '/work/main/bench/lib/harness.js' };
for (const l of ALL) for (const f of [LIBS[l].js, LIBS[l].css].filter(Boolean)) files[f.url] = f.file;
const server = await startServer({ files, memory: {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const lib of ['driver','shepherd','intro']) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  page.on('console', m => console.log(lib, 'console', m.text().slice(0,200)));
  page.on('pageerror', e => console.log(lib, 'err', String(e).slice(0,200)));
  await page.goto(server.url + '/page.html?lib=' + lib);
  await page.evaluate((u) => window.bench.load(u).then(() => 0), LIBS[lib].js.url);
  for (const n of [1, 10, 50]) {
    const t = Date.now();
    await Promise.race([page.evaluate((n) => window.bench.cycles(n), n), new Promise(r => setTimeout(r, 10000))]);
    console.log(lib, n, Date.now() - t, 'ms', await page.evaluate(() => window.bench.domNodes()));
  }
  await ctx.close();
}
await browser.close(); await server.close();
