// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUi } from '../src/index.ts';
import type { UiActions, UiState } from '../src/index.ts';
import { checklist, getByRole, recorder, shadow, state, step, tooltip } from './dom.ts';

// Counts live autoUpdate subscriptions, to prove every one is cleaned up.
const live = vi.hoisted(() => new Set<object>());
vi.mock('@floating-ui/dom', async (original) => {
  const real = await original<typeof import('@floating-ui/dom')>();
  return {
    ...real,
    autoUpdate: (...args: Parameters<typeof real.autoUpdate>) => {
      const stop = real.autoUpdate(...args);
      const token = {};
      live.add(token);
      return () => {
        live.delete(token);
        stop();
      };
    },
  };
});

const hosts = () => document.querySelectorAll('[data-compagnon]');
afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('dir');
});

describe('mount', () => {
  it('creates nothing until there is something to show', async () => {
    const ui = createUi();
    await act(() => ui.render(state(), recorder()));
    expect(hosts()).toHaveLength(0);
    await act(() => ui.render(state({ checklists: [checklist()] }), recorder()));
    await act(() => ui.render(state({ tour: step() }), recorder()));
    expect(hosts()).toHaveLength(1);
    ui.destroy();
  });

  it('one isolated host with an open shadow root and one adopted stylesheet', async () => {
    const ui = createUi({ zIndex: 42 });
    await act(() => ui.render(state({ tour: step() }), recorder()));
    const host = hosts()[0] as HTMLElement;
    expect(host.parentNode).toBe(document.body);
    expect(host.shadowRoot?.mode).toBe('open');
    expect(host.getAttribute('style')).toMatch(/^all:\s*initial;.*position:\s*fixed.*z-index:\s*var\(--compagnon-z,\s*42\)/);
    expect(shadow().adoptedStyleSheets).toHaveLength(1);
    expect(shadow().querySelectorAll('style')).toHaveLength(0);
    ui.destroy();
  });

  it('falls back to a <style nonce> when constructable sheets fail', async () => {
    vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new TypeError('Illegal constructor');
    });
    const ui = createUi({ nonce: 'n0nce' });
    await act(() => ui.render(state({ tour: step() }), recorder()));
    const styles = shadow().querySelectorAll('style');
    expect([styles.length, styles[0]?.nonce, styles[0]?.textContent?.includes('--compagnon-accent')]).toEqual([1, 'n0nce', true]);
    ui.destroy();
  });

  it.each([
    { name: 'ltr page', dir: '', locale: 'en', host: ['ltr', 'en'] },
    { name: 'rtl page', dir: 'rtl', locale: 'fr', host: ['rtl', 'fr'] },
  ] as const)('host follows the $name', async ({ dir, locale, host }) => {
    document.documentElement.dir = dir;
    const ui = createUi();
    await act(() => ui.render(state({ locale, tour: step() }), recorder()));
    const el = hosts()[0] as HTMLElement;
    expect([el.dir, el.lang]).toEqual(host);
    ui.destroy();
  });

  it('destroy removes the host and every listener and autoUpdate', async () => {
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    const target = document.body.appendChild(document.createElement('button'));
    const ui = createUi();
    await act(() =>
      ui.render(state({ tour: step({ target }), tooltips: [tooltip(target, { open: true })] }), recorder()),
    );
    expect(live.size).toBe(4); // step, spotlight, beacon, tip
    await act(() => ui.render(state({ tour: step({ target: null }), tooltips: [tooltip(target)] }), recorder()));
    expect(live.size).toBe(1); // beacon
    ui.destroy();
    ui.destroy();
    expect({ hosts: hosts().length, live: live.size }).toEqual({ hosts: 0, live: 0 });
    expect(removed.mock.calls.filter(([type]) => type === 'keydown')).toEqual(
      added.mock.calls.filter(([type]) => type === 'keydown'),
    );
  });

  it('puts the host back when the page wiped <body>', async () => {
    const ui = createUi();
    await act(() => ui.render(state({ tour: step() }), recorder()));
    document.body.replaceChildren();
    await act(() => ui.render(state({ tour: step({ stepId: 's2', title: 'Again' }) }), recorder()));
    expect(getByRole(shadow(), 'dialog', 'Again').isConnected).toBe(true);
    ui.destroy();
  });

  it('can render again after destroy', async () => {
    const ui = createUi();
    await act(() => ui.render(state({ tour: step() }), recorder()));
    ui.destroy();
    await act(() => ui.render(state({ tour: step() }), recorder()));
    expect(getByRole(shadow(), 'dialog', 'Start here').tagName).toBe('DIV');
    ui.destroy();
  });

  it.each([
    { name: 'malformed state', state: { ...state({ tour: step() }), tooltips: null } as unknown as UiState, actions: recorder() },
    {
      name: 'an action that throws',
      state: state({ tour: step() }),
      actions: {
        ...recorder(),
        next: () => {
          throw new Error('boom');
        },
      } satisfies UiActions,
    },
  ])('never throws into the page: $name', async ({ state: s, actions }) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ui = createUi();
    await act(() => ui.render(s, actions));
    (hosts()[0]?.shadowRoot?.querySelector('.pr') as HTMLElement | null)?.click();
    expect(warn).toHaveBeenCalledWith('[compagnon]', expect.any(Error));
    ui.destroy();
  });

  it('uses the given document', async () => {
    const other = document.implementation.createHTMLDocument('other');
    const ui = createUi({ document: other });
    await act(() => ui.render(state({ tour: step() }), recorder()));
    expect([hosts().length, other.querySelectorAll('[data-compagnon]').length]).toEqual([0, 1]);
    ui.destroy();
    expect(other.querySelectorAll('[data-compagnon]')).toHaveLength(0);
  });
});
