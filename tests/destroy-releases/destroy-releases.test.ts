// destroy() gives back everything init() took: listeners on window, document, visualViewport and navigation,
// the history wrappers, the IndexedDB connections, the BroadcastChannel, the Web Lock, the observers and the
// shadow root, including a connection a write queued just before destroy() reopens after it. Read with CDP
// after a forced GC: our listeners (DOMDebugger.getEventListeners, by the script their handler comes from) and
// live objects per constructor (Runtime.queryObjects), compared with the same page before the script ran.
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

// The page's own <dialog> too: while it is modal, our host lives inside it and waits for its `close`.
const TARGETS = ['window', 'document', 'window.visualViewport', 'window.navigation', "document.querySelector('dialog')"];
const CONSTRUCTORS = ['IDBDatabase', 'BroadcastChannel', 'MutationObserver', 'ResizeObserver', 'IntersectionObserver',
  'ShadowRoot', 'CSSStyleSheet'];

/**
 * A CDP session on `page` and the ids of the scripts of ours it runs: listeners are told apart by their handler's
 * script (Playwright adds some of its own to the window).
 */
async function ourScripts(page: Page): Promise<{ cdp: CDPSession; ours: Set<string> }> {
  const cdp = await page.context().newCDPSession(page);
  const ours = new Set<string>();
  cdp.on('Debugger.scriptParsed', (e) => { if (e.url.endsWith('/compagnon.iife.js')) ours.add(e.scriptId); });
  await cdp.send('Debugger.enable');
  return { cdp, ours };
}

/** Adds the script tag once the test has read the page without it, with these `data-*` attributes; resolves once it ran. */
const addScript = (page: Page, data: Record<string, string> = {}) => page.evaluate((data) => new Promise((resolve) => {
  const s = document.createElement('script');
  s.src = '/compagnon.iife.js';
  Object.assign(s.dataset, data);
  s.onload = resolve;
  document.head.append(s);
}), data);

/** Our listeners per target, live objects per constructor, our Web Locks, whether history's methods are native. */
async function holdings(page: Page, cdp: CDPSession, ours: Set<string>) {
  // Every remote object is fetched in one group, released at the end: DevTools' handles keep objects alive.
  const objectGroup = 'holdings';
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const listeners: Record<string, string[]> = {};
  for (const target of TARGETS) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target, objectGroup });
    const found = result.objectId ? (await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })).listeners : [];
    listeners[target] = found.filter((l) => ours.has(l.scriptId)).map((l) => `${l.type}${l.useCapture ? ' (capture)' : ''}`).sort();
  }
  const live: Record<string, number> = {};
  for (const name of CONSTRUCTORS) {
    const { result: proto } = await cdp.send('Runtime.evaluate', { expression: `${name}.prototype`, objectGroup });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId!, objectGroup });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true,
    });
    live[name] = result.value as number;
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  const page_ = await page.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return {
      locks: [...held, ...pending].map((l) => l.name!).filter((n) => n.startsWith('compagnon')),
      history: [history.pushState, history.replaceState].map((f) => /\[native code\]/.test(Function.prototype.toString.call(f))),
      hosts: document.querySelectorAll('[data-compagnon]').length,
    };
  });
  return { listeners, live, ...page_ };
}

/** The types of the events in the outbox (database `compagnon`, store `outbox`), read on a connection of the test's own. */
const outboxTypes = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const open = indexedDB.open('compagnon');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const req = db.transaction('outbox').objectStore('outbox').getAll();
    req.onsuccess = () => { resolve((req.result as { type: string }[]).map((e) => e.type)); db.close(); };
    req.onerror = () => { reject(req.error); db.close(); };
  };
}));

