/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Announcement } from './announcement.tsx';
import { Centre } from './centre.tsx';
import { checklist } from './checklist.tsx';
import { translator } from './i18n.ts';
import { Step } from './step.tsx';
import { Survey } from './survey.tsx';
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

/** What Esc closes, the foremost only; `null` when nothing can (a banner never took focus: it stays). */
function closer({ tour, announcement: a, survey, resourceCentres, tooltips }: UiState, act: UiActions) {
  const centre = resourceCentres.find((c) => c.open);
  const tips = tooltips.filter((tip) => tip.open);
  return tour
    ? () => act.dismiss(tour.guideId, 'escape')
    : a && a.display != 'banner'
      ? () => act.closeAnnouncement(a.guideId)
      : survey
        ? () => act.dismiss(survey.guideId, 'escape')
        : centre
          ? () => act.toggleResourceCentre(centre.guideId, false)
          : tips.length
            ? () => tips.forEach((tip) => act.toggleTooltip(tip.guideId, false))
            : null;
}

export function App({ state, act, doc, rtl }: AppProps) {
  const { tour, tooltips, checklists, announcement, survey, resourceCentres } = state;
  const t = translator(state.locale);
  const latest = useRef(state);
  latest.current = state;
  const listening = !!closer(state, act);

  // Document-level and capturing so Esc works wherever focus is; only registered while something can close.
  useLayoutEffect(() => {
    if (!listening) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key == 'Escape') closer(latest.current, act)?.();
    };
    doc.addEventListener('keydown', onKey, true);
    return () => doc.removeEventListener('keydown', onKey, true);
  }, [listening]);

  return [
    tooltips.map((tip, n) => <Tip key={tip.guideId} tip={tip} n={n} t={t} act={act} />),
    checklists.length > 0 && <div class="st">{checklists.map((list, n) => checklist(list, n, t, act))}</div>,
    resourceCentres.map((centre, n) => <Centre key={centre.guideId} centre={centre} n={n} t={t} act={act} />),
    announcement && <Announcement key={announcement.guideId} view={announcement} t={t} act={act} />,
    survey && <Survey view={survey} t={t} act={act} rtl={rtl} />,
    tour && <Step step={tour} t={t} act={act} rtl={rtl} />,
  ];
}
