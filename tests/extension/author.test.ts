// Author mode in the extension, in real Chromium (unpacked, persistent profile, headless): the toolbar button's
// function in the service worker injects picker.js into the tab, prefilled with the settings' app id and
// collector; the author picks an element with the mouse, adds a step, types an admin token and publishes — through
// the worker, to a real collector on a temporary SQLite file, from a page whose strict CSP would block the request.
// Clicking again removes the picker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withPolicyLock } from './policy-lock.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@compagnon/testing';
import { startServer, type RunningServer } from '../../packages/collector/src/server.ts';
import { createStaticServer } from '../../tooling/static-server.mjs';
import { buildExtension, EXTENSION_ID } from './build.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const APP = 'expenses-authoring';
const ADMIN = 'admin-author-test';

let dist: string;
let dataDir: string;
let collector: RunningServer;
let site: { url: string; close(): Promise<void> };
const profiles: string[] = [];

beforeAll(async () => {
  dist = await buildExtension();
  dataDir = mkdtempSync(join(tmpdir(), 'compagnon-author-db-'));
  collector = await startServer({
    db: join(dataDir, 'collector.db'), port: 0, host: '127.0.0.1', adminToken: ADMIN,
    apps: [{ id: APP, writeKey: 'pk_author', origins: [EXTENSION_ORIGIN] }],
    forwarding: false, print: null, env: {},
  });
  site = await createStaticServer({ root: HERE, headers: { 'Content-Security-Policy': "default-src 'self'" } });
}, 120_000);

afterAll(async () => {
  await collector?.close();
  await site?.close();
  for (const dir of [dist, dataDir, ...profiles]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function launch(): Promise<{ context: BrowserContext; worker: Worker }> {
  const profile = mkdtempSync(join(tmpdir(), 'compagnon-author-profile-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1200, height: 800 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  const ours = (w: Worker) => w.url().startsWith(`${EXTENSION_ORIGIN}/`);
  const worker = context.serviceWorkers().find(ours) ?? (await context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 }));
  return { context, worker };
}

it('the toolbar action toggles the picker in the tab; a picked step is published to the collector through the worker', () => withPolicyLock(async () => {
    const { context, worker } = await launch();
    try {
      // The toolbar button is there, titled; the settings as the options page stores them (app and collector are
      // what author mode needs).
      expect(await worker.evaluate(() => chrome.action.getTitle({}))).toBe('Compagnon author mode');
      await worker.evaluate((settings) => chrome.storage.local.set({ settings }), { collector: collector.url, app: APP });

      const page = await context.newPage();
      const messages: string[] = [];
      page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => messages.push(`pageerror: ${String(e)}`));
      // Requests made from the tab (its own, and its content scripts'): the worker's are not among them.
      const fromTab: string[] = [];
      page.on('request', (r) => fromTab.push(`${r.method()} ${r.url()}`));
      await page.goto(`${site.url}/expenses.html`);
      const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, `${site.url}/expenses.html`);
      expect(tabId).toEqual(expect.any(Number));

      // What chrome.action.onClicked runs.
      const toggle = () => worker.evaluate((id) => (globalThis as unknown as { compagnonAuthorMode(id: number): Promise<boolean> }).compagnonAuthorMode(id), tabId!);
      expect(await toggle()).toBe(true);
      const host = page.locator('[data-compagnon-picker]');
      await host.waitFor({ state: 'attached' });
      expect(await host.count()).toBe(1);
      // The panel's own styles apply despite the page's CSP (the overlay must sit on top, fixed, for picking).
      expect(await page.evaluate(() => {
        const panel = document.querySelector('[data-compagnon-picker]')!.shadowRoot!.querySelector('.panel')!;
        return getComputedStyle(panel).position;
      })).toBe('fixed');

      // Prefilled from the settings the worker read. (Another test file may set a managed policy meanwhile: policy
      // wins, so the expectation is whatever the worker merged.)
      const managed = await worker.evaluate(() => chrome.storage.managed.get(null).catch(() => ({}))) as { app?: string; collector?: string };
      const expectedApp = managed.app ?? APP;
      expect(await page.locator('[data-picker=app]').inputValue()).toBe(expectedApp);
      expect(await page.locator('[data-picker=collector]').inputValue()).toEqual(managed.collector ? expect.any(String) : collector.url);
      if (managed.app || managed.collector) {
        await page.locator('[data-picker=app]').fill(APP);
        await page.locator('[data-picker=collector]').fill(collector.url);
      }

      // Pick "Save draft" with the mouse: hovering outlines it, the click proposes role and name, unique here.
      const save = (await page.locator('#save').boundingBox())!;
      await page.mouse.move(save.x + save.width / 2, save.y + save.height / 2);
      await page.mouse.click(save.x + save.width / 2, save.y + save.height / 2);
      const proposal = page.locator('[data-picker=proposal]');
      await expect.poll(() => proposal.textContent()).toContain('1 match on this page');
      expect(await proposal.locator('code').textContent()).toBe(JSON.stringify({ role: 'button', name: 'Save draft' }));

      await page.locator('[data-picker=title]').fill('Save as you go');
      await page.locator('[data-picker=body]').fill('A **draft** keeps what you typed.');
      await page.locator('[data-picker=placement]').selectOption('top');
      await page.locator('[data-picker=add]').click();
      await page.locator('[data-picker=id]').fill('save-draft');
      expect(await page.locator('[data-picker=steps] li').count()).toBe(1);

      // A wrong token first: the collector's refusal is said in the panel.
      await page.locator('[data-picker=token]').fill('not-the-token');
      await page.locator('[data-picker=publish]').click();
      const status = page.locator('[data-picker=message]');
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('the admin token was refused');

      await page.locator('[data-picker=token]').fill(ADMIN);
      await page.locator('[data-picker=publish]').click();
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe('Published: version 1.');

      // The collector serves the published bundle: the step, on the proposed target.
      const res = await fetch(`${collector.url}/v1/apps/${APP}/guides`);
      expect(res.status).toBe(200);
      const bundle = (await res.json()) as { app?: string; guides: Array<Record<string, unknown>> };
      expect(bundle.app).toBe(APP);
      expect(bundle.guides).toHaveLength(1);
      expect(bundle.guides[0]).toMatchObject({
        id: 'save-draft',
        type: 'tour',
        trigger: { url: '/expenses.html' },
        steps: [{ id: 'step-1', title: 'Save as you go', body: 'A **draft** keeps what you typed.', target: { role: 'button', name: 'Save draft' }, placement: 'top' }],
      });

      // The tab never sent anything to the collector itself (the worker did), and its CSP reported nothing.
      expect(fromTab.filter((r) => r.includes(collector.url))).toEqual([]);
      expect(fromTab.length).toBeGreaterThan(0);
      expect(messages.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);

      // Clicking the button again removes the picker (and its listeners: clicks reach the page again); a third click
      // brings it back, with the same prefills.
      expect(await toggle()).toBe(false);
      await host.waitFor({ state: 'detached' });
      await page.evaluate(() => {
        (window as unknown as { saved: number }).saved = 0;
        document.querySelector('#save')!.addEventListener('click', () => (window as unknown as { saved: number }).saved++);
      });
      await page.locator('#save').click();
      expect(await page.evaluate(() => (window as unknown as { saved: number }).saved)).toBe(1);
      expect(await toggle()).toBe(true);
      await host.waitFor({ state: 'attached' });
      expect(await page.locator('[data-picker=app]').inputValue()).toBe(expectedApp);
      expect(await toggle()).toBe(false);
    } finally {
      await context.close();
    }
}), 120_000);
