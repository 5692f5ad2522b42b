/// <reference types="chrome" />
// The worker's outbox store: one app's queued events under one `chrome.storage.local` key, oldest first. Every
// read-modify-write goes through one promise chain (a service worker is a single instance), and `append` resolves
// only once `chrome.storage.local.set` has committed, so the worker acknowledges a batch after it is on disk.
import type { OutboxStore } from '@compagnon/core';
import type { CompagnonEvent } from '@compagnon/schema';

export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function createStorageOutboxStore(app: string, area: StorageArea = chrome.storage.local): OutboxStore & {
  /** Appends the events whose ids are not queued yet; resolves with how many were already there. */
  appendNew(events: CompagnonEvent[]): Promise<number>;
} {
  const key = `outbox:${app}`;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task);
    chain = next.catch(() => {});
    return next;
  };
  const read = async () => {
    const list = (await area.get(key))[key];
    return Array.isArray(list) ? (list as CompagnonEvent[]) : [];
  };
  const appendNew = (events: CompagnonEvent[]) =>
    serial(async () => {
      const list = await read();
      const known = new Set(list.map((e) => e.id));
      let duplicates = 0;
      for (const e of events) {
        if (known.has(e.id)) duplicates++;
        else { known.add(e.id); list.push(e); }
      }
      if (duplicates < events.length) await area.set({ [key]: list });
      return duplicates;
    });
  return {
    appendNew,
    append: async (events) => { await appendNew(events); },
    peek: (limit) => serial(async () => (limit < 1 ? [] : (await read()).slice(0, limit))),
    remove: (ids) =>
      serial(async () => {
        const gone = new Set(ids);
        const list = await read();
        const kept = list.filter((e) => !gone.has(e.id));
        if (kept.length !== list.length) await area.set({ [key]: kept });
      }),
    count: () => serial(async () => (await read()).length),
  };
}
