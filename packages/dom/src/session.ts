import type { Random } from '@compagnon/core';
import { getWindow } from './globals.ts';

const KEY = 'compagnon.session';

/** One id per browser tab session (sessionStorage), so events of one visit group across pages. */
export function sessionId(random: Random): string {
  try {
    const storage = getWindow()!.sessionStorage;
    let id = storage.getItem(KEY);
    if (!id) storage.setItem(KEY, (id = random.uuid()));
    return id;
  } catch {
    // sessionStorage throws in sandboxed frames and some privacy modes (or there is no window): a per-page id
    // still groups events.
    return random.uuid();
  }
}
