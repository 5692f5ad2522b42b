// Accessible role and name, as far as authors' `{ role, name }` targets need: the explicit role or HTML's implicit
// one, and accname 1.2's main steps (aria-labelledby, aria-label, labels, alt, content, title, placeholder).
// Not modelled: aria-owns, CSS generated content, embedded controls' values inside a label.

const INPUT_ROLES: Record<string, string> = {
  button: 'button', submit: 'button', reset: 'button', image: 'button',
  checkbox: 'checkbox', radio: 'radio', range: 'slider', number: 'spinbutton', search: 'searchbox',
};
const TAG_ROLES: Record<string, string> = {
  button: 'button', textarea: 'textbox', li: 'listitem', ul: 'list', ol: 'list', nav: 'navigation', main: 'main',
  dialog: 'dialog', table: 'table', tr: 'row', td: 'cell', th: 'columnheader', option: 'option', form: 'form',
  aside: 'complementary', article: 'article', hr: 'separator', progress: 'progressbar', fieldset: 'group',
  section: 'region', header: 'banner', footer: 'contentinfo', summary: 'button',
};
// Contribute nothing to a name computed from content: not rendered text, or a control whose value is not its name.
const NO_CONTENT = /^(script|style|template|input|select|textarea)$/;

export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit.toLowerCase();
  const tag = el.localName;
  const input = el as HTMLInputElement & HTMLSelectElement;
  if (tag == 'a' || tag == 'area') return el.hasAttribute('href') ? 'link' : '';
  if (tag == 'input') return INPUT_ROLES[input.type] ?? (el.hasAttribute('list') ? 'combobox' : 'textbox');
  if (tag == 'select') return input.multiple || input.size > 1 ? 'listbox' : 'combobox';
  if (tag == 'img') return el.getAttribute('alt') == '' ? 'presentation' : 'img';
  return /^h[1-6]$/.test(tag) ? 'heading' : TAG_ROLES[tag] ?? '';
}

/** The accessible name, whitespace collapsed. */
export const nameOf = (el: Element): string => label(el, true).replace(/\s+/g, ' ');

function label(el: Element, top: boolean): string {
  const attr = (name: string) => el.getAttribute(name)?.trim();
  const tag = el.localName;
  const input = el as HTMLInputElement;
  // Followed only from the element named, as accname says, so two elements naming each other cannot loop.
  const by = top && attr('aria-labelledby');
  if (by) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const named = by.split(/\s+/).map((id) => {
      const ref = root.getElementById?.(id);
      return ref ? label(ref, false) : '';
    });
    if (named.join('').trim()) return named.join(' ');
  }
  return (
    attr('aria-label') ||
    (tag == 'img' || tag == 'area' || input.type == 'image' ? attr('alt') : '') ||
    (tag == 'input' && /^(button|submit|reset)$/.test(input.type) ? input.value.trim() : '') ||
    (top ? [...(input.labels ?? [])].map(content).join(' ').trim() : '') ||
    (NO_CONTENT.test(tag) ? '' : content(el)) ||
    attr('title') ||
    attr('placeholder') ||
    ''
  );
}

/** Text of the rendered subtree, into a shadow root and through slots; child elements give their own name. */
function content(el: Element): string {
  const slotted = (el as HTMLSlotElement).assignedNodes?.({ flatten: true });
  let text = '';
  for (const node of slotted?.length ? slotted : (el.shadowRoot ?? el).childNodes) {
    const child = node as Element;
    if (node.nodeType == 3) text += node.textContent;
    // Padded: block children read as separate words; matching ignores whitespace, so inline ones lose nothing.
    else if (node.nodeType == 1 && !NO_CONTENT.test(child.localName) && child.getAttribute('aria-hidden') != 'true' &&
      (child.localName == 'slot' || child.getClientRects().length)) text += ' ' + label(child, false) + ' ';
  }
  return text.trim();
}
