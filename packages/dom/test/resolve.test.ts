// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '@compagnon/schema';
import { describeTarget, locate, resolveTarget, rootsWithin } from '../src/resolve.ts';

// happy-dom has no layout: `data-unrendered` (and what it contains) reports no client rects, as display:none does.
const realRects = Element.prototype.getClientRects;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return this.closest('[data-unrendered]') ? ([] as unknown as DOMRectList) : realRects.call(this);
  });
  document.body.replaceChildren();
});
afterEach(() => void vi.restoreAllMocks());

const parse = (markup: string) =>
  Array.from(new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.childNodes, (n) =>
    document.importNode(n, true),
  );
const html = (markup: string) => document.body.replaceChildren(...parse(markup));
const id = (target: Target) => resolveTarget(target, document)?.id ?? null;

describe('resolveTarget: text', () => {
  it.each([
    { name: 'the smallest element containing it', markup: '<div><p>Click <b id="t">Export report</b> to start</p></div>', text: 'Export report', id: 't' },
    { name: 'an exact match over a longer container', markup: '<p id="long">Save your work before leaving</p><button id="t">Save</button>', text: 'save', id: 't' },
    { name: 'text split over inline elements', markup: '<section><button id="t">New <span>expense</span></button></section>', text: 'New expense', id: 't' },
    { name: 'case and whitespace ignored', markup: '<p id="t">  Monthly\n   REPORT </p>', text: 'monthly report', id: 't' },
    { name: 'contained in a longer text', markup: '<p id="t">Your monthly report is ready</p>', text: 'monthly report', id: 't' },
    { name: 'a rendered parent when the deeper copy is hidden', markup: '<div id="t">Help<span data-unrendered>Help</span></div>', text: 'Help', id: 't' },
    { name: 'not in unrendered elements', markup: '<p data-unrendered>Archive</p>', text: 'Archive', id: null },
    { name: 'absent', markup: '<p>Something else</p>', text: 'Archive', id: null },
    { name: 'empty text matches nothing', markup: '<p id="t"></p>', text: '', id: null },
  ])('$name', ({ markup, text, id: expected }) => {
    html(markup);
    expect(id({ text })).toBe(expected);
  });
});

describe('resolveTarget: role and name', () => {
  const page = `
    <button id="hidden" data-unrendered>New expense</button>
    <div aria-hidden="true"><button id="aria-hidden">New expense</button></div>
    <a id="link" href="/expenses">Expenses</a>
    <button id="new"><svg aria-hidden="true"></svg> New  expense</button>
    <label for="amount">Amount</label><input id="amount">
    <div role="tab" id="tab" aria-selected="true">Details</div>`;
  it.each([
    { name: 'button by name, skipping hidden ones', target: { role: 'button', name: 'New expense' }, id: 'new' },
    { name: 'name case-insensitive', target: { role: 'button', name: 'NEW EXPENSE' }, id: 'new' },
    { name: 'exact, not contained', target: { role: 'button', name: 'New' }, id: null },
    { name: 'role alone: first rendered one', target: { role: 'button' }, id: 'new' },
    { name: 'role case-insensitive', target: { role: 'Link', name: 'expenses' }, id: 'link' },
    { name: 'textbox by its label', target: { role: 'textbox', name: 'Amount' }, id: 'amount' },
    { name: 'explicit role', target: { role: 'tab', name: 'Details' }, id: 'tab' },
    { name: 'wrong role', target: { role: 'link', name: 'New expense' }, id: null },
  ])('$name', ({ target, id: expected }) => {
    html(page);
    expect(id(target)).toBe(expected);
  });
});

describe('resolveTarget: selectors, lists and roots', () => {
  it.each([
    { name: 'CSS selector', target: '#b', id: 'b' },
    { name: 'invalid selector: null, no throw', target: 'p[', id: null },
    { name: 'malformed spec: null, no throw', target: 42 as unknown as Target, id: null },
    { name: 'list: first that resolves', target: ['#missing', 'p[', { text: 'Bravo' }, '#a'], id: 'b' },
    { name: 'list: none resolves', target: ['#missing', { role: 'dialog' }], id: null },
  ])('$name', ({ target, id: expected }) => {
    html('<p id="a">Alpha</p><p id="b">Bravo</p>');
    expect(id(target)).toBe(expected);
  });

  it('reports which spec of the list matched', () => {
    html('<p id="a">Alpha</p>');
    expect(locate(['#nope', { text: 'Alpha' }], document)).toEqual({ element: document.getElementById('a'), index: 1 });
  });

  it('searches open shadow roots, nested, after the document, and lists each', () => {
    html('<x-outer id="outer"></x-outer><p id="light">Approve later</p>');
    const outer = document.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.append(...parse('<x-inner id="inner"></x-inner>'));
    const inner = (outer.getElementById('inner') as Element).attachShadow({ mode: 'open' });
    inner.append(...parse('<button id="deep">Approve</button>'));
    const closed = document.body.appendChild(document.createElement('x-closed')).attachShadow({ mode: 'closed' });
    closed.append(...parse('<button id="secret">Secret</button>'));

    expect(locate({ role: 'button', name: 'Approve' }, document)?.element.id).toBe('deep');
    expect(rootsWithin(document)).toEqual([document, outer, inner]);
    // From an element: its own shadow root counts, and a text or an element without one yields nothing.
    expect(rootsWithin(document.getElementById('outer')!)).toEqual([outer, inner]);
    expect(rootsWithin(document.getElementById('light')!)).toEqual([]);
    expect(id('#deep')).toBe('deep');
    expect(id({ text: 'Approve' })).toBe('light');
    expect(id({ role: 'button', name: 'Secret' })).toBeNull();
  });
});

describe('describeTarget', () => {
  it.each([
    { name: 'selector', target: '#save', expected: ['#save'] },
    { name: 'role and name', target: { role: 'button', name: 'New "x"' }, expected: ['role=button[name="New \\"x\\""]'] },
    { name: 'role alone', target: { role: 'dialog' }, expected: ['role=dialog'] },
    { name: 'text', target: { text: 'Export' }, expected: ['text="Export"'] },
    { name: 'list, in order', target: ['#a', { text: 'B' }], expected: ['#a', 'text="B"'] },
  ])('$name', ({ target, expected }) => {
    expect(describeTarget(target)).toEqual(expected);
  });
});
