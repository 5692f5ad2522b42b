// The author's picker proposes a target for the element clicked: robust first (what a person reads), then what
// the app's developers made stable on purpose, then a short CSS path — never a build tool's hashed class name.
// Every proposal is resolved the way the SDK resolves it (@compagnon/dom), and counted.
import type { Target, TargetSpec } from '@compagnon/schema';
// `roleOf`/`nameOf` are not part of @compagnon/dom's public index: the same functions the resolver uses.
import { nameOf, roleOf } from '@compagnon/dom';

export interface Proposal {
  target: Target;
  /** How many rendered elements of the page the target's spec matches (1: it points at this element alone). */
  matches: number;
}

/** Attributes developers set for tests and automation, in order of preference. */
export const STABLE_ATTRIBUTES = ['data-testid', 'data-test', 'data-test-id', 'data-cy', 'data-qa', 'data-action', 'name', 'aria-label'];

const MAX_NAME = 80;
const MAX_DEPTH = 5;

type Root = Document | ShadowRoot;

const rendered = (el: Element): boolean => el.getClientRects().length > 0;
/** As resolve.ts compares: case and whitespace ignored. */
const key = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, '').toLowerCase();

/** A machine-made token: digits in several places (`x7f2k`, `a1b2c`) or one-letter humps (`aBcDeF`); words with
 * a number (`step2`, `h1`, `col-12`) and camelCase (`getElementById`) are not. */
function randomish(token: string): boolean {
  for (const part of token.split(/[-_:.]+/)) {
    if (part.length < 5) continue;
    const words = part.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
    const digitRuns = words.filter((w) => /\d/.test(w)).length;
    const singles = words.filter((w) => w.length == 1 && /[a-z]/i.test(w)).length;
    if (digitRuns >= 2 || singles >= 2 || (digitRuns == 1 && singles == 1 && words.length >= 3)) return true;
  }
  return false;
}

/** A class name a build tool made up: CSS-in-JS, CSS modules, scoped styles, or a random-looking token. */
export function isHashedClass(name: string): boolean {
  return (
    /^(css|jsx|svelte|emotion|tw|astro|vue|ng|styled)-[a-z0-9]{4,}$/i.test(name) || // emotion, styled-jsx, svelte…
    /^sc-/.test(name) || // styled-components
    /^_/.test(name) || // CSS modules' production names: `_a1B2c`
    /__(?=[a-z0-9-]*\d)[a-z0-9-]{4,}$/i.test(name) || // CSS modules' dev names: `Button_primary__3xYz1`
    /^[a-z]{1,3}-?[0-9][a-z0-9]{3,}$/i.test(name) || // `e1x2y3z`, `x-9f8a7b`
    randomish(name)
  );
}

/** State classes come and go while the author picks: `is-active`, `open`, `hover`… */
const stateClass = (name: string): boolean =>
  /^(is|has)-|^(active|selected|focus(ed)?|hover(ed)?|open|opened|closed|disabled|checked|current|visible|hidden|show|shown)$/i.test(name);

/** An id the framework generated: React's `:r1:`, `ember123`, `mui-4211`, UUIDs, hashes, long numbers. */
export function looksGeneratedId(id: string): boolean {
  return (
    id.includes(':') ||
    /\d{3,}/.test(id) ||
    /^(ember|react|radix|headlessui|mui|rc|uid|downshift|yui|ext|gwt)[-_]/i.test(id) ||
    /^(id|v|jsx|aria)[-_]?\d/i.test(id) ||
    /^[0-9a-f]{8}-?[0-9a-f]{4}/i.test(id) ||
    /^\d/.test(id) ||
    randomish(id)
  );
}

