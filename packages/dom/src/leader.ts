// One tab of the origin sends the outbox: the holder of a Web Lock, held until `dispose` or the tab closes, when
// the next waiting tab gets it. Web Locks exist only in secure contexts, so on plain-http intranets (or where the
// request fails, e.g. sandboxed frames) every tab leads: the collector's dedupe keeps the counts right.
import type { Dispose } from '@compagnon/core';
import { getGlobal } from './globals.ts';
import { emit, type Listeners, listen } from './listeners.ts';

export interface Leader {
  isLeader(): boolean;
  onChange(cb: (leader: boolean) => void): Dispose;
  dispose(): void;
}

export interface ElectLeaderOptions {
  /** @default the page's `navigator.locks` */
  locks?: LockManager;
}

export function electLeader(name: string, { locks = getGlobal('navigator')?.locks }: ElectLeaderOptions = {}): Leader {
  const listeners: Listeners<boolean> = new Set();
  let leader = !locks;
  let disposed = false;
  let release: (() => void) | undefined;
  const lead = () => {
    if (disposed || leader) return;
    leader = true;
    emit(listeners, true);
  };
  locks
    // A request granted after `dispose` returns at once, which releases the lock to the next tab.
    ?.request(name, { mode: 'exclusive' }, () => (disposed ? undefined : new Promise<void>((r) => ((release = r), lead()))))
    .catch(lead);
  return {
    isLeader: () => leader,
    onChange: (cb) => listen(listeners, cb),
    dispose() {
      disposed = true;
      leader = false;
      listeners.clear();
      release?.();
    },
  };
}
