// Our callbacks run inside the host page's stack (its clicks, its pushState, its mutations): an error of ours
// must never reach the page's `window.onerror`. Every guard lives here, so the other modules stay plain.
import type { Dispose, Logger } from '@compagnon/core';

export const noop = (): void => {};

export function safeCall<T>(fn: (value: T) => void, log?: Logger, value?: T): void {
  try {
    fn(value!);
  } catch (error) {
    log?.error('listener failed', error);
  }
}

export type Listeners<T> = Set<(value: T) => void>;

/** Adds `cb`; the disposer removes it. */
export const listen = <T>(listeners: Listeners<T>, cb: (value: T) => void): Dispose => (
  listeners.add(cb), () => void listeners.delete(cb)
);

/** Calls every listener over a copy (one may unsubscribe others), skipping those removed by an earlier one. */
export function emit<T>(listeners: Listeners<T>, value?: T, log?: Logger): void {
  for (const cb of [...listeners]) if (listeners.has(cb)) safeCall(cb, log, value);
}

/** Listens to each event type on `target` (none when it is missing); the disposer removes them all. */
export function on(target: EventTarget | undefined, types: string[], fn: (event: Event) => void, capture?: boolean): Dispose {
  const each = (method: 'addEventListener' | 'removeEventListener') => {
    for (const type of types) target?.[method](type, fn, capture);
  };
  each('addEventListener');
  return () => each('removeEventListener');
}
