/** @jsxRuntime classic */
/** @jsx h */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Dialog } from './dialog.tsx';
import { focus, lost } from './focus.ts';
import type { Translate } from './i18n.ts';
import { float } from './position.ts';
import type { TooltipView, UiActions } from './types.ts';

export interface TipProps {
  tip: TooltipView;
  /** Makes the ids unique within the shadow root. */
  n: number;
  t: Translate;
  act: UiActions;
}

/** A pulsing beacon on the target's edge; when open, a non-modal dialog named like the beacon. */
export function Tip({ tip, n, t, act }: TipProps) {
  const beacon = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const arrow = useRef<HTMLDivElement>(null);
  const { guideId: id, target, placement, open } = tip;

  // A negative offset of half the beacon's size centres it on the target's edge.
  useLayoutEffect(() => float(target, beacon.current!, placement, null, -9), [target, placement]);

  useLayoutEffect(() => {
    if (!open) return;
    const b = beacon.current!;
    const stop = float(b, box.current!, placement, arrow.current);
    focus(box.current!);
    return () => {
      stop();
      // Closed from inside: bring focus back to the beacon, not to <body>.
      if (lost(b)) focus(b);
    };
  }, [open, placement]);

  return [
    <button ref={beacon} class="b" aria-label={tip.title} aria-expanded={open} onClick={() => act.toggleTooltip(id, !open)} />,
    open && (
      <Dialog box={box} class="s" id={`th${n}`} view={tip} t={t} onClose={() => act.toggleTooltip(id, false)} arrow={arrow} />
    ),
  ];
}
