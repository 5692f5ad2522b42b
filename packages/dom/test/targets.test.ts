// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '@compagnon/core';
import { createDomWatcher, type DomWatcher } from '../src/dom-watcher.ts';
import { matchesSelector, queryTarget, waitForTarget, waitForTargetDetailed } from '../src/targets.ts';

// happy-dom has no layout: every element reports one client rect. Elements marked `data-unrendered` report
// none, as Chromium does for `display:none`, so the rendered check is exercised here and in Chromium by the lead.
const realRects = Element.prototype.getClientRects;
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return this.closest('[data-unrendered]') ? ([] as unknown as DOMRectList) : realRects.call(this);
  });
  document.body.replaceChildren();
});
afterEach(() => void vi.restoreAllMocks());

const html = (markup: string) => {
  // Test fixtures built with DOMParser, not innerHTML, as the package's own rule asks.
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
};

/** A clock whose timers run only when told, recording every delay asked for. */
function manualClock() {
  const timers = new Set<{ fn: () => void; ms: number }>();
  const clock: Clock & { fire(): void; delays: number[]; at: number } = {
    delays: [],
    at: 0,
    now: () => clock.at,
    setTimeout(fn, ms) {
      const t = { fn, ms };
      clock.delays.push(ms);
      timers.add(t);
      return () => void timers.delete(t);
    },
    fire() {
      for (const t of [...timers]) timers.delete(t), t.fn();
    },
  };
  return Object.assign(clock, { pending: () => timers.size });
}

describe('queryTarget', () => {
  it.each([
    { name: 'first rendered match', markup: '<b id="h" class="t" data-unrendered></b><i id="v" class="t"></i>', selector: '.t', id: 'v' },
    { name: 'hidden through an ancestor', markup: '<div data-unrendered><a class="t" id="x"></a></div>', selector: '.t', id: null },
    { name: 'no match', markup: '<p></p>', selector: '#missing', id: null },
    { name: 'invalid selector', markup: '<p></p>', selector: 'p[', id: null },
    { name: 'attribute selector', markup: '<button data-action="export" id="e"></button>', selector: '[data-action=export]', id: 'e' },
  ])('$name', ({ markup, selector, id }) => {
    html(markup);
    expect(queryTarget(selector, document)?.id ?? null).toBe(id);
  });

  it('ignores detached elements', () => {
    const el = document.createElement('div');
    el.className = 'gone';
    expect(queryTarget('.gone', document)).toBeNull();
    document.body.append(el);
    expect(queryTarget('.gone', document)).toBe(el);
  });
});

describe('matchesSelector', () => {
  it.each([
    { name: 'the element itself', selector: '#save', expected: true },
    { name: 'an ancestor', selector: 'form', expected: true },
    { name: 'unrelated', selector: '#other', expected: false },
    { name: 'invalid selector', selector: '#save[', expected: false },
  ])('$name', ({ selector, expected }) => {
    html('<form><button id="save"><span id="icon">💾</span></button></form>');
    const icon = document.getElementById('icon')!;
    expect(matchesSelector(selector === '#save' ? document.getElementById('save')! : icon, selector)).toBe(expected);
  });
});

