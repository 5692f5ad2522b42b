// Resolving a guide's CSS selector to the element a step points at.
import type { Clock, Dispose } from '@compagnon/core';
import type { DomWatcher } from './dom-watcher.ts';
import { getDocument } from './globals.ts';
import { noop } from './listeners.ts';

/** The first matching element that is rendered: `display:none` and detached elements have no client rects. */
export function queryTarget(selector: string, doc: Document | undefined = getDocument()): Element | null {
  // An author's invalid selector throws a SyntaxError: it must cost one guide, not the page.
  try {
    for (const el of doc?.querySelectorAll(selector) ?? []) if (el.getClientRects().length) return el;
  } catch {}
  return null;
}

/** Whether `el` or one of its ancestors matches, so a click on a button's icon counts as a click on the button. */
export function matchesSelector(el: Element, selector: string): boolean {
  try {
    return !!el.closest(selector);
  } catch {
    return false;
  }
}

export interface WaitForTargetOptions {
  /** Milliseconds before resolving `null`; `Infinity` waits until cancelled. */
  timeout: number;
  clock: Clock;
  /** @default the page's document */
  doc?: Document;
}

/**
 * Resolves with the target as soon as it is rendered, re-checking on each mutation batch (no polling), or with
 * `null` after `timeout`. `cancel` releases the subscription and the timer; the promise then never settles, so
 * a torn-down guide does not report a missing target.
 */
export function waitForTarget(
  selector: string,
  watcher: DomWatcher,
  { timeout, clock, doc = getDocument() }: WaitForTargetOptions,
): { promise: Promise<Element | null>; cancel: Dispose } {
  let unsubscribe = noop;
  let stopTimer = noop;
  const cancel = () => {
    unsubscribe();
    stopTimer();
  };
  const promise = new Promise<Element | null>((resolve) => {
    const finish = (el: Element | null) => {
      cancel();
      resolve(el);
    };
    const check = () => {
      const el = queryTarget(selector, doc);
      if (el) finish(el);
      return el;
    };
    if (check()) return;
    unsubscribe = watcher.subscribe(check, { immediate: true });
    if (timeout < Infinity) stopTimer = clock.setTimeout(() => finish(null), timeout);
  });
  return { promise, cancel };
}
