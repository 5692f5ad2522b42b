// The single MutationObserver every trigger and waiting step feeds on. Normal subscribers run at most once per
// animation frame, however many mutations a framework makes in it; `immediate` ones run in the observer
// callback itself, to attach a step to a late target before the user sees it without its tooltip.
import type { Dispose, Logger } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { emit, listen, noop, on, type Listeners } from './listeners.ts';

export interface SubscribeOptions {
  /** Call back in the MutationObserver callback rather than on the next frame; keep such callbacks cheap. @default false */
  immediate?: boolean;
}

export interface DomWatcher {
  /**
   * `cb` runs on the next frame after mutations; `immediate` ones run in the observer callback and get its
   * records (none when a frame loaded a new document, which no record announces).
   */
  subscribe(cb: (records?: MutationRecord[]) => void, options?: SubscribeOptions): Dispose;
  /**
   * Also watches `root`, an open shadow root or a same-origin frame's document, whose mutations the document's
   * observer does not see, until nobody subscribes. Ignored while nobody does: searches call it on each pass.
   */
  observe?(root: Node): void;
  /** Disconnects, cancels the pending frame and forgets every subscriber. Final: later subscriptions stay inert. */
  dispose(): void;
}

export function createDomWatcher(doc: Document | undefined = getDocument(), log?: Logger): DomWatcher {
  const win = doc?.defaultView;
  const immediate: Listeners<MutationRecord[] | undefined> = new Set();
  const framed: Listeners<MutationRecord[] | undefined> = new Set();
  let observer: MutationObserver | undefined;
  let frame = 0;
  let disposed = false;
  let watched = new WeakSet<Node>();
  let unwatch: Dispose[] = [];

  const flush = () => {
    frame = 0;
    emit(framed, undefined, log);
  };
  const onMutations = (records?: MutationRecord[]) => {
    emit(immediate, records, log);
    if (!frame && framed.size) frame = win!.requestAnimationFrame(flush);
  };
  const observe = (root: Node) => {
    if (!observer || watched.has(root)) return;
    watched.add(root);
    observer.observe(root, { childList: true, subtree: true, attributes: true });
    // A frame's new document replaces the observed one without a mutation out here: its `load` (which does not
    // bubble, hence the capture) is the cue to look again.
    unwatch.push(on(root, ['load'], (e) => /frame$/.test((e.target as Element).localName) && onMutations(), true));
  };
  const stop = () => {
    observer?.disconnect();
    observer = undefined;
    unwatch.forEach((u) => u());
    unwatch = [];
    watched = new WeakSet();
    if (frame) win!.cancelAnimationFrame(frame);
    frame = 0;
  };

  return {
    subscribe(cb, options) {
      if (disposed || !win) return noop;
      const unlisten = listen(options?.immediate ? immediate : framed, cb);
      if (!observer) {
        observer = new win.MutationObserver(onMutations);
        observe(doc!);
      }
      return () => {
        unlisten();
        // Connected only while someone listens: an idle page pays nothing for us.
        if (!immediate.size && !framed.size) stop();
      };
    },
    observe,
    dispose() {
      disposed = true;
      immediate.clear();
      framed.clear();
      stop();
    },
  };
}
