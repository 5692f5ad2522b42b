/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { checklist } from './checklist.tsx';
import { translator } from './i18n.ts';
import { Step } from './step.tsx';
import { Tip } from './tooltip.tsx';
import type { UiActions, UiState } from './types.ts';

// Classic JSX (`h`), not the automatic runtime: no `children` key per element, and no preact/jsx-runtime in
// the bundle. Buttons carry no `type="button"`: nothing in our shadow root is inside a form.

export interface AppProps {
  state: UiState;
  act: UiActions;
  doc: Document;
  rtl: boolean;
}

export function App({ state, act, doc, rtl }: AppProps) {
  const { tour, tooltips, checklists } = state;
  const t = translator(state.locale);
  const latest = useRef(state);
  latest.current = state;
  const listening = !!tour || tooltips.some((tip) => tip.open);

  // Document-level and capturing so Esc works wherever focus is; only registered while something can close.
  useLayoutEffect(() => {
    if (!listening) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      const { tour, tooltips } = latest.current;
      if (tour) act.dismiss(tour.guideId, 'escape');
      else for (const tip of tooltips) if (tip.open) act.toggleTooltip(tip.guideId, false);
    };
    doc.addEventListener('keydown', onKey, true);
    return () => doc.removeEventListener('keydown', onKey, true);
  }, [listening]);

  return [
    tooltips.map((tip, n) => <Tip key={tip.guideId} tip={tip} n={n} t={t} act={act} />),
    checklists.length > 0 && <div class="st">{checklists.map((list, n) => checklist(list, n, t, act))}</div>,
    tour && <Step step={tour} t={t} act={act} rtl={rtl} />,
  ];
}