const cssString = (value: string): string => '"' + value.replace(/["\\]/g, '\\$&').replace(/\n/g, '\\a ') + '"';
const cssIdent = (value: string): string =>
  typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/[^a-zA-Z0-9_-]/g, (c) => '\\' + c);

/** `root`, then every open shadow root and same-origin frame document within: where resolve.ts looks. */
function roots(root: Root, out: Root[] = []): Root[] {
  out.push(root);
  for (const el of root.querySelectorAll('*')) {
    // Compagnon's own overlays (the picker, the SDK's UI in a preview) are not part of the page.
    if (el.hasAttribute('data-compagnon-picker') || el.hasAttribute('data-compagnon')) continue;
    let inner: Root | null = el.shadowRoot;
    try {
      inner ??= (el as HTMLIFrameElement).contentDocument ?? null;
    } catch {}
    if (inner) roots(inner, out);
  }
  return out;
}

/** The elements one spec matches, as resolve.ts would consider them (rendered; for roles, not aria-hidden). */
export function elementsMatching(spec: TargetSpec, doc: Document = document): Element[] {
  const all: Element[] = [];
  try {
    for (const root of roots(doc)) {
      if (typeof spec == 'string') all.push(...[...root.querySelectorAll(spec)].filter(rendered));
      else if ('role' in spec) {
        const role = spec.role.toLowerCase();
        const name = spec.name == null ? null : key(spec.name);
        for (const el of root.querySelectorAll('*'))
          if (roleOf(el) == role && rendered(el) && !el.closest('[aria-hidden=true]') && (name == null || key(nameOf(el)) == name))
            all.push(el);
      } else {
        // The deepest rendered elements whose text contains it: each is a candidate for resolve.ts.
        const needle = key(spec.text);
        for (const el of root.querySelectorAll('*'))
          if (rendered(el) && key(el.textContent).includes(needle) && ![...el.children].some((c) => rendered(c) && key(c.textContent).includes(needle)))
            all.push(el);
      }
    }
  } catch {
    return [];
  }
  return all;
}

/** How many elements the first spec of `target` that matches anything matches: 0 when none does. */
export function countMatches(target: Target, doc: Document = document): number {
  for (const spec of Array.isArray(target) ? target : [target]) {
    const n = elementsMatching(spec, doc).length;
    if (n) return n;
  }
  return 0;
}

const unique = (spec: TargetSpec, el: Element, doc: Document): boolean => {
  const found = elementsMatching(spec, doc);
  return found.length == 1 && found[0] == el;
};

/** One step of a CSS path: the tag, its stable classes, and its position among same-tag siblings when needed. */
function segment(el: Element): string {
  const id = el.id;
  if (id && !looksGeneratedId(id)) return '#' + cssIdent(id);
  let seg = cssIdent(el.localName);
  const classes = [...el.classList].filter((c) => !isHashedClass(c) && !stateClass(c)).slice(0, 2);
  seg += classes.map((c) => '.' + cssIdent(c)).join('');
  const parent = el.parentElement;
  if (parent) {
    const same = [...parent.children].filter((c) => c.localName == el.localName);
    if (same.length > 1 && same.filter((c) => classes.every((k) => c.classList.contains(k))).length > 1)
      seg += `:nth-of-type(${same.indexOf(el) + 1})`;
  }
  return seg;
}

/** The shortest path of `segment`s, from `el` up, that matches `el` alone; anchored at a stable id when met. */
export function cssPath(el: Element, doc: Document = el.ownerDocument): string {
  const parts: string[] = [];
  let selector = '';
  for (let cur: Element | null = el; cur && cur.localName != 'html'; cur = cur.parentElement) {
    const seg = segment(cur);
    parts.unshift(seg);
    selector = parts.join(' > ');
    if (parts.length > MAX_DEPTH) break;
    if (unique(selector, el, doc)) return selector;
  }
  // Long, but exact: every step by position from the root of el's tree.
  const full: string[] = [];
  for (let cur: Element | null = el; cur && cur.localName != 'html'; cur = cur.parentElement) {
    const index = cur.parentElement ? [...cur.parentElement.children].filter((c) => c.localName == cur!.localName).indexOf(cur) : 0;
    full.unshift(`${cssIdent(cur.localName)}:nth-of-type(${index + 1})`);
  }
  return full.join(' > ') || selector;
}

/**
 * A robust target for `el`, and how many elements of its document it matches. In order, the first that points at
 * `el` alone: its accessible role and name; a test or automation attribute, `name` or `aria-label`; an id that
 * does not look generated; a short CSS path of tags, ids and stable classes (never hashed class names).
 */
export function proposeTarget(el: Element): Proposal {
  const doc = el.ownerDocument;
  const role = roleOf(el);
  const name = nameOf(el).trim();
  if (role && role != 'presentation' && role != 'none' && name && name.length <= MAX_NAME) {
    const spec = { role, name };
    if (unique(spec, el, doc)) return { target: spec, matches: 1 };
  }
  const tag = cssIdent(el.localName);
  for (const attr of STABLE_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (!value?.trim() || (attr != 'aria-label' && randomish(value))) continue;
    for (const spec of [`[${attr}=${cssString(value)}]`, `${tag}[${attr}=${cssString(value)}]`])
      if (unique(spec, el, doc)) return { target: spec, matches: 1 };
  }
  if (el.id && !looksGeneratedId(el.id)) {
    const spec = '#' + cssIdent(el.id);
    if (unique(spec, el, doc)) return { target: spec, matches: 1 };
  }
  const path = cssPath(el, doc);
  return { target: path, matches: countMatches(path, doc) };
}
