// Shared set-up for the outbox scenarios: a test collector per test, pages that point the script tag at it
// (`?collector=` read by the page's loader), every event the SDK emits recorded in the test, and the flows the
// plain-http scenario repeats.
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CompagnonEvent } from '@compagnon/schema';
import { openRealBackend, realCollector } from './outbox-real.ts';
import { launchChromium, startTestCollector, watchPage, type TestCollector } from '@compagnon/testing';
import { createStaticServer } from '../tooling/static-server.mjs';
import { IIFE, openHarness, waitForCompagnon, type Harness } from './harness.ts';

export type { TestCollector };
export const HOSTNAME = 'intranet.test';

export interface Tab {
  page: Page;
  seen: ReturnType<typeof watchPage>;
  /** Events this page's SDK emitted through `Compagnon.on('event')`, in order. */
  emitted: CompagnonEvent[];
}

export interface Profile {
  context: BrowserContext;
  /** This profile's own collector, so each test counts only its own requests. */
  collector: TestCollector;
  /** Opens `page` (default `page.html`) with the collector URL, and waits for the SDK to be initialised. */
  open(page?: string): Promise<Tab>;
  /** Every event emitted by any page of this profile. */
  emitted(): CompagnonEvent[];
  close(): Promise<void>;
}

export interface Rig {
  url: string;
  /** A fresh browser profile (own IndexedDB) and collector; its pages share both, as tabs of one person do. */
  profile(): Promise<Profile>;
  close(): Promise<void>;
}

/**
 * The harness (127.0.0.1) by default; with `plainHttp`, Chromium maps `intranet.test` to 127.0.0.1 so pages load
 * from a plain-http origin that is not localhost: no secure context, so no `crypto.randomUUID` and no Web Locks.
 */
/** The expenses page every delivery scenario uses; a scenario may bring its own `guides` file. */
const APP = fileURLToPath(new URL('./outbox-app/', import.meta.url));

export async function openRig(options: { plainHttp?: boolean; guides?: string } = {}): Promise<Rig> {
  const routes: Record<string, string> = options.guides ? { '/guides.json': options.guides } : {};
  const base = options.plainHttp ? await openPlainHttpHarness(APP, routes) : await openHarness(APP, routes);
  const open = new Set<Profile>();
  return {
    url: base.url,
    async profile() {
      const kind = realCollector();
      const real = kind ? await openRealBackend(kind, 'expenses', [new URL(base.url).origin]) : undefined;
      const collector = await startTestCollector(real ? { backend: real } : {});
      const context = await base.browser.newContext();
      const all: CompagnonEvent[] = [];
      const byPage = new Map<Page, CompagnonEvent[]>();
      // A binding rather than reading the page later: it still reports after the page navigates or closes.
      await context.exposeBinding('__compagnonEmitted', ({ page }, event: CompagnonEvent) => {
        all.push(event);
        byPage.get(page)?.push(event);
      });
      await context.addInitScript(recordEmitted);
      const profile: Profile = {
        context,
        collector,
        emitted: () => [...all],
        async open(file = 'page.html') {
          const page = await context.newPage();
          const tab: Tab = { page, seen: watchPage(page), emitted: [] };
          byPage.set(page, tab.emitted);
          await page.goto(`${base.url}/${file}?collector=${encodeURIComponent(collector.eventsUrl)}`);
          await waitForCompagnon(page);
          return tab;
        },
        async close() {
          open.delete(profile);
          await context.close();
          await collector.close();
          await real?.close();
        },
      };
      open.add(profile);
      return profile;
    },
    async close() {
      // A failed test leaves its profile open: close it here so no collector outlives the file.
      for (const profile of [...open]) await profile.close();
      await base.close();
    },
  };
}

// Runs in the page before any script: subscribes to the SDK's events the moment the IIFE installs its global.
function recordEmitted(): void {
  const w = window as unknown as { Compagnon?: unknown; __compagnonEmitted(e: unknown): void };
  let api: { on(type: 'event', fn: (e: unknown) => void): unknown } | undefined;
  Object.defineProperty(w, 'Compagnon', {
    configurable: true,
    enumerable: true,
    get: () => api,
    set(value) {
      api = value;
      value?.on('event', (e: unknown) => void w.__compagnonEmitted(e));
    },
  });
}

