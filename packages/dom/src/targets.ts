// Resolving a guide's CSS selector to the element a step points at.
import type { Clock, Dispose } from '@compagnon/core';
import type { DomWatcher } from './dom-watcher.ts';
import { getDocument } from './globals.ts';

function queryAll(selector: string, doc: Document | undefined): ArrayLike<Element> {
  // An author's invalid selector throws a SyntaxError: it must cost one guide, not the page.
  try {
    return doc ? doc.querySelectorAll(selector) : [];
  } catch {
    return [];
  }
}

/** The first matching element that is rendered: `display:none` and detached elements have no client rects. */
export function queryTarget(selector: string, doc: Document | undefined = getDocument()): Element | null {
  const list = queryAll(selector, doc);
  for (let i = 0; i < list.length; i++) if (list[i]!.getClientRects().length) return list[i]!;
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
  let unsubscribe: Dispose | undefined;
  let stopTimer: Dispose | undefined;
  const cancel = () => {
    unsubscribe?.();
    stopTimer?.();
  };
  const promise = new Promise<Element | null>((resolve) => {
    const finish = (el: Element | null) => {
      cancel();
      resolve(el);
    };
    const found = queryTarget(selector, doc);
    if (found) return resolve(found);
    unsubscribe = watcher.subscribe(
      () => {
        const el = queryTarget(selector, doc);
        if (el) finish(el);
      },
      { immediate: true },
    );
    if (timeout < Infinity) stopTimer = clock.setTimeout(() => finish(null), timeout);
  });
  return { promise, cancel };
}
