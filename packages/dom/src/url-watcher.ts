// One URL watcher per window, however many guides listen: single-page apps change the URL through the history
// API (no event for pushState/replaceState, hence the wrapping), the back button (popstate), anchors
// (hashchange) and, in Chromium, the Navigation API, whose `navigatesuccess` also covers `navigation.navigate()`.
import type { Dispose } from '@compagnon/core';
import { getWindow } from './globals.ts';
import { emit, type Listeners, listen, noop, on } from './listeners.ts';

const shared = new WeakMap<Window, { checks: Listeners<void>; uninstall: Dispose }>();

function install(win: Window, notify: () => void): Dispose {
  const history = win.history;
  const wrap = (name: 'pushState' | 'replaceState'): Dispose => {
    const original = history[name];
    const wrapped: History[typeof name] = function (this: History, ...args) {
      // The host's own error (e.g. a cross-origin URL) is theirs to see: only our notification is guarded.
      original.apply(this, args);
      notify();
    };
    history[name] = wrapped;
    // Restore only if nobody wrapped it after us, or we would silently remove their wrapper.
    return () => void (history[name] == wrapped && (history[name] = original));
  };
  const undo = [
    wrap('pushState'),
    wrap('replaceState'),
    on(win, ['popstate', 'hashchange'], notify),
    on((win as { navigation?: EventTarget }).navigation, ['navigatesuccess'], notify),
  ];
  return () => undo.forEach((u) => u());
}

/** Calls `cb` with the new `location.href` each time it actually changes; the disposer stops it. */
export function watchUrl(cb: (href: string) => void, win: Window | undefined = getWindow()): Dispose {
  if (!win) return noop;
  let state = shared.get(win);
  if (!state) {
    const checks: Listeners<void> = new Set();
    shared.set(win, (state = { checks, uninstall: install(win, () => emit(checks)) }));
  }
  const { checks, uninstall } = state;
  let last = win.location.href;
  const unlisten = listen(checks, () => {
    const href = win.location.href;
    if (href != last) cb((last = href));
  });
  return () => {
    unlisten();
    if (!checks.size && shared.get(win) == state) {
      uninstall();
      shared.delete(win);
    }
  };
}
