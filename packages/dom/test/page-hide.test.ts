// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onPageHide } from '../src/page-hide.ts';

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
};
const pagehide = () => window.dispatchEvent(new Event('pagehide'));
const pageshow = () => window.dispatchEvent(new Event('pageshow'));
afterEach(() => void Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' }));

describe('onPageHide', () => {
  it.each([
    { name: 'tab closed: hidden, then pagehide', run: () => (setVisibility('hidden'), pagehide()), calls: 1 },
    { name: 'tab closed: pagehide, then hidden', run: () => (pagehide(), setVisibility('hidden')), calls: 1 },
    { name: 'tab switched away and back', run: () => (setVisibility('hidden'), setVisibility('visible')), calls: 1 },
    { name: 'hidden twice with a visit between', run: () => (setVisibility('hidden'), setVisibility('visible'), setVisibility('hidden')), calls: 2 },
    { name: 'back-forward cache: pagehide, pageshow, pagehide', run: () => (pagehide(), pageshow(), pagehide()), calls: 2 },
    { name: 'visible only', run: () => setVisibility('visible'), calls: 0 },
  ])('calls back once per hide: $name', ({ run, calls }) => {
    const cb = vi.fn();
    const stop = onPageHide(cb, window);
    run();
    expect(cb).toHaveBeenCalledTimes(calls);
    stop();
  });

  it('hears the events even when the host page stops their propagation', () => {
    const cb = vi.fn();
    const stop = onPageHide(cb, window);
    const block = (e: Event) => e.stopImmediatePropagation();
    document.addEventListener('visibilitychange', block);
    setVisibility('hidden');
    expect(cb).toHaveBeenCalledTimes(1);
    document.removeEventListener('visibilitychange', block);
    stop();
  });

  it('stops after its disposer, and keeps a failing callback from reaching the page', () => {
    const cb = vi.fn(() => {
      throw new Error('flush failed');
    });
    const stop = onPageHide(cb, window);
    expect(() => pagehide()).not.toThrow();
    pageshow();
    stop();
    pagehide();
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('does nothing without a window', () => {
    expect(() => onPageHide(vi.fn(), undefined)()).not.toThrow();
  });
});
