import type { Dispose, Logger } from '@compagnon/core';
import { getDocument } from './globals.ts';
import { on, safeCall } from './listeners.ts';

/**
 * Every click on the page, seen in the capture phase so a host handler's `stopPropagation()` cannot hide it.
 * The target is `composedPath()[0]`: a click inside an open shadow root reports the inner element, not the host.
 */
export function onDocumentClick(
  cb: (target: Element) => void,
  doc: Document | undefined = getDocument(),
  log?: Logger,
): Dispose {
  return on(
    doc,
    ['click'],
    (event) => {
      const target = (event.composedPath()[0] ?? event.target) as Element | null;
      // nodeType rather than `instanceof Element`: elements of another frame's realm fail instanceof.
      if (target?.nodeType == 1) safeCall(cb, log, target);
    },
    true,
  );
}