describe('waitForTarget', () => {
  let watcher: DomWatcher;
  beforeEach(() => void (watcher = createDomWatcher(document)));
  afterEach(() => watcher.dispose());
  const delivered = () => new Promise((r) => setTimeout(r, 0));

  it('resolves at once when the target is there, without a timer or subscription', async () => {
    html('<p id="here"></p>');
    const clock = manualClock();
    const subscribe = vi.spyOn(watcher, 'subscribe');
    const { promise } = waitForTarget('#here', watcher, { timeout: 5000, clock, doc: document });
    expect((await promise)?.id).toBe('here');
    expect(clock.delays).toEqual([]);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('resolves for a late element from the mutation callback, with no polling', async () => {
    // happy-dom delivers mutation records in a microtask, so any timer or frame seen here would be ours.
    const scheduled = [
      vi.spyOn(globalThis, 'setInterval'),
      vi.spyOn(globalThis, 'setTimeout'),
      vi.spyOn(window, 'setInterval'),
      vi.spyOn(window, 'setTimeout'),
      vi.spyOn(window, 'requestAnimationFrame'),
    ];
    const clock = manualClock();
    const { promise } = waitForTarget('#late', watcher, { timeout: 5000, clock, doc: document });
    const settled = vi.fn();
    void promise.then(settled);
    html('<p>not yet</p>');
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    html('<div><p id="late"></p></div>');
    expect((await promise)?.id).toBe('late');
    for (const spy of scheduled) expect(spy).not.toHaveBeenCalled();
    expect(clock.delays).toEqual([5000]);
    expect(clock.pending()).toBe(0);
  });

  it('resolves null after the timeout', async () => {
    const clock = manualClock();
    const { promise } = waitForTarget('#never', watcher, { timeout: 3000, clock, doc: document });
    expect(clock.delays).toEqual([3000]);
    clock.fire();
    expect(await promise).toBeNull();
  });

  it.each([
    { name: 'timeout', end: (w: { clock: ReturnType<typeof manualClock> }) => w.clock.fire() },
    { name: 'target found', end: (w: { notify: () => void }) => (html('<p id="t"></p>'), w.notify()) },
    { name: 'cancel', end: (w: { cancel: () => void }) => w.cancel() },
  ])('releases the subscription and the timer on $name', ({ end }) => {
    const off = vi.fn();
    let notify = () => {};
    const fake: DomWatcher = {
      subscribe: (cb, options) => ((notify = cb), expect(options).toEqual({ immediate: true }), off),
      dispose: () => {},
    };
    const clock = manualClock();
    const { cancel } = waitForTarget('#t', fake, { timeout: 3000, clock, doc: document });
    end({ clock, notify, cancel });
    expect(off).toHaveBeenCalled();
    expect(clock.pending()).toBe(0);
  });

  it('cancel releases the timer and the subscription and leaves the promise unsettled', async () => {
    const clock = manualClock();
    const { promise, cancel } = waitForTarget('#x', watcher, { timeout: 3000, clock, doc: document });
    const settled = vi.fn();
    void promise.then(settled, settled);
    cancel();
    cancel();
    expect(clock.pending()).toBe(0);
    html('<p id="x"></p>');
    await delivered();
    expect(settled).not.toHaveBeenCalled();
  });

  it('waits without a timer when the timeout is Infinity', () => {
    const clock = manualClock();
    const { cancel } = waitForTarget('#x', watcher, { timeout: Infinity, clock, doc: document });
    expect(clock.delays).toEqual([]);
    cancel();
  });

  it('accepts any target and says what was tried up to the match', async () => {
    const clock = manualClock();
    const target = ['#missing', { role: 'button', name: 'New expense' }, { text: 'New' }];
    const { promise } = waitForTargetDetailed(target, watcher, { timeout: 5000, clock, doc: document });
    html('<button id="b">New expense</button>');
    expect(await promise).toEqual({
      element: document.getElementById('b'),
      tried: ['#missing', 'role=button[name="New expense"]'],
    });
  });

  it('finds a late target inside a shadow root that was already there, mutations in it only', async () => {
    html('<x-panel id="host"></x-panel>');
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    const clock = manualClock();
    const { promise } = waitForTarget({ role: 'button', name: 'Approve' }, watcher, { timeout: 5000, clock, doc: document });
    const button = document.createElement('button');
    button.textContent = 'Approve';
    root.append(button);
    expect(await promise).toBe(button);
    expect(clock.pending()).toBe(0);
  });

  it('searches what a mutation adds, shadow roots included, without walking the page again', async () => {
    html('<main><p>page</p></main>');
    const clock = manualClock();
    const { promise } = waitForTarget({ role: 'button', name: 'Approve' }, watcher, { timeout: 5000, clock, doc: document });
    const walks = vi.spyOn(document, 'createTreeWalker');
    const host = document.createElement('x-card');
    const button = document.createElement('button');
    button.textContent = 'Approve';
    host.attachShadow({ mode: 'open' }).append(button);
    document.querySelector('main')!.append(host);
    expect(await promise).toBe(button);
    // The new element and its shadow root were walked, the document not again.
    const walked = walks.mock.calls.map(([root]) => root);
    expect(walked).not.toContain(document);
    expect(new Set(walked)).toEqual(new Set([host, host.shadowRoot]));
  });

  it('finds a shadow root attached to an element already there by walking the page again, a second later', async () => {
    html('<x-late id="host"></x-late><main></main>');
    const clock = manualClock();
    const { promise } = waitForTarget('#deep', watcher, { timeout: 5000, clock, doc: document });
    const settled = vi.fn();
    void promise.then(settled);
    // No mutation announces a shadow root: the page mutating elsewhere is what makes us look again.
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.append(Object.assign(document.createElement('p'), { id: 'deep' }));
    document.querySelector('main')!.append(document.createElement('p'));
    await delivered();
    expect(settled).not.toHaveBeenCalled();
    clock.at += 1000;
    document.querySelector('main')!.append(document.createElement('p'));
    expect((await promise)?.id).toBe('deep');
  });
});
