/** Moves focus without scrolling: the page stays where the user left it, floating-ui places us. */
export const focus = (el: HTMLElement): void => el.focus({ preventScroll: true });

/** The focused element, looking through open shadow roots (ours included: a checklist item can start a tour). */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
