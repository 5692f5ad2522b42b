// The single MutationObserver every trigger and waiting step feeds on. Normal subscribers run at most once per
// animation frame, however many mutations a framework makes in it; `immediate` ones run in the observer
// callback itself, to attach a step to a late target before the user sees it without its tooltip.
import type { Dispose, Logger } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { noop, safeCall } from './safe.ts';

export interface SubscribeOptions {
  /** Call back in the MutationObserver callback rather than on the next frame; keep such callbacks cheap. @default false */
  immediate?: boolean;
}

export interface DomWatcher {
  subscribe(cb: () => void, options?: SubscribeOptions): Dispose;
  /** Disconnects, cancels the pending frame and forgets every subscriber. Final: later subscriptions stay inert. */
  dispose(): void;
}

interface Entry {
  cb: () => void;
  immediate: boolean;
}

export function createDomWatcher(doc: Document | undefined = getDocument(), log?: Logger): DomWatcher {
  const win = doc?.defaultView;
  const entries = new Set<Entry>();
  let observer: MutationObserver | undefined;
  let frame = 0;
  let disposed = false;

  // Iterate a copy, and skip entries removed meanwhile by an earlier callback (a step that found its target).
  const call = (immediate: boolean) => {
    for (const e of [...entries]) if (e.immediate === immediate && entries.has(e)) safeCall(e.cb, log);
  };
  const flush = () => {
    frame = 0;
    call(false);
  };
  const onMutations = () => {
    call(true);
    if (!frame && [...entries].some((e) => !e.immediate)) frame = win!.requestAnimationFrame(flush);
  };
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    if (frame) win!.cancelAnimationFrame(frame);
    frame = 0;
  };

  return {
    subscribe(cb, options) {
      if (disposed || !doc || !win) return noop;
      const entry = { cb, immediate: !!options?.immediate };
      entries.add(entry);
      if (!observer) {
        observer = new win.MutationObserver(onMutations);
        observer.observe(doc, { childList: true, subtree: true, attributes: true });
      }
      return () => {
        // Connected only while someone listens: an idle page pays nothing for us.
        if (entries.delete(entry) && !entries.size) stop();
      };
    },
    dispose() {
      disposed = true;
      entries.clear();
      stop();
    },
  };
}
