/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
import { h, Fragment } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Strings } from './i18n.ts';
import { renderMarkdown } from './markdown.ts';
import { float } from './position.ts';
import type { TooltipView, UiActions } from './types.ts';

export interface TipProps {
  tip: TooltipView;
  /** Makes the ids unique within the shadow root. */
  n: number;
  t: Strings;
  act: UiActions;
}

function lost(el: Element): boolean {
  const root = el.getRootNode() as ShadowRoot;
  const active = el.ownerDocument.activeElement;
  return !active || active === el.ownerDocument.body || (active === root.host && !root.activeElement);
}

/** A pulsing beacon on the target's edge; when open, a non-modal dialog named like the beacon. */
export function Tip({ tip, n, t, act }: TipProps) {
  const beacon = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const arrow = useRef<HTMLDivElement>(null);
  const { guideId: id, target, placement, open } = tip;

  // A negative offset of half the beacon's size centres it on the target's edge.
  useLayoutEffect(
    () => (beacon.current ? float(target, beacon.current, placement, null, -9) : undefined),
    [target, placement],
  );

  useLayoutEffect(() => {
    const b = beacon.current;
    if (!open || !b || !box.current) return;
    const stop = float(b, box.current, placement, arrow.current);
    box.current.focus({ preventScroll: true });
    return () => {
      stop();
      // Closed from inside, focus went down with the tip: bring it back to the beacon, not to <body>.
      if (lost(b)) b.focus({ preventScroll: true });
    };
  }, [open, placement]);

  return (
    <>
      <button
        ref={beacon}
        type="button"
        class="b"
        aria-label={tip.title}
        aria-expanded={open}
        onClick={() => act.toggleTooltip(id, !open)}
      />
      {open && (
        <div
          ref={box}
          class="t"
          role="dialog"
          aria-labelledby={`th${n}`}
          aria-describedby={tip.body ? `tb${n}` : undefined}
          tabIndex={-1}
        >
          <h2 id={`th${n}`}>{tip.title}</h2>
          {tip.body && <div id={`tb${n}`}>{renderMarkdown(tip.body)}</div>}
          <button type="button" class="x" aria-label={t.close} onClick={() => act.toggleTooltip(id, false)}>
            ×
          </button>
          <div class="a" ref={arrow} />
        </div>
      )}
    </>
  );
}
