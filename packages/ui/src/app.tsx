/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Checklist } from './checklist.tsx';
import { strings } from './i18n.ts';
import { Step } from './step.tsx';
import { Tip } from './tooltip.tsx';
import type { UiActions, UiState } from './types.ts';

export interface AppProps {
  state: UiState;
  act: UiActions;
  doc: Document;
  rtl: boolean;
}

export function App({ state, act, doc, rtl }: AppProps) {
  const t = strings(state.locale);
  const latest = useRef(state);
  latest.current = state;
  const listening = !!state.tour || state.tooltips.some((tip) => tip.open);

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

  return (
    <>
      {state.tooltips.map((tip, n) => (
        <Tip key={tip.guideId} tip={tip} n={n} t={t} act={act} />
      ))}
      {state.checklists.length > 0 && (
        <div class="st">
          {state.checklists.map((list, n) => (
            <Checklist key={list.guideId} list={list} n={n} t={t} act={act} />
          ))}
        </div>
      )}
      {state.tour && <Step step={state.tour} t={t} act={act} rtl={rtl} />}
    </>
  );
}
