// The browser extension in real Chromium (unpacked, persistent profile, headless): on a page whose strict CSP
// would block any request to the collector, the tour shows for the configured user and its events reach the real
// collector through the service worker — stored once, even when the worker is stopped mid-send — and a managed
// policy file configures the extension with no options page visit.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { withPolicyLock } from './policy-lock.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@compagnon/testing';
import { createStaticServer } from '../../tooling/static-server.mjs';
import { buildExtension, EXTENSION_ID } from './build.ts';
import { APP, KEY, openCollector, type Collector } from './collector.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, `compagnon-extension-test-${process.pid}.json`);
const TOUR = ['Start here', 'Fill in the amount', 'That is it'];

let dist: string;
let collector: Collector;
let site: { url: string; close(): Promise<void> };
const profiles: string[] = [];

beforeAll(async () => {
  dist = await buildExtension();
  collector = await openCollector(join(HERE, 'guides.json'), [EXTENSION_ORIGIN]);
  site = await createStaticServer({ root: HERE, headers: { 'Content-Security-Policy': "default-src 'self'" } });
}, 120_000);

afterAll(async () => {
  rmSync(POLICY_FILE, { force: true });
  await collector?.close();
  await site?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

async function launch(): Promise<{ context: BrowserContext; worker: () => Promise<Worker> }> {
  const profile = mkdtempSync(join(tmpdir(), 'compagnon-extension-profile-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright adds --disable-extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  const ours = (w: Worker) => w.url().startsWith(`${EXTENSION_ORIGIN}/`);
  /** The running worker, waiting for it to start when it is stopped. */
  const worker = async () => context.serviceWorkers().find(ours) ?? context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 });
  await worker();
  return { context, worker };
}

async function until(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Reads the worker's persisted queue (chrome.storage.local) from inside the worker. */
const workerQueue = async (worker: Worker) =>
  worker.evaluate(async (key) => ((await chrome.storage.local.get(key))[key] ?? []) as Array<{ id: string; type: string }>, `outbox:${APP}`);

async function clickThrough(page: Page) {
  for (const [i, title] of TOUR.entries()) {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: i === TOUR.length - 1 ? 'Done' : 'Next' }).click();
  }
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

function watch(page: Page) {
  const messages: string[] = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${String(e)}`));
  return messages;
}

it('configured on its options page: the tour shows, and events reach the collector through the worker, once, across a worker stop mid-send', async () => {
  const { context, worker } = await launch();
  try {
    // Options page: what an administrator types.
    const options = await context.newPage();
    await options.goto(`${EXTENSION_ORIGIN}/options.html`);
    await options.getByLabel('Collector URL').fill(collector.url);
    await options.getByLabel('Application id').fill(APP);
    await options.getByLabel('Write key').fill(KEY);
    await options.getByLabel(/Sites where guides run/).fill(site.url);
    await options.getByLabel('Read the user from').selectOption('global');
    await options.getByLabel(/Global, meta name/).fill('compagnonUser');
    await options.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Saved. Guides run on');
    await options.close();

    // The first events batch will be stored by the collector and never answered.
    collector.holdNextBatch();
    const page = await context.newPage();
    const messages = watch(page);
    await page.goto(`${site.url}/expenses.html`);
    await clickThrough(page);

    // The worker sent a batch (held) and has persisted everything the page gave it, completion included.
    await until('a batch is held', () => collector.posts().some((p) => p.status === 0));
    await until('the worker holds the completion', async () => (await workerQueue(await worker())).some((e) => e.type === 'guide_completed'));
    const held = collector.posts().find((p) => p.status === 0)!;
    expect((await collector.stored()).map((e) => e.id)).toEqual(expect.arrayContaining(held.ids));

    // Stop the worker mid-send, through the DevTools protocol. A marker in its global scope tells a new life of
    // the worker from the old one (Chromium keeps the same target across a restart).
    const running = await worker();
    await running.evaluate(() => { (globalThis as { beforeStop?: boolean }).beforeStop = true; });
    const cdp = await context.newCDPSession(page);
    let versionId: string | undefined;
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(EXTENSION_ORIGIN)) continue;
        versionId = v.versionId;
        statuses.push(v.runningStatus);
      }
    });
    await cdp.send('ServiceWorker.enable');
    await until('the worker is listed', () => versionId !== undefined);
    await cdp.send('ServiceWorker.stopWorker', { versionId: versionId! });
    await until('the worker stopped', () => statuses.includes('stopped'));
    await cdp.detach();

    // Any page of the app wakes it (if nothing did already); on start it resends what it had stored.
    const again = await context.newPage();
    await again.goto(`${site.url}/expenses.html`);
    const restarted = await worker();
    expect(await restarted.evaluate(() => (globalThis as { beforeStop?: boolean }).beforeStop)).toBeUndefined();
    await until('the worker queue is empty', async () => (await workerQueue(await worker())).length === 0, 30_000);
    await until('the last batch is answered', () => collector.posts().at(-1)!.status === 200);

    const stored = await collector.stored();
    const posts = collector.posts();
    const sent = new Set(posts.flatMap((p) => p.ids));
    // Every event the worker ever sent is stored, each exactly once; the held batch went out twice.
    expect(stored.map((e) => e.id).sort()).toEqual([...sent].sort());
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
    for (const id of held.ids) expect(posts.filter((p) => p.ids.includes(id)).length).toBeGreaterThanOrEqual(2);
    const types = stored.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['guide_started', 'step_viewed', 'guide_completed']));
    expect(types.filter((t) => t === 'guide_completed')).toHaveLength(1);
    expect(new Set(stored.map((e) => e.user_hash)).size).toBe(1);
    expect(stored[0]!.user_hash).toBeTruthy();
    // Only the worker talked to the collector: its origin, the write key the page never saw.
    for (const p of posts) {
      expect(p.origin).toBe(EXTENSION_ORIGIN);
      expect(p.authorization).toBe(`Bearer ${KEY}`);
    }
    // The guides came from the collector through the worker (a GET with host permission carries no Origin), once
    // per page load, the second time a 304 thanks to the ETag; the page itself never reached the collector.
    expect(collector.guideGets().map((g) => g.status)).toEqual([200, 304]);
    expect(collector.guideGets().every((g) => g.origin !== site.url)).toBe(true);
    expect(messages.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
  } finally {
    await context.close();
  }
});

it('configured by a managed policy file: no options page visit', () => withPolicyLock(async () => {
    const created = !readdirSync('/etc/chromium', { withFileTypes: true }).some((e) => e.name === 'policies');
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({
      '3rdparty': { extensions: { [EXTENSION_ID]: {
        collector: collector.url, app: APP, key: KEY, origins: [site.url],
        user: { from: 'meta', value: 'compagnon-user' },
      } } },
    }));
    const before = new Set((await collector.stored()).map((e) => e.id));
    let context: BrowserContext | undefined;
    try {
      const launched = await launch();
      context = launched.context;
      const worker = await launched.worker();
      expect(await worker.evaluate(() => chrome.storage.managed.get(null))).toMatchObject({ app: APP, key: KEY });
      // The worker registers the content scripts from the policy as it starts.
      await until('content scripts registered', async () =>
        (await (await launched.worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts())).length > 0);

      const page = await context.newPage();
      const messages = watch(page);
      await page.goto(`${site.url}/expenses-meta.html`);
      await clickThrough(page);
      await until('the completion is stored', async () =>
        (await collector.stored()).some((e) => !before.has(e.id) && e.type === 'guide_completed'), 30_000);
      const fresh = (await collector.stored()).filter((e) => !before.has(e.id));
      // Another person (the meta tag's), pseudonymised by the collector.
      const users = new Set(fresh.map((e) => e.user_hash));
      expect(users.size).toBe(1);
      expect(users.has(null)).toBe(false);
      expect(messages.filter((m) => /Content Security Policy|pageerror/i.test(m))).toEqual([]);
    } finally {
      await context?.close();
      rmSync(POLICY_FILE, { force: true });
      // Only our file goes; the folders too when this test created them and nothing else was put there since.
      if (created) {
        for (const dir of [POLICY_DIR, '/etc/chromium/policies']) {
          try { rmdirSync(dir); } catch { break; /* not empty: someone else's policy */ }
        }
      }
    }
}), 120_000);