async function openPlainHttpHarness(root: string, routes: Record<string, string>): Promise<Pick<Harness, 'url' | 'browser' | 'close'>> {
  const server = await createStaticServer({ root, routes: { ...routes, '/compagnon.iife.js': IIFE } });
  const browser = await launchChromium({ args: [`--host-resolver-rules=MAP ${HOSTNAME} 127.0.0.1`] });
  return {
    url: `http://${HOSTNAME}:${server.port}`,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface OutboxDebug {
  initialised: boolean;
  storage: 'indexeddb' | 'memory' | 'none';
  guides: string[];
  outbox: { queued: number; lastAckAt?: number; lastError?: unknown; rejected: number; dropped: number };
}

export const debug = (page: Page): Promise<OutboxDebug> =>
  page.evaluate(() => (window as unknown as { Compagnon: { debug(): OutboxDebug } }).Compagnon.debug());

export const start = (page: Page, guide: string): Promise<boolean> =>
  page.evaluate((id) => (window as unknown as { Compagnon: { start(id: string): Promise<boolean> } }).Compagnon.start(id), guide);

/** Clicks through the steps `from`..`to` (excluded) of a tour whose steps have these titles: Next, Done on the last. */
export async function clickThrough(page: Page, titles: string[], from = 0, to = titles.length): Promise<void> {
  for (let i = from; i < to; i++) {
    const step = page.getByRole('dialog', { name: titles[i]! });
    await step.getByRole('button', { name: i === titles.length - 1 ? 'Done' : 'Next' }).click();
    await step.waitFor({ state: 'detached' });
  }
}

/**
 * Resolves once the SDK emitted `type` for `guide`: the event follows the progress write, so it comes a moment
 * after the click that caused it, and a wait on the collector must not start from a partial list.
 */
export async function emittedOnce(source: { emitted: CompagnonEvent[] } | Profile, type: string, guide: string): Promise<void> {
  const list = () => (Array.isArray(source.emitted) ? source.emitted : (source as Profile).emitted());
  await expect.poll(() => list().filter((e) => e.type === type && e.guide === guide).length, { timeout: 10_000 }).toBe(1);
}

export const ids = (events: CompagnonEvent[]): string[] => events.map((e) => e.id);

/** Every id emitted is stored, nothing else is, and the collector saw each valid delivery (retries included). */
export function expectDelivered(collector: TestCollector, emitted: CompagnonEvent[]): void {
  const stored = collector.events();
  const storedIds = new Set(ids(stored));
  const emittedIds = new Set(ids(emitted));
  const name = (e: CompagnonEvent) => `${e.type} ${e.guide ?? ''}/${e.step ?? e.item ?? ''} ${e.id}`;
  expect(emittedIds.size).toBe(emitted.length); // the SDK never reuses an id
  expect({
    missing: emitted.filter((e) => !storedIds.has(e.id)).map(name),
    unexpected: stored.filter((e) => !emittedIds.has(e.id)).map(name),
  }).toEqual({ missing: [], unexpected: [] });
  expect(storedIds.size).toBe(stored.length);
  expect(collector.deliveries()).toBeGreaterThanOrEqual(stored.length);
}

export const storedAll = (collector: TestCollector, emitted: () => CompagnonEvent[]) => () => {
  const stored = new Set(ids(collector.events()));
  const want = emitted();
  return want.length > 0 && want.every((e) => stored.has(e.id));
};

/** The outbox drains once the collector has acknowledged everything. */
export async function expectDrained(page: Page): Promise<void> {
  await expect.poll(async () => (await debug(page)).outbox.queued, { timeout: 10_000 }).toBe(0);
  expect((await debug(page)).outbox.lastAckAt).toEqual(expect.any(Number));
}

// ---- flows shared by the 127.0.0.1 scenarios and the plain-http one (same guides.json in both folders) ----

export const TOUR = { id: 'expense-tour', steps: ['Start here', 'Fill in the amount', 'That is it'] };
export const CHECKLIST = { id: 'first-week', title: 'Your first week' };
const OFFLINE_MS = 30_000;

/**
 * 30 s offline while a tour and a checklist are completed, then back online: every event arrives, stored once.
 * The wait after going back online allows 90 s: the SDK's backoff may be in the middle of a long wait.
 */
export async function offlineFlow(rig: Rig): Promise<void> {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  const toCollector = (url: URL) => url.href.startsWith(collector.eventsUrl);
  await page.route(toCollector, (route) => route.abort('internetdisconnected'));
  const offlineSince = Date.now();

  expect(await start(page, TOUR.id)).toBe(true);
  await clickThrough(page, TOUR.steps);
  await page.locator('#save').click();
  await page.locator('#export').click();
  await emittedOnce(profile, 'guide_completed', TOUR.id);
  await emittedOnce(profile, 'checklist_completed', CHECKLIST.id);
  await page.waitForTimeout(Math.max(0, OFFLINE_MS - (Date.now() - offlineSince))); // the outage is the point
  expect(collector.requests()).toEqual([]);
  const offline = await debug(page);
  expect(offline.outbox.queued).toBeGreaterThan(0);
  expect(offline.outbox.lastError).toBeDefined();

  await page.unroute(toCollector);
  await collector.waitFor(storedAll(collector, profile.emitted), 90_000);
  expectDelivered(collector, profile.emitted());
  await expectDrained(page);
  expect(seen.pageErrors).toEqual([]);
  await profile.close();
}

/** The tab is closed right after Done: the completion arrives (beacon, or a request already under way). */
export async function tabClosedFlow(rig: Rig): Promise<void> {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  expect(await start(page, TOUR.id)).toBe(true);
  await clickThrough(page, TOUR.steps, 0, TOUR.steps.length - 1);
  await page.getByRole('dialog', { name: TOUR.steps.at(-1)! }).getByRole('button', { name: 'Done' }).click();
  await page.close({ runBeforeUnload: true });

  await collector.waitFor(() => collector.events().some((e) => e.type === 'guide_completed' && e.guide === TOUR.id), 20_000);
  // The binding may lose the very last emit to the close; what it did see must all be stored.
  const stored = new Set(ids(collector.events()));
  expect(profile.emitted().filter((e) => !stored.has(e.id))).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  await profile.close();
}

/**
 * The beacon is lost: the collector answers nothing but 503 until the tab is gone (a route cannot abort a
 * beacon sent while the page closes: Chromium sends it past the interception, checked by hand). The next load
 * of the app in the same profile resends what was never acknowledged.
 */
export async function resentOnNextLoadFlow(rig: Rig): Promise<void> {
  const profile = await rig.profile();
  const { collector } = profile;
  const first = await profile.open();
  collector.behave({ kind: 'unavailable', retryAfter: 60, times: 1_000 });
  expect(await start(first.page, TOUR.id)).toBe(true);
  await clickThrough(first.page, TOUR.steps, 0, TOUR.steps.length - 1);
  await first.page.getByRole('dialog', { name: TOUR.steps.at(-1)! }).getByRole('button', { name: 'Done' }).click();
  await emittedOnce(profile, 'guide_completed', TOUR.id);
  await first.page.close({ runBeforeUnload: true });
  // The beacon went out on pagehide (text/plain, the key in the body), and was refused.
  await collector.waitFor(() => collector.requests().some((r) => r.status === 503 && r.contentType.startsWith('text/plain')), 20_000);
  expect(collector.events()).toEqual([]);
  const emittedBefore = profile.emitted();

  collector.behave({ kind: 'ok' });
  const second = await profile.open();
  await collector.waitFor(storedAll(collector, () => emittedBefore), 20_000);
  expect(collector.events().some((e) => e.type === 'guide_completed' && e.guide === TOUR.id)).toBe(true);
  await expectDrained(second.page);
  expect(second.seen.pageErrors).toEqual([]);
  expect((await debug(second.page)).guides).not.toContain(TOUR.id);
  await profile.close();
}
