// Finding the element a step points at: now (a CSS selector in the document) or as soon as it appears (any target).
import type { Clock, Dispose } from '@compagnon/core';
import type { Target } from '@compagnon/schema';
import type { DomWatcher } from './dom-watcher.ts';
import { getDocument } from './globals.ts';
import { noop } from './listeners.ts';
import { describeTarget, locateIn, pageRoots, rootsWithin, type Located, type Root } from './resolve.ts';

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

/** A resolved target: the element, and the specs tried up to the one that matched (`describeTarget`). */
export interface TargetMatch {
  element: Element;
  tried: string[];
}

/**
 * How often, at most, a wait walks the whole page again for shadow roots and frames. New elements are searched
 * as they come (their own roots are found then); the walk is for a shadow root attached to an element already
 * in the page, which no mutation announces. Only while the page keeps mutating: nothing polls.
 */
const REWALK_MS = 1000;

/**
 * Resolves with the target as soon as it is rendered, re-checking on each mutation batch of the document and of
 * the shadow roots and frames found so far (no polling), or with `null` after `timeout`. `cancel` releases
 * the subscription and the timer; the promise then never settles, so a torn-down guide does not report a
 * missing target.
 */
export function waitForTargetDetailed(
  target: Target,
  watcher: DomWatcher,
  { timeout, clock, doc = getDocument() }: WaitForTargetOptions,
): { promise: Promise<TargetMatch | null>; cancel: Dispose } {
  let unsubscribe = noop;
  let stopTimer = noop;
  const cancel = () => {
    unsubscribe();
    stopTimer();
  };
  const promise = new Promise<TargetMatch | null>((resolve) => {
    const finish = (found: Located | null) => {
      cancel();
      resolve(found && { element: found.element, tried: describeTarget(target).slice(0, found.index + 1) });
    };
    if (!doc) return finish(null);
    const page = pageRoots(doc);
    const found = locateIn(target, page);
    if (found) return finish(found);

    // Every root searched, in document order as first met; each is watched as soon as it is known.
    const known: Root[] = [];
    const seen = new WeakSet<Node>();
    const add = (roots: Root[]) => {
      for (const root of roots) {
        if (seen.has(root)) continue;
        seen.add(root);
        known.push(root);
        watcher.observe?.(root);
      }
    };
    let walked = -Infinity;
    const walk = (roots = rootsWithin(doc)) => {
      walked = clock.now();
      add(roots);
    };
    // No records: a frame loaded a new document, which only a walk finds.
    const check = (records?: MutationRecord[]) => {
      if (!records || clock.now() - walked >= REWALK_MS) walk();
      else for (const record of records) for (const node of record.addedNodes) if (node.nodeType == 1) add(rootsWithin(node));
      const match = locateIn(target, known);
      if (match) finish(match);
    };
    unsubscribe = watcher.subscribe(check, { immediate: true });
    // The search above already walked the page (each spec missed the document), unless every spec threw at once.
    walk(page.walked());
    if (timeout < Infinity) stopTimer = clock.setTimeout(() => finish(null), timeout);
  });
  return { promise, cancel };
}

/** `waitForTargetDetailed` resolving with the element alone, as the sdk has used it since the skeleton. */
export function waitForTarget(
  target: Target,
  watcher: DomWatcher,
  options: WaitForTargetOptions,
): { promise: Promise<Element | null>; cancel: Dispose } {
  const { promise, cancel } = waitForTargetDetailed(target, watcher, options);
  return { promise: promise.then((match) => match && match.element), cancel };
}