it('leaves nothing behind after init, a tour and destroy(), not even for an event queued as it was called', async () => {
  const { page, context, seen } = await h.newPage();
  // The collector's answers do not matter here: every batch is acknowledged.
  await page.route('**/collect', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
  await page.goto(`${h.url}/page.html`);
  const { cdp, ours } = await ourScripts(page);
  const before = await holdings(page, cdp, ours);

  await addScript(page, { app: 'destroy', guides: '/guides.json', collector: '/collect' });
  await waitForCompagnon(page);
  expect(await page.evaluate(() => (window as any).Compagnon.start('expenses-tour'))).toBe(true);
  await page.getByRole('dialog', { name: 'Step one' }).waitFor();

  // Running, it holds each kind of thing counted here: the counts can tell a leftover.
  const running = await holdings(page, cdp, ours);
  for (const target of ['window', 'document']) {
    expect(running.listeners[target]!.length).toBeGreaterThan(before.listeners[target]!.length);
  }
  expect(running.live.IDBDatabase).toBe(before.live.IDBDatabase! + 2); // progress and outbox
  expect(running.live.BroadcastChannel).toBe(before.live.BroadcastChannel! + 1);
  expect(running.live.MutationObserver).toBeGreaterThan(before.live.MutationObserver!);
  expect(running.live.ResizeObserver).toBeGreaterThan(before.live.ResizeObserver!);
  expect(running.live.ShadowRoot).toBeGreaterThan(before.live.ShadowRoot!);
  expect(running.locks).toEqual(['compagnon:destroy:outbox']);
  expect(running.history).toEqual([false, false]);
  expect(await outboxTypes(page)).not.toContain('step_completed');

  // destroy() from the event listener: the event is handed to the outbox, whose write runs after destroy().
  await page.evaluate(() => {
    const c = (window as any).Compagnon;
    c.on('event', () => c.destroy());
  });
  await page.getByRole('dialog', { name: 'Step one' }).getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => page.evaluate(() => (window as any).Compagnon.debug().initialised)).toBe(false);
  // That late write lands all the same (a transaction of the test's own waits behind it). Looked for by type, not
  // counted: the collector may acknowledge (and the outbox drop) earlier events meanwhile.
  expect(await outboxTypes(page)).toContain('step_completed');

  // ...and everything is as before the script ran.
  const after = await holdings(page, cdp, ours);
  expect(after).toEqual({ ...before, hosts: 0 });
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('leaves no listener on a modal <dialog> of the page it was shown in', async () => {
  const { page, context, seen } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  const { cdp, ours } = await ourScripts(page);
  await page.evaluate(() => document.querySelector('dialog')!.showModal());
  const before = await holdings(page, cdp, ours);
  await addScript(page, { app: 'destroy-modal', guides: '/guides.json' });
  await waitForCompagnon(page);
  expect(await page.evaluate(() => (window as any).Compagnon.start('modal-notice'))).toBe(true);
  await page.getByRole('dialog', { name: 'Inside the dialog' }).waitFor();
  const key = "document.querySelector('dialog')";
  expect((await holdings(page, cdp, ours)).listeners[key]).toEqual(['close']);

  await page.evaluate(() => (window as any).Compagnon.destroy());
  // The page's dialog stays open (it is the page's): our listener on it is gone all the same.
  const after = await holdings(page, cdp, ours);
  expect(after.listeners[key]).toEqual([]);
  expect(after).toEqual({ ...before, hosts: 0 });
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('takes nothing while not started: a script tag without data-app opens no database and adds only its global', async () => {
  const { page, context, seen } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  const { cdp, ours } = await ourScripts(page);
  const globals = () => page.evaluate(() => Object.getOwnPropertyNames(window));
  const [before, namesBefore] = [await holdings(page, cdp, ours), await globals()];
  await addScript(page);
  // A few tasks for anything the script started asynchronously (an IndexedDB open resolves in one or two).
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  await expect.poll(() => ours.size).toBe(1);
  expect(await holdings(page, cdp, ours)).toEqual(before);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
  expect((await globals()).filter((n) => !namesBefore.includes(n))).toEqual(['Compagnon']);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
