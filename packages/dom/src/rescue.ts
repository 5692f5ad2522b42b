// The outbox's rescue (core's RescueStore) in localStorage: the one storage a closing page writes synchronously,
// so the events whose IndexedDB write was still in flight when the tab closed reach the next page of the origin.
// Bounded, and never throwing: storage may be full or forbidden (sandboxed frames, some privacy modes).
import type { Logger, RescueStore } from '@compagnon/core';
import type { CompagnonEvent } from '@compagnon/schema';
import { getGlobal } from './globals.ts';

/** More than a page can emit while closing; beyond it the oldest go (the beacon may still have carried them). */
const MAX = 500;

export function createRescueStore(app: string, log?: Logger, storage: Storage | undefined = getGlobal('localStorage')): RescueStore {
  const key = `compagnon:${app}:rescue`;
  const read = (): CompagnonEvent[] => {
    try {
      const kept: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(kept) ? kept : [];
    } catch {
      return [];
    }
  };
  return {
    save(events) {
      try {
        // Another tab of the origin may have kept some too: added to, not replaced.
        storage?.setItem(key, JSON.stringify([...read(), ...events].slice(-MAX)));
      } catch (error) {
        log?.warn('outbox: could not keep events for the next page', error);
      }
    },
    take() {
      const kept = read();
      try {
        if (kept.length) storage?.removeItem(key);
      } catch {}
      return kept;
    },
  };
}
