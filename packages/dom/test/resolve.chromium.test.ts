// Targets in a real browser: accessible names from real layout, declarative shadow roots, same-origin and
// cross-origin frames. The module is bundled with esbuild and injected; pages are served by `page.route`, so the
// frame at http://app.test is same-origin and the one at http://other.test is not.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '@compagnon/schema';
import { launchChromium } from '@compagnon/testing';

const MAIN = `<!doctype html><html lang="en"><head><title>Monthly report</title></head><body>
<h1 id="heading">Expenses</h1>
<button style="display:none">New expense</button>
<button id="new"><svg aria-hidden="true" width="8" height="8"></svg> New <span>expense</span></button>
<label>Amount <input id="amount"></label>
<a id="all" href="/all">See <b>all</b> reports</a>
<p>Your <em id="ready">monthly report</em> is ready</p>
<x-card><template shadowrootmode="open"><x-row><template shadowrootmode="open">
  <button id="approve">Approve</button></template></x-row></template></x-card>
<x-secret><template shadowrootmode="closed"><button id="secret">Secret</button></template></x-secret>
<x-late><template shadowrootmode="open"><p>Loading…</p></template></x-late>
<iframe id="same" src="/frame.html"></iframe>
<iframe id="cross" src="http://other.test/frame.html"></iframe>
<script>
  // Changes made only inside a shadow root or a frame: the document's own observer sees none of them.
  window.later = {
    shadow() {
      const b = document.createElement('button');
      b.id = 'later';
      b.textContent = 'Later';
      document.querySelector('x-late').shadowRoot.append(b);
    },
    frame() {
      const p = document.getElementById('same').contentDocument.createElement('p');
      p.id = 'framed';
      p.textContent = 'Appeared in the frame';
      document.getElementById('same').contentDocument.body.append(p);
    },
    newFrame() {
      const f = document.createElement('iframe');
      f.src = '/slow.html';
      document.body.append(f);
    },
  };
</script>
</body></html>`;

const PAGES: Record<string, { body: string; delay?: number }> = {
  'http://app.test/': { body: MAIN },
  'http://app.test/frame.html': { body: '<button id="claim">Submit claim</button><p id="inside">Inside the frame</p>' },
  'http://app.test/slow.html': { body: '<button id="slow">Open the slow frame</button>', delay: 300 },
  'http://other.test/frame.html': { body: '<button id="cross-btn">Cross secret</button>' },
};

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    globalName: 'dom',
    write: false,
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.route('http://*.test/**', async (route) => {
    const served = PAGES[route.request().url()];
    if (served?.delay) await new Promise((r) => setTimeout(r, served.delay));
    await route.fulfill(served ? { contentType: 'text/html', body: served.body } : { status: 404 });
  });
  await page.goto('http://app.test/');
  await page.addScriptTag({ content: outputFiles[0]!.text });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Where the element resolved lives: its id, then `@frame` or `@shadow` when outside the document itself. */
const where = (target: Target) =>
  page.evaluate((t) => {
    const el = (window as never as { dom: typeof import('../src/index.ts') }).dom.resolveTarget(t);
    if (!el) return null;
    const root = el.getRootNode();
    return el.id + (el.ownerDocument !== document ? '@frame' : root instanceof ShadowRoot ? '@shadow' : '');
  }, target);

describe('resolveTarget in Chromium', { timeout: 30_000 }, () => {
  it.each([
    { name: 'role + name, skipping a display:none twin', target: { role: 'button', name: 'New expense' }, found: 'new' },
    { name: 'textbox named by its wrapping label', target: { role: 'textbox', name: 'amount' }, found: 'amount' },
    { name: 'link named by mixed content', target: { role: 'link', name: 'See all reports' }, found: 'all' },
    { name: 'text: the smallest element, not the title', target: { text: 'Monthly report' }, found: 'ready' },
    { name: 'role + name in nested open shadow roots', target: { role: 'button', name: 'Approve' }, found: 'approve@shadow' },
    { name: 'CSS selector in a shadow root', target: '#approve', found: 'approve@shadow' },
    { name: 'closed shadow roots are not searched', target: { role: 'button', name: 'Secret' }, found: null },
    { name: 'role + name in a same-origin frame', target: { role: 'button', name: 'Submit claim' }, found: 'claim@frame' },
    { name: 'text in a same-origin frame', target: { text: 'Inside the frame' }, found: 'inside@frame' },
    { name: 'cross-origin frames are skipped silently', target: ['#cross-btn', { text: 'Cross secret' }], found: null },
    { name: 'an invalid selector is null, then the next spec', target: ['p[', { text: 'Expenses' }], found: 'heading' },
  ])('$name', async ({ target, found }) => {
    expect(await where(target)).toBe(found);
  });
});

describe('waitForTargetDetailed in Chromium', { timeout: 30_000 }, () => {
  const wait = (target: Target, change: 'shadow' | 'frame' | 'newFrame') =>
    page.evaluate(
      async ([t, c]) => {
        const { createClock, createDomWatcher, waitForTargetDetailed } = (window as never as { dom: typeof import('../src/index.ts') }).dom;
        const watcher = createDomWatcher();
        const started = performance.now();
        const { promise } = waitForTargetDetailed(t, watcher, { timeout: 5000, clock: createClock() });
        setTimeout(() => (window as never as { later: Record<string, () => void> }).later[c]!(), 100);
        const match = await promise;
        watcher.dispose();
        return match && { id: match.element.id, tried: match.tried, ms: performance.now() - started };
      },
      [target, change] as const,
    );

  it.each([
    { name: 'a late target inside a shadow root', target: ['#nope', { role: 'button', name: 'Later' }], change: 'shadow' as const,
      id: 'later', tried: ['#nope', 'role=button[name="Later"]'] },
    { name: 'a late target inside a same-origin frame', target: { text: 'Appeared in the frame' }, change: 'frame' as const,
      id: 'framed', tried: ['text="Appeared in the frame"'] },
    { name: 'a target in a frame added and loaded late', target: { role: 'button', name: 'Open the slow frame' }, change: 'newFrame' as const,
      id: 'slow', tried: ['role=button[name="Open the slow frame"]'] },
  ])('finds $name, without waiting for the timeout', async ({ target, change, id, tried }) => {
    const match = await wait(target, change);
    expect(match).toMatchObject({ id, tried });
    // Well before the 5 s timeout: found by the mutation or load that revealed it.
    expect(match!.ms).toBeLessThan(2000);
  });
});
