import type { Random } from '@compagnon/core';
import { getWindow } from './globals.ts';

const KEY = 'compagnon.session';

/** One id per browser tab session (sessionStorage), so events of one visit group across pages. */
export function sessionId(random: Random): string {
  try {
    const storage = getWindow()?.sessionStorage;
    const known = storage?.getItem(KEY);
    if (known) return known;
    const id = random.uuid();
    storage?.setItem(KEY, id);
    return id;
  } catch {
    // sessionStorage throws in sandboxed frames and some privacy modes: a per-page id still groups events.
    return random.uuid();
  }
}
