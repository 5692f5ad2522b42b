import { chromium } from 'playwright-core';
import { startServer } from '../lib/server.mjs';
import { LIBS, ALL } from '../lib/libs.mjs';
const files = { '/bench/harness.js': '/work/main/bench/lib/harness.js' };
for (const l of ALL) for (const f of [LIBS[l].js, LIBS[l].css].filter(Boolean)) files[f.url] = f.file;
const server = await startServer({ files, memory: {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext(); const page = await ctx.newPage();
await page.goto(server.url + '/page.html?lib=driver&rows=50');
await page.evaluate((u) => window.bench.load(u).then(() => 0), LIBS.driver.js.url);
console.log(await page.evaluate(async () => {
  const out = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const d = window.driver.js.driver({ steps: [{ element: '#new-expense', popover: { title: 'a', description: 'b' } }, { element: '#export', popover: { title: 'c' } }] });
    const t1 = performance.now();
    d.drive();
    const t2 = performance.now();
    await window.bench.yieldTask();
    const t3 = performance.now();
    d.destroy();
    const t4 = performance.now();
    out.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3].map((x) => x.toFixed(1)).join(' '));
  }
  return out;
}));
await browser.close(); await server.close();
