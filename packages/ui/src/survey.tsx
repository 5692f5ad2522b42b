/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus } from './focus.ts';
import type { Translate } from './i18n.ts';
import { Question } from './question.tsx';
import type { SurveyView, UiActions } from './types.ts';

export interface SurveyProps {
  view: SurveyView;
  t: Translate;
  act: UiActions;
  rtl: boolean;
}

/** A standalone question: a centred, non-modal dialog named by the question; closing it dismisses the survey. */
export function Survey({ view, t, act, rtl }: SurveyProps) {
  const box = useRef<HTMLDivElement>(null);
  const { guideId: id } = view;
  useLayoutEffect(() => focus(box.current!), [id]);
  return (
    <Dialog box={box} class="s c" id="qh" view={view} t={t} onClose={() => act.dismiss(id, 'close')}>
      <Question key={id} q={view.question} label="qh" t={t} rtl={rtl} onAnswer={(v) => act.answer(id, v)} />
    </Dialog>
  );
}
