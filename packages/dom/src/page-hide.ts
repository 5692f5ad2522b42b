// The last moment to send: `visibilitychange` to hidden is the only event mobile browsers reliably fire before
// killing a page, and `pagehide` covers desktop unloads and the back-forward cache. Closing a tab fires both, so
// the callback runs once per hide, and again only after the page was shown (`visibilitychange`, `pageshow`).
import type { Dispose } from '@compagnon/core';
import { getWindow } from './globals.ts';
import { on, safeCall } from './listeners.ts';

export function onPageHide(cb: () => void, win: Window | undefined = getWindow()): Dispose {
  let hidden = false;
  // Capture on window: a host page stopping the event's propagation cannot hide it from us.
  return on(
    win,
    ['visibilitychange', 'pagehide', 'pageshow'],
    ({ type }) => {
      const now = type == 'pagehide' || (type != 'pageshow' && win!.document.visibilityState == 'hidden');
      if (now && !hidden) safeCall(cb);
      hidden = now;
    },
    true,
  );
}
