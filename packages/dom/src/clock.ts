import type { Clock, Logger } from '@compagnon/core';
import { safeCall } from './listeners.ts';

/** Wall-clock time and timers; a timer's error is logged rather than thrown into the page. */
export function createClock(log?: Logger): Clock {
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = setTimeout(safeCall, ms, fn, log);
      return () => clearTimeout(id);
    },
  };
}
