import { parseBundle } from '@compagnon/schema';
import type { KeyValueStore } from '@compagnon/core';
import { cachedVerdict, type CachedVerdict } from './bundle-cache.ts';
import { doc } from './env.ts';

export type BundleInput = string | Record<string, unknown>;

/**
 * Loads a bundle from a URL, an inline `#id` JSON script or an object, then validates it once, at the edge. The
 * bundle is JSON: an object is taken as its JSON text, so that, through `cache`'s store, the same text is not
 * validated again on the next page (an object whose JSON differs from itself, a Date in it say, is judged as its JSON).
 */
export async function loadBundle(input: BundleInput, cache: { store: KeyValueStore; app: string }): Promise<CachedVerdict> {
  if (typeof input !== 'string' && (typeof input !== 'object' || input === null)) {
    throw new Error('`guides` must be a URL, "#id" or a bundle object');
  }
  const text = typeof input === 'string' ? await readText(input) : JSON.stringify(input);
  return cachedVerdict(cache.store, cache.app, text, (t) => parseBundle(parseJson(t, typeof input === 'string' ? input : 'guides')));
}

async function readText(source: string): Promise<string> {
  if (source.startsWith('#')) {
    const el = doc()?.getElementById(source.slice(1));
    if (!el) throw new Error(`no element ${source} holds the guides`);
    return el.textContent ?? '';
  }
  const res = await fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${source} answered ${res.status}`);
  return res.text();
}

/** JSON.parse with the line and column of a syntax error, so authors find it. */
function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e));
    if (!pos) throw new Error(`${source}: ${String(e)}`);
    const before = text.slice(0, Number(pos[1])).split('\n');
    throw new Error(`${source}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: invalid JSON (${String(e)})`);
  }
}
