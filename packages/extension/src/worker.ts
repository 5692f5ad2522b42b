/// <reference types="chrome" />
// The service worker. It registers the content scripts on the configured origins, fetches the guides from the
// collector for them, and delivers their events: a batch is persisted in chrome.storage.local BEFORE the content
// script hears "accepted", then sent to the collector with the write key by core's outbox (batches, backoff,
// Retry-After, 413 split). Events leave storage only on the collector's 2xx, so a worker stopped mid-send loses
// nothing: when it starts again (any message, the alarm) it resends what is stored and the collector dedupes.
import { createOutbox, isUrgent, type Outbox } from '@compagnon/core';
import { createClock, createConsoleLogger, createFetchTransport, createRandom } from '@compagnon/dom';
import { parseEvent, type CompagnonEvent } from '@compagnon/schema';
import { AUTHOR_TOGGLE, type ApplyAnswer, type AuthorConfig, type EventsAnswer, type HelloAnswer, type Message, type PublishAnswer, type PublishMessage } from './messages.ts';
import { SETTINGS_KEY, baseUrl, loadSettings, matchPatterns, missing, originAllowed, type Settings } from './settings.ts';
import { createStorageOutboxStore } from './worker-store.ts';

const log = createConsoleLogger();
const clock = createClock(log);
const random = createRandom();
const ALARM = 'compagnon:flush';
const SCRIPT_IDS = ['compagnon-main-world', 'compagnon-content'];
/** The collector takes 500 events and 1 MiB per batch; a worker has no keepalive budget to respect. */
const OUTBOX_CONFIG = { maxBatchEvents: 200, maxBatchBytes: 512 * 1024, flushDelayMs: 1_000 };

interface Delivery {
  signature: string;
  outbox: Outbox;
  store: ReturnType<typeof createStorageOutboxStore>;
}

let settings: Settings | undefined;
let delivery: Delivery | undefined;
let applied: ApplyAnswer = { ok: false, missing: [], patterns: [] };

/** Reads the settings, (re)registers the content scripts, and (re)builds the outbox when its target changed. */
async function apply(): Promise<ApplyAnswer> {
  const loaded = (await loadSettings()).settings;
  settings = loaded;
  const gaps = missing(loaded);
  const patterns = gaps.length ? [] : matchPatterns(loaded.origins);
  let error: string | undefined;
  try {
    await registerScripts(patterns, loaded.user.from === 'global');
  } catch (e) {
    error = `content scripts not registered: ${e instanceof Error ? e.message : String(e)}`;
    log.error(error);
  }
  const signature = JSON.stringify([baseUrl(loaded.collector), loaded.app, loaded.key]);
  if (!gaps.length && delivery?.signature !== signature) {
    delivery?.outbox.dispose();
    delivery = createDelivery(loaded, signature);
  }
  return (applied = { ok: !gaps.length && !error, missing: gaps, patterns, ...(error ? { error } : {}) });
}

async function registerScripts(matches: string[], mainWorld: boolean): Promise<void> {
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: SCRIPT_IDS });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: existing.map((s) => s.id) });
  if (!matches.length) return;
  const scripts: chrome.scripting.RegisteredContentScript[] = [
    { id: 'compagnon-content', matches, js: ['content.js'], runAt: 'document_idle', persistAcrossSessions: true },
  ];
  // Only when a page global names the person: then a tiny script in the page's world reads it (see main-world.ts).
  if (mainWorld) {
    scripts.unshift({ id: 'compagnon-main-world', matches, js: ['main-world.js'], runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true });
  }
  await chrome.scripting.registerContentScripts(scripts);
}

function createDelivery(s: Settings, signature: string): Delivery {
  const store = createStorageOutboxStore(s.app);
  const outbox = createOutbox({
    store, clock, random, log, config: OUTBOX_CONFIG,
    transport: createFetchTransport({ url: `${baseUrl(s.collector)}/v1/events`, key: s.key }),
    // One worker: it is always the one that flushes.
    isLeader: () => true,
    onRejected: (rejected) => {
      for (const r of rejected) log.warn(`event ${r.event.type} rejected by the collector: ${r.reason}`);
    },
    onError: (message, status) => log.error(`delivery: ${message}`, status ?? ''),
    onAck: () => {},
  });
  // Whatever an earlier life of this worker left unacknowledged goes out now, not only after the flush delay.
  void outbox.flush();
  return { signature, outbox, store };
}

/** A content script's batch: validated, persisted (the ack waits for the disk), then flushed soon. */
async function receive(body: string): Promise<EventsAnswer> {
  if (!delivery) return { status: 503 };
  let events: unknown;
  try { events = (JSON.parse(body) as { events?: unknown }).events; } catch { return { status: 400 }; }
  if (!Array.isArray(events)) return { status: 400 };
  const valid: CompagnonEvent[] = [];
  const rejected: Array<{ index: number; reason: string }> = [];
  events.forEach((input, index) => {
    const parsed = parseEvent(input);
    if (parsed.ok) valid.push(parsed.event);
    else rejected.push({ index, reason: parsed.reason });
  });
  let duplicates: number;
  try {
    duplicates = await delivery.store.appendNew(valid);
  } catch (e) {
    // Not on disk, not acknowledged: the page keeps the events and retries.
    log.error('could not persist events', e);
    return { status: 503 };
  }
  // The alarm wakes a stopped worker to retry even when no page sends anything.
  void chrome.alarms.create(ALARM, { delayInMinutes: 0.5, periodInMinutes: 0.5 });
  delivery.outbox.kick(valid.some(isUrgent));
  return { status: 200, body: { accepted: valid.length - duplicates, duplicates, rejected } };
}

