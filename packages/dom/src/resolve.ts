// A guide's target — a CSS selector, an accessible role and name, a visible text, or a list of these tried in
// turn — resolved in the document, its open shadow roots and its same-origin frames, never throwing.
import type { Target, TargetSpec } from '@compagnon/schema';
import { nameOf, roleOf } from './a11y.ts';
import { getDocument } from './globals.ts';

export type Root = Document | ShadowRoot;

export interface Located {
  element: Element;
  /** Position in the list of the spec that matched. */
  index: number;
}

const specs = (target: Target): TargetSpec[] => (Array.isArray(target) ? target : [target]);

/** Case and whitespace ignored: markup splits a label over inline and block elements in many ways. */
const key = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').toLowerCase();

/** Rendered: `display:none` and detached elements have no client rects. */
const rendered = (el: Element): boolean => el.getClientRects().length > 0;

const FRAME = /^(i?frame|object)$/;

/**
 * The open shadow roots and same-origin frame documents in `node`'s subtree (and `node` itself when it is one),
 * depth first, appended to `out`. A TreeWalker (no wrapper list of every element), `contentDocument` read only
 * on frames (a miss on each element costs more than the rest): this walks the whole page when given a document.
 */
export function rootsWithin(node: Node, out: Root[] = []): Root[] {
  if (node.nodeType == 9 || node.nodeType == 11) out.push(node as Root);
  const doc = node.ownerDocument ?? (node as Document);
  const inner = (el: Element) => {
    // Closed shadow roots read as null, and so does a cross-origin frame's document.
    const found = el.shadowRoot ?? (FRAME.test(el.localName) ? (el as HTMLIFrameElement).contentDocument : null);
    if (found) rootsWithin(found, out);
  };
  if (node.nodeType == 1) inner(node as Element);
  const walker = doc.createTreeWalker(node, 1 /* SHOW_ELEMENT */);
  for (let el; (el = walker.nextNode() as Element | null); ) inner(el);
  return out;
}

/** The text a person sees: unrendered subtrees left out. */
const shown = (node: Node): string =>
  node.nodeType == 3
    ? node.textContent!
    : node.nodeType == 1 && rendered(node as Element)
      ? Array.from(node.childNodes, shown).join('')
      : '';

/** The deepest rendered elements showing `needle`, and of those the one with the shortest text. */
function byText(root: Root, needle: string): Element | undefined {
  let best: Element | undefined;
  let length = Infinity;
  // `textContent` prunes cheaply (most subtrees lack the text); only a leaf candidate pays for `shown`.
  const search = (parent: ParentNode): boolean => {
    let hit = false;
    for (const el of parent.children) {
      if (!key(el.textContent).includes(needle) || !rendered(el)) continue;
      if (search(el)) hit = true;
      else {
        const text = key(shown(el));
        if (!text.includes(needle)) continue;
        hit = true;
        if (text.length < length) (best = el), (length = text.length);
      }
    }
    return hit;
  };
  if (needle) search(root);
  return best;
}

function find(root: Root, spec: TargetSpec): Element | undefined {
  if (typeof spec == 'string') return [...root.querySelectorAll(spec)].find(rendered);
  if ('text' in spec) return byText(root, key(spec.text));
  const role = spec.role.toLowerCase();
  const name = spec.name == null ? null : key(spec.name);
  return [...root.querySelectorAll('*')].find(
    (el) => roleOf(el) == role && rendered(el) && !el.closest('[aria-hidden=true]') && (name == null || key(nameOf(el)) == name),
  );
}

/** The first spec that resolves in one of `roots` (in order, for each spec), and the element. */
export function locateIn(target: Target, roots: Iterable<Root>): Located | null {
  for (const [index, spec] of specs(target).entries()) {
    // An author's invalid selector throws a SyntaxError (and a malformed spec a TypeError): it costs that spec only.
    try {
      for (const root of roots) {
        const element = find(root, spec);
        if (element) return { element, index };
      }
    } catch {}
  }
  return null;
}

/**
 * The document, then every open shadow root and same-origin frame document within: the page is walked for them
 * only when a search gets past the document (the common case walks nothing), once, and `walked()` gives them.
 */
export function pageRoots(doc: Document): Iterable<Root> & { walked(): Root[] | undefined } {
  let all: Root[] | undefined;
  return {
    *[Symbol.iterator]() {
      yield doc;
      yield* (all ??= rootsWithin(doc)).slice(1);
    },
    walked: () => all,
  };
}

/** The first spec that resolves in the document, its open shadow roots or its same-origin frames, and the element. */
export const locate = (target: Target, doc: Document | undefined = getDocument()): Located | null =>
  doc ? locateIn(target, pageRoots(doc)) : null;

/** The element a target points at: the first rendered match of the first spec that has one. */
export const resolveTarget = (target: Target, doc?: Document): Element | null => locate(target, doc)?.element ?? null;

/** What each spec looks for, in order, for a `target_not_found` event: `#save`, `role=button[name="New"]`, `text="Export"`. */
export const describeTarget = (target: Target): string[] =>
  specs(target).map((spec) =>
    typeof spec == 'string'
      ? spec
      : 'text' in spec
        ? 'text=' + JSON.stringify(spec.text)
        : 'role=' + spec.role + (spec.name == null ? '' : '[name=' + JSON.stringify(spec.name) + ']'),
  );
