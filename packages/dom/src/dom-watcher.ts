// The single MutationObserver every trigger and waiting step feeds on. Normal subscribers run at most once per
// animation frame, however many mutations a framework makes in it; `immediate` ones run in the observer
// callback itself, to attach a step to a late target before the user sees it without its tooltip.
import type { Dispose, Logger } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { emit, listen, noop, type Listeners } from './listeners.ts';

export interface SubscribeOptions {
  /** Call back in the MutationObserver callback rather than on the next frame; keep such callbacks cheap. @default false */
  immediate?: boolean;
}

export interface DomWatcher {
  subscribe(cb: () => void, options?: SubscribeOptions): Dispose;
  /** Disconnects, cancels the pending frame and forgets every subscriber. Final: later subscriptions stay inert. */
  dispose(): void;
}

export function createDomWatcher(doc: Document | undefined = getDocument(), log?: Logger): DomWatcher {
  const win = doc?.defaultView;
  const immediate: Listeners<void> = new Set();
  const framed: Listeners<void> = new Set();
  let observer: MutationObserver | undefined;
  let frame = 0;
  let disposed = false;

  const flush = () => {
    frame = 0;
    emit(framed, undefined, log);
  };
  const onMutations = () => {
    emit(immediate, undefined, log);
    if (!frame && framed.size) frame = win!.requestAnimationFrame(flush);
  };
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    if (frame) win!.cancelAnimationFrame(frame);
    frame = 0;
  };

  return {
    subscribe(cb, options) {
      if (disposed || !win) return noop;
      const unlisten = listen(options?.immediate ? immediate : framed, cb);
      if (!observer) {
        observer = new win.MutationObserver(onMutations);
        observer.observe(doc!, { childList: true, subtree: true, attributes: true });
      }
      return () => {
        unlisten();
        // Connected only while someone listens: an idle page pays nothing for us.
        if (!immediate.size && !framed.size) stop();
      };
    },
    dispose() {
      disposed = true;
      immediate.clear();
      framed.clear();
      stop();
    },
  };
}