async function guidesFor(s: Settings): Promise<Record<string, unknown>> {
  const url = `${baseUrl(s.collector)}/v1/apps/${encodeURIComponent(s.app)}/guides`;
  const cacheKey = `guides:${s.app}`;
  try {
    // The collector answers with an ETag and no-cache: the HTTP cache makes the usual answer a 304.
    const res = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const bundle = (await res.json()) as Record<string, unknown>;
    await chrome.storage.local.set({ [cacheKey]: bundle });
    return bundle;
  } catch (e) {
    // Offline or collector down: the last bundle seen keeps guides running.
    const cached = (await chrome.storage.local.get(cacheKey))[cacheKey];
    if (cached && typeof cached === 'object') return cached as Record<string, unknown>;
    throw e;
  }
}

async function hello(url: string): Promise<HelloAnswer> {
  const s = settings;
  if (!s || !applied.ok) return { run: false, reason: `not configured (${applied.missing.join(', ') || applied.error})` };
  if (!originAllowed(url, s.origins)) return { run: false, reason: 'origin not configured' };
  try {
    return { run: true, app: s.app, user: s.user, locale: s.locale, guides: await guidesFor(s) };
  } catch (e) {
    return { run: false, reason: `guides not loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Author mode in a tab: injects picker.js (isolated world, top frame) unless it is there already, then toggles
 * the picker with the settings' app id and collector as prefills. Resolves with whether the picker is now shown.
 */
async function authorMode(tabId: number): Promise<boolean> {
  const { settings: s } = await loadSettings();
  const config: AuthorConfig = { app: s.app, collector: baseUrl(s.collector) };
  const [probe] = await chrome.scripting.executeScript({
    target: { tabId },
    func: (name: string) => typeof (globalThis as unknown as Record<string, unknown>)[name] === 'function',
    args: [AUTHOR_TOGGLE],
  });
  if (!probe?.result) await chrome.scripting.executeScript({ target: { tabId }, files: ['picker.js'] });
  const [toggled] = await chrome.scripting.executeScript({
    target: { tabId },
    func: (name: string, c: AuthorConfig) => ((globalThis as unknown as Record<string, (c: AuthorConfig) => boolean>)[name]!)(c),
    args: [AUTHOR_TOGGLE, config],
  });
  return toggled?.result === true;
}

/** Author mode's Publish: only `POST …/v1/apps/<app>/guides` on http(s), sent with the admin token typed. */
async function publish(message: PublishMessage): Promise<PublishAnswer> {
  let url: URL;
  try { url = new URL(message.url); } catch { return { status: 0, body: 'invalid collector URL' }; }
  if (!/^https?:$/.test(url.protocol) || !/\/v1\/apps\/[^/]+\/guides$/.test(url.pathname)) return { status: 0, body: 'not a guides URL' };
  try {
    const res = await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${message.token}` },
      body: message.body,
    });
    return { status: res.status, body: await res.text() };
  } catch (e) {
    return { status: 0, body: e instanceof Error ? e.message : String(e) };
  }
}

// The toolbar button ("Compagnon author mode"), and the same for tests: `compagnonAuthorMode(tabId)`.
const toggleAuthorMode = (tabId: number) =>
  authorMode(tabId).catch((e: unknown) => {
    // chrome:// pages, the Web Store, a tab closed meanwhile: nothing to inject into.
    log.warn(`author mode not available in tab ${tabId}: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  });
(globalThis as unknown as { compagnonAuthorMode: typeof toggleAuthorMode }).compagnonAuthorMode = toggleAuthorMode;

// Settings changes are applied one at a time, in order.
let ready: Promise<ApplyAnswer> = apply().catch((e) => {
  log.error('settings not applied', e);
  return applied;
});
const reapply = () => (ready = ready.catch(() => applied).then(apply));

// Listeners are registered synchronously at the top level, so the events that wake a stopped worker reach them.
chrome.runtime.onMessage.addListener((message: Message, sender, respond) => {
  if (sender.id !== chrome.runtime.id) return false;
  const task =
    message?.type === 'compagnon:events' ? ready.then(() => receive(message.body))
    : message?.type === 'compagnon:hello' ? ready.then(() => hello(message.url))
    : message?.type === 'compagnon:apply' ? reapply()
    // Only author mode, which runs in a tab (a content script), publishes.
    : message?.type === 'compagnon:publish' && sender.tab ? publish(message)
    : undefined;
  if (!task) return false;
  task.then(respond, (e) => {
    log.error('message failed', e);
    respond(message.type === 'compagnon:events' ? { status: 500 } : { run: false, ok: false, reason: String(e) });
  });
  return true; // answers asynchronously
});

chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) toggleAuthorMode(tab.id).catch(() => {});
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) void reapply();
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name !== ALARM) return;
  void ready.then(async () => {
    if (!delivery || (await delivery.store.count()) === 0) return void chrome.alarms.clear(ALARM);
    await delivery.outbox.flush();
  });
});
