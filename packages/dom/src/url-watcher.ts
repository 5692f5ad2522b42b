// One URL watcher per window, however many guides listen: single-page apps change the URL through the history
// API (no event for pushState/replaceState, hence the wrapping), the back button (popstate), anchors
// (hashchange) and, in Chromium, the Navigation API, whose `navigatesuccess` also covers `navigation.navigate()`.
import type { Dispose } from '@compagnon/core';
import { getWindow } from './globals.ts';
import { noop, safeCall } from './safe.ts';

type Method = 'pushState' | 'replaceState';

interface Shared {
  checks: Set<() => void>;
  uninstall: Dispose;
}

const shared = new WeakMap<Window, Shared>();

function install(win: Window, notify: () => void): Dispose {
  const history = win.history;
  const wrap = (name: Method): Dispose => {
    const original = history[name];
    const wrapped: History[Method] = function (this: History, ...args) {
      // The host's own error (e.g. a cross-origin URL) is theirs to see: only our notification is guarded.
      original.apply(this, args);
      notify();
    };
    history[name] = wrapped;
    // Restore only if nobody wrapped it after us, or we would silently remove their wrapper.
    return () => void (history[name] === wrapped && (history[name] = original));
  };
  const events = ['popstate', 'hashchange'] as const;
  const navigation = (win as { navigation?: EventTarget }).navigation;
  const undo = [wrap('pushState'), wrap('replaceState')];
  for (const type of events) win.addEventListener(type, notify);
  navigation?.addEventListener('navigatesuccess', notify);
  return () => {
    for (const u of undo) u();
    for (const type of events) win.removeEventListener(type, notify);
    navigation?.removeEventListener('navigatesuccess', notify);
  };
}

/** Calls `cb` with the new `location.href` each time it actually changes; the disposer stops it. */
export function watchUrl(cb: (href: string) => void, win: Window | undefined = getWindow()): Dispose {
  if (!win) return noop;
  let state = shared.get(win);
  if (!state) {
    const checks = new Set<() => void>();
    const notify = () => {
      for (const check of [...checks]) safeCall(check);
    };
    state = { checks, uninstall: install(win, notify) };
    shared.set(win, state);
  }
  let last = win.location.href;
  const check = () => {
    const href = win.location.href;
    if (href !== last) cb((last = href));
  };
  const { checks, uninstall } = state;
  checks.add(check);
  return () => {
    if (checks.delete(check) && !checks.size) {
      uninstall();
      shared.delete(win);
    }
  };
}
