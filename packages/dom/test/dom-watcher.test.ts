// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDomWatcher } from '../src/dom-watcher.ts';

// Frames run by hand; observers counted and flagged while their callback runs.
let frames: Map<number, FrameRequestCallback>;
let live: Set<MutationObserver>;
let inObserver = false;
const Native = window.MutationObserver;

beforeEach(() => {
  frames = new Map();
  live = new Set();
  let id = 0;
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => (frames.set(++id, cb), id));
  vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((handle) => void frames.delete(handle));
  window.MutationObserver = class extends Native {
    constructor(cb: MutationCallback) {
      super((records, observer) => {
        inObserver = true;
        try {
          cb(records, observer);
        } finally {
          inObserver = false;
        }
      });
    }
    override observe(target: Node, options?: MutationObserverInit) {
      live.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      live.delete(this);
      super.disconnect();
    }
  };
  document.body.replaceChildren();
});
afterEach(() => {
  window.MutationObserver = Native;
  vi.restoreAllMocks();
});

const delivered = () => new Promise((r) => setTimeout(r, 0));
const runFrames = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(0);
};
const mutate = (count: number) => {
  for (let i = 0; i < count; i++) document.body.append(document.createElement('p'));
  document.body.setAttribute('data-x', String(count));
};

describe('createDomWatcher', () => {
  it('calls a normal subscriber once per frame however many mutations', async () => {
    const watcher = createDomWatcher(document);
    const cb = vi.fn();
    watcher.subscribe(cb);
    mutate(5);
    await delivered();
    mutate(3);
    await delivered();
    expect(cb).not.toHaveBeenCalled();
    expect(frames.size).toBe(1);
    runFrames();
    expect(cb).toHaveBeenCalledTimes(1);
    mutate(1);
    await delivered();
    runFrames();
    expect(cb).toHaveBeenCalledTimes(2);
    watcher.dispose();
  });

  it('calls an immediate subscriber inside the observer callback, before any frame', async () => {
    const watcher = createDomWatcher(document);
    const seen: boolean[] = [];
    watcher.subscribe(() => seen.push(inObserver), { immediate: true });
    mutate(2);
    await delivered();
    expect(seen).toEqual([true]);
    expect(frames.size).toBe(0);
    watcher.dispose();
  });

  it.each([
    { name: 'attribute change', change: () => document.body.setAttribute('class', 'open') },
    { name: 'insertion deep in the tree', change: () => document.body.append(document.createElement('div')) },
    { name: 'removal', change: () => document.body.firstElementChild!.remove() },
  ])('observes $name', async ({ change }) => {
    document.body.append(document.createElement('section'));
    const watcher = createDomWatcher(document);
    const cb = vi.fn();
    watcher.subscribe(cb, { immediate: true });
    change();
    await delivered();
    expect(cb).toHaveBeenCalledTimes(1);
    watcher.dispose();
  });

  it('isolates a throwing subscriber and logs it', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const watcher = createDomWatcher(document, log);
    const calls: string[] = [];
    for (const immediate of [true, false]) {
      watcher.subscribe(() => { throw new Error('bad'); }, { immediate });
      watcher.subscribe(() => calls.push(immediate ? 'immediate' : 'frame'), { immediate });
    }
    mutate(1);
    await delivered();
    expect(() => runFrames()).not.toThrow();
    expect(calls).toEqual(['immediate', 'frame']);
    expect(log.error).toHaveBeenCalledTimes(2);
    watcher.dispose();
  });

  it('skips a subscriber removed by an earlier one in the same batch', async () => {
    const watcher = createDomWatcher(document);
    const second = vi.fn();
    let off = () => {};
    watcher.subscribe(() => off(), { immediate: true });
    off = watcher.subscribe(second, { immediate: true });
    mutate(1);
    await delivered();
    expect(second).not.toHaveBeenCalled();
    watcher.dispose();
  });

  it('observes only while someone subscribes', async () => {
    const watcher = createDomWatcher(document);
    expect(live.size).toBe(0);
    const offA = watcher.subscribe(() => {});
    const offB = watcher.subscribe(() => {}, { immediate: true });
    expect(live.size).toBe(1);
    mutate(1);
    await delivered();
    offA();
    offA();
    expect(live.size).toBe(1);
    offB();
    expect(live.size).toBe(0);
    expect(frames.size).toBe(0);
    watcher.subscribe(() => {});
    expect(live.size).toBe(1);
    watcher.dispose();
  });

  it('dispose disconnects, cancels the pending frame, and makes later subscriptions inert', async () => {
    const watcher = createDomWatcher(document);
    const cb = vi.fn();
    watcher.subscribe(cb);
    mutate(1);
    await delivered();
    expect(frames.size).toBe(1);
    watcher.dispose();
    expect(live.size).toBe(0);
    expect(frames.size).toBe(0);
    const late = vi.fn();
    const off = watcher.subscribe(late, { immediate: true });
    expect(live.size).toBe(0);
    mutate(1);
    await delivered();
    runFrames();
    expect(late).not.toHaveBeenCalled();
    expect(cb).not.toHaveBeenCalled();
    expect(() => off()).not.toThrow();
  });

  it('observes a shadow root it is given while someone subscribes, and forgets it after', async () => {
    const root = document.body.appendChild(document.createElement('x-host')).attachShadow({ mode: 'open' });
    const watcher = createDomWatcher(document);
    watcher.observe!(root);
    const cb = vi.fn();
    let off = watcher.subscribe(cb, { immediate: true });
    root.append(document.createElement('p'));
    await delivered();
    expect(cb).not.toHaveBeenCalled();
    watcher.observe!(root);
    watcher.observe!(root);
    root.append(document.createElement('p'));
    await delivered();
    expect(cb).toHaveBeenCalledTimes(1);
    off();
    off = watcher.subscribe(cb, { immediate: true });
    root.append(document.createElement('p'));
    await delivered();
    expect(cb).toHaveBeenCalledTimes(1);
    watcher.dispose();
  });

  it.each([
    // `frame`: happy-dom would try (and fail, noisily) to load an iframe.
    { name: 'a frame loading calls back', tag: 'frame', calls: 1 },
    { name: 'an image loading does not', tag: 'img', calls: 0 },
  ])('$name, in the document and in watched roots', async ({ tag, calls }) => {
    const root = document.body.appendChild(document.createElement('x-host')).attachShadow({ mode: 'open' });
    const inDocument = document.body.appendChild(document.createElement(tag));
    const inRoot = root.appendChild(document.createElement(tag));
    const watcher = createDomWatcher(document);
    const cb = vi.fn();
    const off = watcher.subscribe(cb, { immediate: true });
    watcher.observe!(root);
    await delivered();
    cb.mockClear();
    for (const el of [inDocument, inRoot]) el.dispatchEvent(new Event('load'));
    expect(cb).toHaveBeenCalledTimes(2 * calls);
    off();
    inDocument.dispatchEvent(new Event('load'));
    expect(cb).toHaveBeenCalledTimes(2 * calls);
    watcher.dispose();
  });
});
