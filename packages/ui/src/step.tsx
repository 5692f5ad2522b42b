/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus } from './focus.ts';
import { progress } from './i18n.ts';
import type { Translate } from './i18n.ts';
import { cover, float, reveal } from './position.ts';
import type { StepView, UiActions } from './types.ts';

export interface StepProps {
  step: StepView;
  t: Translate;
  act: UiActions;
  rtl: boolean;
}

/** Keeps Tab inside a modal step: wraps from the last focusable to the first and back. */
function trap(e: KeyboardEvent, box: HTMLElement): void {
  const all = box.querySelectorAll<HTMLElement>('button,a[href]');
  const first = all[0];
  const last = all[all.length - 1];
  const active = (box.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey ? active === first || active === box : active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}

/** The tour's step: a dialog next to its target (with spotlight and arrow) or centred over a backdrop. */
export function Step({ step, t, act, rtl }: StepProps) {
  const box = useRef<HTMLDivElement>(null);
  const arrow = useRef<HTMLDivElement>(null);
  const hole = useRef<HTMLDivElement>(null);
  const { guideId: id, target, index, modal, placement } = step;
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
    if (e.key === 'Tab' && modal) trap(e, box.current!);
    if (e.key === nextKey && !last) act.next(id);
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
      <div class="f">
        <span class="n">{progress(t, index + 1, step.count)}</span>
        {index > 0 && <button onClick={() => act.back(id)}>{t('Back')}</button>}
        <button class="pr" onClick={forward}>
          {t(last ? 'Done' : 'Next')}
        </button>
      </div>
    </Dialog>,
  ];
}
