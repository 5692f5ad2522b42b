/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus, trap } from './focus.ts';
import { progress } from './i18n.ts';
import type { Translate } from './i18n.ts';
import { cover, float, reveal } from './position.ts';
import { Question } from './question.tsx';
import type { StepView, UiActions } from './types.ts';

export interface StepProps {
  step: StepView;
  t: Translate;
  act: UiActions;
  rtl: boolean;
}

/** The tour's step: a dialog next to its target (with spotlight and arrow) or centred over a backdrop. */
export function Step({ step, t, act, rtl }: StepProps) {
  const box = useRef<HTMLDivElement>(null);
  const arrow = useRef<HTMLDivElement>(null);
  const hole = useRef<HTMLDivElement>(null);
  const { guideId: id, target, index, modal, placement, survey } = step;
  const last = index >= step.count - 1;
  const forward = () => (last ? act.done(id) : act.next(id));

  useLayoutEffect(() => {
    if (!target) return;
    reveal(target);
    const unfloat = float(target, box.current!, placement, arrow.current);
    const uncover = cover(target, hole.current!);
    return () => {
      unfloat();
      uncover();
    };
  }, [target, placement]);

  // Per step, not per render: a re-render of the same step must not pull focus back from where the user put it.
  useLayoutEffect(() => focus(box.current!), [id, step.stepId]);

  useLayoutEffect(() => {
    if (!target || !step.advanceOnClick) return;
    target.addEventListener('click', forward);
    return () => target.removeEventListener('click', forward);
  }, [target, step.advanceOnClick, id, last]);

  // Arrows follow reading direction: in rtl, "next" is to the left.
  const [backKey, nextKey] = rtl ? ['ArrowRight', 'ArrowLeft'] : ['ArrowLeft', 'ArrowRight'];
  const onKeyDown = (e: KeyboardEvent) => {
    if (modal) trap(e, box.current!);
    if (e.key === nextKey && !last && !survey) act.next(id);
    else if (e.key === backKey && index > 0) act.back(id);
    else return;
    e.preventDefault();
  };

  return [
    // Keyed: the spotlight carries inline coordinates that must not leak onto a reused backdrop div.
    target ? <div key="sp" class="sp" ref={hole} /> : <div key="bd" class={modal ? 'bd m' : 'bd'} />,
    <Dialog
      box={box}
      class={target ? 's' : 's c'}
      id="sh"
      view={step}
      t={t}
      onClose={() => act.dismiss(id, 'close')}
      arrow={!!target && arrow}
      modal={modal}
      onKeyDown={onKeyDown}
    >
      {survey && <Question key={step.stepId} q={survey} label="sh" t={t} rtl={rtl} onAnswer={(v) => act.answer(id, v)} />}
      <div class="f">
        <span class="n">{progress(t, index + 1, step.count)}</span>
        {step.skippable && !last && <button onClick={() => act.skip(id)}>{t('Skip tour')}</button>}
        {step.canSnooze && <button onClick={() => act.snooze(id)}>{t('Remind me tomorrow')}</button>}
        {index > 0 && <button onClick={() => act.back(id)}>{t('Back')}</button>}
        {/* A survey step moves on when answered. */}
        {!survey && (
          <button class="pr" onClick={forward}>
            {t(last ? 'Done' : 'Next')}
          </button>
        )}
      </div>
    </Dialog>,
  ];
}
