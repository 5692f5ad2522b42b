import { h, render } from 'preact';
import { App } from './app.tsx';
import { deepActive, focus } from './focus.ts';
import { adoptStyles } from './styles.ts';
import type { Ui, UiActions, UiOptions, UiState } from './types.ts';

const warn = (error: unknown) => console.warn('[compagnon]', error);

export function createUi(options: UiOptions = {}): Ui {
  const doc = options.document ?? document;
  let host: HTMLElement | null = null;
  let actions: UiActions | null = null;
  let before: Element | null = null;
  /** The foreground surface (tour step, announcement or survey) last shown, `''` for none. */
  let front = '';

  // Stable across renders, so effects never re-subscribe for a new actions object; a throwing action stays ours.
  const act = new Proxy({} as UiActions, {
    get: (_, name) =>
      (...args: unknown[]) => {
        try {
          (actions?.[name as keyof UiActions] as ((...a: unknown[]) => void) | undefined)?.(...args);
        } catch (error) {
          warn(error);
        }
      },
  });

  // Give focus back only if it is ours to give: lost with a removed dialog, or still inside the UI. A user who
  // clicked elsewhere in the page (the target that ended the tour) keeps it.
  const restore = () => {
    const el = before as HTMLElement | null;
    const now = deepActive(doc);
    before = null;
    if (el?.isConnected && (!now || now === doc.body || host?.contains(now) || now.getRootNode() === host?.shadowRoot))
      focus(el);
  };

  const mount = (): HTMLElement => {
    const el = doc.createElement('div');
    el.dataset.compagnon = '';
    // Inline, so no host-page rule on div can outrank it; `all` leaves custom properties alone, so theming works.
    // No box needed: everything inside is fixed to the viewport, `position` is only there for `z-index`.
    el.style.cssText = `all:initial;position:fixed;z-index:var(--compagnon-z,${options.zIndex ?? 2147483647})`;
    // The top layer: above every z-index of the page (a host overlay at 2147483647 included). `manual`: no
    // light dismiss. Where the popover API is missing, the z-index above is the fallback.
    if ('showPopover' in el) el.popover = 'manual';
    adoptStyles(el.attachShadow({ mode: 'open' }), options.nonce);
    return el;
  };

  let leave: AbortController | undefined;
  return {
    render(state, next) {
      try {
        actions = next;
        const { tour, announcement, survey } = state;
        const fg = tour ? tour.guideId + tour.stepId : (announcement || survey)?.guideId ?? '';
        const some = fg || state.tooltips.length || state.checklists.length || state.resourceCentres.length;
        if (!host && !some) return;
        host ??= mount();
        // Apps that re-render <body> wholesale (some SPA routers) drop our host: put it back. While the page shows
        // a modal <dialog>, everything outside it is inert, top layer included: we live inside it until it closes.
        const parent = topModal(doc) ?? doc.body;
        if (host.parentNode !== parent) {
          parent.appendChild(host);
          // When that dialog closes, back to <body> and on top again (the next render would be too late).
          // Removed on destroy: a page's long-lived dialog would otherwise hold the destroyed UI until it closes.
          leave?.abort();
          leave = new AbortController();
          if (parent !== doc.body) parent.addEventListener('close', () => {
            if (host?.parentNode !== parent) return;
            doc.body.appendChild(host);
            if (host.popover) host.showPopover();
          }, { once: true, signal: leave.signal });
        }
        if (fg && !front) before = deepActive(doc);
        // Shown again for each new step or notice, so that it also rises above top-layer elements (a modal
        // <dialog>, a popover) the page opened since. Before rendering: the new surface then takes focus.
        if (host.popover && (fg != front || !host.matches(':popover-open'))) {
          host.hidePopover();
          host.showPopover();
        }
        host.dir = doc.documentElement.dir || 'ltr'; // read per render: apps switch direction at runtime
        host.lang = state.locale;
        render(h(App, { state, act, doc, rtl: host.dir === 'rtl' }), host.shadowRoot!);
        if (front && !fg) restore();
        front = fg;
      } catch (error) {
        warn(error);
      }
    },
    destroy() {
      try {
        if (host) render(null, host.shadowRoot!);
      } catch (error) {
        warn(error);
      }
      // Even after a failed unmount the host must go.
      host?.remove();
      if (front) restore();
      leave?.abort();
      host = actions = null;
      front = '';
    },
  };
}

/** The page's topmost open modal `<dialog>`, if any (`:modal` throws where unsupported: then none). */
function topModal(doc: Document): Element | undefined {
  try {
    const open = doc.querySelectorAll('dialog:modal');
    return open[open.length - 1];
  } catch {
    return undefined;
  }
}
