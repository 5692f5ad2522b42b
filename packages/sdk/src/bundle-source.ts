import { parseBundle, type Bundle, type BundleError } from '@compagnon/schema';
import { doc } from './env.ts';

export type BundleInput = string | Record<string, unknown>;

/** Loads a bundle from a URL, an inline `#id` JSON script or an object, then validates it once, at the edge. */
export async function loadBundle(input: BundleInput): Promise<{ bundle: Bundle; errors: BundleError[] }> {
  return parseBundle(typeof input === 'string' ? await readJson(input) : input);
}

async function readJson(source: string): Promise<unknown> {
  if (source.startsWith('#')) {
    const el = doc()?.getElementById(source.slice(1));
    if (!el) throw new Error(`no element ${source} holds the guides`);
    return parseJson(el.textContent ?? '', source);
  }
  const res = await fetch(source, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${source} answered ${res.status}`);
  return parseJson(await res.text(), source);
}

/** JSON.parse with the line and column of a syntax error, so authors find it. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e));
    if (!pos) throw new Error(`${source}: ${String(e)}`);
    const before = text.slice(0, Number(pos[1])).split('\n');
    throw new Error(`${source}:${before.length}:${(before.at(-1)?.length ?? 0) + 1}: invalid JSON (${String(e)})`);
  }
}
