import type { Dispose, Logger } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { noop, safeCall } from './safe.ts';

/**
 * Every click on the page, seen in the capture phase so a host handler's `stopPropagation()` cannot hide it.
 * The target is `composedPath()[0]`: a click inside an open shadow root reports the inner element, not the host.
 */
export function onDocumentClick(
  cb: (target: Element) => void,
  doc: Document | undefined = getDocument(),
  log?: Logger,
): Dispose {
  if (!doc) return noop;
  const listener = (event: Event) => {
    const target = (event.composedPath()[0] ?? event.target) as Node | null;
    // nodeType rather than `instanceof Element`: elements of another frame's realm fail instanceof.
    if (target?.nodeType === 1) safeCall(() => cb(target as Element), log);
  };
  doc.addEventListener('click', listener, true);
  return () => doc.removeEventListener('click', listener, true);
}
