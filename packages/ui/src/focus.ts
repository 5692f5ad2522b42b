/** Moves focus without scrolling: the page stays where the user left it, floating-ui places us. */
export const focus = (el: HTMLElement): void => el.focus({ preventScroll: true });

/** The focused element, looking through open shadow roots (ours included: a checklist item can start a tour). */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Focus went down with a closed surface: to nothing, the page's body, or our host with nothing focused inside. */
export function lost(el: Element): boolean {
  const now = deepActive(el.ownerDocument);
  return !now || now === el.ownerDocument.body || now === (el.getRootNode() as ShadowRoot).host;
}

/** Keeps Tab inside a modal dialog: wraps from the last focusable to the first and back. */
export function trap(e: KeyboardEvent, box: HTMLElement): void {
  if (e.key !== 'Tab') return;
  // Radios out of the roving tab order (tabindex -1) and a disabled Send are not Tab stops.
  const all = box.querySelectorAll<HTMLElement>('[href],button:not([tabindex="-1"]):not(:disabled),textarea,input');
  const first = all[0];
  const last = all[all.length - 1];
  const active = (box.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey ? active === first || active === box : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}
