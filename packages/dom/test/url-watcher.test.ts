// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchUrl } from '../src/url-watcher.ts';

const nativePush = history.pushState;
const nativeReplace = history.replaceState;
// Moves the URL the way the browser does on back/forward or an anchor: without going through our wrappers.
const silently = (path: string) => nativeReplace.call(history, null, '', path);
const origin = () => location.origin;

beforeEach(() => silently('/start'));
afterEach(() => {
  history.pushState = nativePush;
  history.replaceState = nativeReplace;
  delete (window as { navigation?: unknown }).navigation;
});

describe('watchUrl', () => {
  it.each([
    { name: 'pushState', navigate: () => history.pushState({}, '', '/a') , path: '/a' },
    { name: 'replaceState', navigate: () => history.replaceState({}, '', '/b?x=1'), path: '/b?x=1' },
    { name: 'popstate', navigate: () => (silently('/c'), window.dispatchEvent(new PopStateEvent('popstate'))), path: '/c' },
    { name: 'hashchange', navigate: () => (silently('/start#d'), window.dispatchEvent(new HashChangeEvent('hashchange'))), path: '/start#d' },
  ])('reports the new href on $name', ({ navigate, path }) => {
    const cb = vi.fn();
    const stop = watchUrl(cb, window);
    navigate();
    expect(cb.mock.calls).toEqual([[origin() + path]]);
    stop();
  });

  it('reports navigatesuccess from the Navigation API where present', () => {
    const navigation = new EventTarget();
    (window as { navigation?: EventTarget }).navigation = navigation;
    const cb = vi.fn();
    const stop = watchUrl(cb, window);
    silently('/nav');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(cb.mock.calls).toEqual([[origin() + '/nav']]);
    stop();
    silently('/after');
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('stays silent when the href did not change', () => {
    const cb = vi.fn();
    const stop = watchUrl(cb, window);
    history.replaceState({ scroll: 1 }, '');
    history.pushState({}, '', '/start');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(cb).not.toHaveBeenCalled();
    stop();
  });

  it('keeps pushState working for the host', () => {
    const stop = watchUrl(() => {}, window);
    history.pushState({ n: 1 }, '', '/kept');
    expect(history.state).toEqual({ n: 1 });
    expect(location.pathname).toBe('/kept');
    stop();
  });

  it("lets the host's own pushState error through, without a notification", () => {
    const refused = new DOMException('cross-origin', 'SecurityError');
    history.pushState = () => {
      throw refused;
    };
    const cb = vi.fn();
    const stop = watchUrl(cb, window);
    expect(() => history.pushState({}, '', '/x')).toThrow(refused);
    expect(cb).not.toHaveBeenCalled();
    stop();
  });

  it('wraps the history methods once for several watchers and restores them after the last', () => {
    const a = vi.fn();
    const b = vi.fn();
    const stopA = watchUrl(a, window);
    const wrapped = history.pushState;
    const stopB = watchUrl(b, window);
    expect(history.pushState).toBe(wrapped);
    expect(wrapped).not.toBe(nativePush);
    history.pushState({}, '', '/both');
    stopA();
    stopA();
    expect(history.pushState).toBe(wrapped);
    history.pushState({}, '', '/only-b');
    expect(a.mock.calls.map(([h]) => h)).toEqual([origin() + '/both']);
    expect(b.mock.calls.map(([h]) => h)).toEqual([origin() + '/both', origin() + '/only-b']);
    stopB();
    expect(history.pushState).toBe(nativePush);
    expect(history.replaceState).toBe(nativeReplace);
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState({}, '', '/none');
    expect(b).toHaveBeenCalledTimes(2);
  });

  it("leaves a later wrapper in place rather than removing someone else's", () => {
    const stop = watchUrl(() => {}, window);
    const ours = history.pushState;
    const theirs = vi.fn(function (this: History, ...args: Parameters<History['pushState']>) {
      ours.apply(this, args);
    });
    history.pushState = theirs;
    stop();
    expect(history.pushState).toBe(theirs);
    expect(history.replaceState).toBe(nativeReplace);
  });

  it('isolates a throwing callback from the host and from other watchers', () => {
    const other = vi.fn();
    const stopA = watchUrl(() => { throw new Error('ours'); }, window);
    const stopB = watchUrl(other, window);
    expect(() => history.pushState({}, '', '/safe')).not.toThrow();
    expect(other).toHaveBeenCalledWith(origin() + '/safe');
    stopA();
    stopB();
  });
});
