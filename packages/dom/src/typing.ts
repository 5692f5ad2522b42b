// "No automatic guide while the user is typing": a dialog opening mid-sentence steals the next keystrokes.
import type { Dispose } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { on } from './listeners.ts';

export interface TypingDetector {
  /** Focus is in an editable field and a key went down there within the last 2 s. */
  isTyping(): boolean;
  dispose(): void;
}

const RECENT_MS = 2000;
const NOT_TYPED = /^(button|submit|reset|image|checkbox|radio|range|color|file|hidden)$/;

const editable = (el: Element | null | undefined): boolean =>
  !!el &&
  (el.localName == 'input'
    ? !NOT_TYPED.test((el as HTMLInputElement).type)
    : /^(textarea|select)$/.test(el.localName) || !!(el as HTMLElement).isContentEditable);

/** `now` is the clock keystrokes are timed with. @default Date.now */
export function createTypingDetector(doc: Document | undefined = getDocument(), now = Date.now): TypingDetector {
  let last = -Infinity;
  const heard = new WeakSet<Document>();
  const undo: Dispose[] = [];
  // Keys typed in a frame never reach this document: each same-origin frame found holding focus is listened to.
  const hear = (d: Document) => {
    if (!heard.has(d)) heard.add(d), undo.push(on(d, ['keydown'], () => (last = now()), true));
  };
  if (doc) hear(doc);
  return {
    isTyping() {
      // Into open shadow roots and same-origin frames: their host or frame element is the outer activeElement.
      let el = doc?.activeElement;
      for (let inner; (inner = el?.shadowRoot ?? (el as HTMLIFrameElement | null)?.contentDocument); el = inner.activeElement) {
        if (inner.nodeType == 9) hear(inner as Document);
      }
      return editable(el) && now() - last < RECENT_MS;
    },
    dispose() {
      undo.splice(0).forEach((u) => u());
    },
  };
}
