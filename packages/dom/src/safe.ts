// Our callbacks run inside the host page's stack (its clicks, its pushState, its mutations): an error of ours
// must never reach the page's `window.onerror`.
import type { Logger } from '@compagnon/core';

export function safeCall(fn: () => void, log?: Logger): void {
  try {
    fn();
  } catch (error) {
    log?.error('listener failed', error);
  }
}

export const noop = (): void => {};
