// Validating a bundle costs every page load ~15 ms of main thread (zod builds its schemas, then walks the guides)
// for a verdict that only changes with the bundle's text or the schema. The last verdict is kept per app with
// the exact text it is about and the schema build it came from: a page whose bundle did not change reads it
// back instead. The store failing only means validating again.
import type { Bundle, BundleError } from '@compagnon/schema';
import type { KeyValueStore } from '@compagnon/core';
import { win } from './env.ts';

export interface Verdict {
  bundle: Bundle;
  errors: BundleError[];
}

export interface CachedVerdict extends Verdict {
  /** Read back from an earlier page's (same text, same schema) rather than validated on this one. */
  cached: boolean;
}

interface Entry extends Verdict {
  text: string;
  schema: string;
}

const noop = () => {};

// Storing clones the whole verdict on the main thread (tens of milliseconds for a thousand guides): not on the way
// to the first step, but once the page is idle. A page closed before that validates again next time, that is all.
function whenIdle(fn: () => void): void {
  const w = win();
  if (w?.requestIdleCallback) w.requestIdleCallback(fn, { timeout: 2000 });
  else (w ?? globalThis).setTimeout(fn, 0);
}

/** `validate(text)`'s verdict, read back when this app's last one was about the same text and schema. */
export async function cachedVerdict(
  store: KeyValueStore, app: string, text: string, validate: (text: string) => Verdict,
): Promise<CachedVerdict> {
  const key = `bundle:${app}`;
  const hit = await store.get<Entry>(key).catch(noop);
  if (hit?.text === text && hit.schema === __SCHEMA_ID__) return { bundle: hit.bundle, errors: hit.errors, cached: true };
  const verdict = validate(text);
  const entry: Entry = { text, schema: __SCHEMA_ID__, ...verdict };
  whenIdle(() => void store.set(key, entry).catch(noop));
  return { ...verdict, cached: false };
}
