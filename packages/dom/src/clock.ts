import type { Clock, Logger } from '@compagnon/core';
import { safeCall } from './safe.ts';

/** Wall-clock time and timers; a timer's error is logged rather than thrown into the page. */
export function createClock(log?: Logger): Clock {
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = setTimeout(() => safeCall(fn, log), ms);
      return () => clearTimeout(id);
    },
  };
}
