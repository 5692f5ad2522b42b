import { chromium } from 'playwright-core';
import { startServer } from '../lib/server.mjs';
const server = await startServer({ files: { '/bench/harness.js': '/work/main/bench/lib/harness.js' }, memory: {} });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 3; i++) {
  let t = Date.now();
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  const a = Date.now() - t; t = Date.now();
  await page.goto(server.url + '/page.html?lib=none');
  const b = Date.now() - t; t = Date.now();
  await ctx.close();
  console.log('ctx', a, 'goto', b, 'close', Date.now() - t);
}
await browser.close(); await server.close();
