/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { progress } from './i18n.ts';
import type { Strings } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import { cover, float, reveal } from './position.ts';
import type { StepView, UiActions } from './types.ts';

export interface StepProps {
  step: StepView;
  t: Strings;
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
  const tip = useRef<HTMLDivElement>(null);
  const hole = useRef<HTMLDivElement>(null);
  const { guideId: id, target, index, modal, placement } = step;
  const last = index >= step.count - 1;
  const forward = () => (last ? act.done(id) : act.next(id));

  useLayoutEffect(() => {
    if (!target || !box.current || !hole.current) return;
    reveal(target);
    const stops = [float(target, box.current, placement, tip.current), cover(target, hole.current)];
    return () => stops.forEach((stop) => stop());
  }, [target, placement]);

  // Per step, not per render: a re-render of the same step must not pull focus back from where the user put it.
  useLayoutEffect(() => box.current?.focus({ preventScroll: true }), [id, step.stepId]);

  useLayoutEffect(() => {
    if (!target || !step.advanceOnClick) return;
    target.addEventListener('click', forward);
    return () => target.removeEventListener('click', forward);
  }, [target, step.advanceOnClick, id, last]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab' && modal && box.current) trap(e, box.current);
    // Arrows follow reading direction: in rtl, "next" is to the left.
    const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const move = rtl ? -dir : dir;
    if (move > 0 && !last) act.next(id);
    else if (move < 0 && index > 0) act.back(id);
    else return;
    e.preventDefault();
  };

  return (
    <>
      {/* Keyed: the spotlight carries inline coordinates that must not leak onto a reused backdrop div. */}
      {target ? <div key="sp" class="sp" ref={hole} /> : <div key="bd" class={modal ? 'bd m' : 'bd'} />}
      <div
        ref={box}
        class={target ? 's' : 's c'}
        role="dialog"
        aria-modal={modal ? 'true' : undefined}
        aria-labelledby="cp-st"
        aria-describedby={step.body ? 'cp-sb' : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id="cp-st">{step.title}</h2>
        {step.body && <div id="cp-sb">{renderMarkdown(step.body)}</div>}
        <div class="f">
          <span class="n">{progress(t, index + 1, step.count)}</span>
          {index > 0 && (
            <button type="button" onClick={() => act.back(id)}>
              {t.back}
            </button>
          )}
          <button type="button" class="pr" onClick={forward}>
            {last ? t.done : t.next}
          </button>
        </div>
        <button type="button" class="x" aria-label={t.close} onClick={() => act.dismiss(id, 'close')}>
          ×
        </button>
        {target && <div class="a" ref={tip} />}
      </div>
    </>
  );
}
