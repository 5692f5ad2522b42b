// Shared set-up for the real-Chromium suites: serve a folder with the built IIFE at /compagnon.iife.js,
// launch Debian's Chromium, and read what the SDK left in the page.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchPage } from '@compagnon/testing';
import { createStaticServer } from '../tooling/static-server.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const IIFE = `${ROOT}packages/sdk/dist/compagnon.iife.js`;
export const EXAMPLE = `${ROOT}examples/intranet`;

export interface Harness {
  url: string;
  browser: Browser;
  /** A fresh profile (own IndexedDB), with what the page reports to us recorded. */
  newPage(init?: { script?: string | (() => void) }): Promise<{ page: Page; context: BrowserContext; seen: ReturnType<typeof watchPage> }>;
  close(): Promise<void>;
}

/** Serves `root`, the built IIFE at /compagnon.iife.js, and `routes` (URL path → file) over it. */
export async function openHarness(root: string, routes: Record<string, string> = {}): Promise<Harness> {
  if (!existsSync(IIFE)) throw new Error(`${IIFE} is missing: run \`npm run build\` first (npm test does)`);
  const server = await createStaticServer({ root, routes: { ...routes, '/compagnon.iife.js': IIFE } });
  const browser = await launchChromium();
  return {
    url: server.url.replace(/\/$/, ''),
    browser,
    async newPage(init) {
      const context = await browser.newContext();
      const page = await context.newPage();
      if (init?.script) await page.addInitScript(init.script);
      return { page, context, seen: watchPage(page) };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Resolves once the SDK has loaded its guides and progress (the first evaluation is done by then). */
export async function waitForCompagnon(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { Compagnon?: { debug(): { initialised: boolean } } })
    .Compagnon?.debug().initialised === true);
}

/**
 * Records, in the test, every event the SDK emits on this page from its first one (`Compagnon.on('event')` is
 * hooked on DOMContentLoaded, right after the deferred script installed the global), keeping only `fields`.
 */
export async function recordEvents<T>(page: Page, fields: string[]): Promise<T[]> {
  const events: T[] = [];
  await page.exposeFunction('recordEvent', (e: T) => { events.push(e); });
  await page.addInitScript((keep: string[]) => addEventListener('DOMContentLoaded', () => {
    const w = window as unknown as { Compagnon?: { on(t: string, fn: (e: Record<string, unknown>) => void): void }; recordEvent(e: unknown): void };
    w.Compagnon?.on('event', (e) => w.recordEvent(Object.fromEntries(keep.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]))));
  }), fields);
  return events;
}

/** Reads one key of the SDK's IndexedDB store (database `compagnon`, store `kv`) with the raw API. */
export function readIdb(page: Page, key: string): Promise<unknown> {
  return page.evaluate((k) => new Promise((resolve, reject) => {
    const open = indexedDB.open('compagnon');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('kv').objectStore('kv').get(k);
      req.onsuccess = () => { resolve(req.result); db.close(); };
      req.onerror = () => reject(req.error);
    };
  }), key);
}

/** The accessible name of the element focused inside our shadow root, or the page's focused element id. */
export function focused(page: Page): Promise<{ inCompagnon: boolean; name: string; id: string }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    const inCompagnon = !!el?.shadowRoot && el.hasAttribute('data-compagnon');
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      inCompagnon,
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      id: el?.id ?? '',
    };
  });
}

export type EnglishText = string | { en?: string; fr?: string };
export const en = (t: EnglishText): string => (typeof t === 'string' ? t : (t.en ?? t.fr ?? ''));
