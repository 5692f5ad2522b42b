// At most one pending timer, whatever calls it: an earlier deadline replaces a later one, never the reverse.
// The outbox arms it from enqueue, kick and backoff alike, so flushes never pile up.
import type { Clock, Dispose } from '../platform.ts';

export interface Deadline {
  /** Runs `fn` at `at` (epoch ms) unless an earlier deadline is already armed. */
  arm(at: number, fn: () => void): void;
  cancel(): void;
  /** When the armed timer fires, if one is armed. */
  readonly at: number | undefined;
}

export function createDeadline(clock: Clock): Deadline {
  let armed: { at: number; cancel: Dispose } | undefined;
  return {
    arm(at, fn) {
      if (armed && armed.at <= at) return;
      armed?.cancel();
      const cancel = clock.setTimeout(() => {
        armed = undefined;
        fn();
      }, Math.max(0, at - clock.now()));
      armed = { at, cancel };
    },
    cancel() {
      armed?.cancel();
      armed = undefined;
    },
    get at() {
      return armed?.at;
    },
  };
}
