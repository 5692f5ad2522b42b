import { arrow, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { Placement } from './types.ts';

// The only importer of @floating-ui/dom. Positions are written straight to `style` (not through preact state),
// so scrolling never re-renders; autoUpdate alone decides when layout is read.

export type Cleanup = () => void;

const SIDES = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' } as const;

/** Keeps `floating` next to `reference` (fixed strategy) until the returned cleanup is called. */
export function float(
  reference: Element,
  floating: HTMLElement,
  placement: Placement,
  tip: HTMLElement | null = null,
  gap = 12,
): Cleanup {
  const middleware = [offset(gap), flip(), shift({ padding: 8 })];
  if (tip) middleware.push(arrow({ element: tip, padding: 8 }));
  let live = true;
  const stop = autoUpdate(reference, floating, () => {
    computePosition(reference, floating, { placement, strategy: 'fixed', middleware })
      .then(({ x, y, placement: side, middlewareData }) => {
        if (!live) return;
        Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
        const a = middlewareData.arrow;
        if (!tip || !a) return;
        const edge = SIDES[side.split('-')[0] as keyof typeof SIDES];
        Object.assign(tip.style, {
          left: a.x == null ? '' : `${a.x}px`,
          top: a.y == null ? '' : `${a.y}px`,
          right: '',
          bottom: '',
          [edge]: '-5px',
        });
      })
      // A detached reference mid-navigation is not worth a host-page error.
      .catch(() => {});
  });
  return () => {
    live = false;
    stop();
    // The same element may be shown centred next (a step without target): drop the inline coordinates.
    floating.style.left = floating.style.top = '';
  };
}

/** Keeps `hole` over the target's box, padded, for the spotlight. */
export function cover(target: Element, hole: HTMLElement, pad = 4): Cleanup {
  return autoUpdate(target, hole, () => {
    const r = target.getBoundingClientRect();
    Object.assign(hole.style, {
      left: `${r.left - pad}px`,
      top: `${r.top - pad}px`,
      width: `${r.width + 2 * pad}px`,
      height: `${r.height + 2 * pad}px`,
    });
  });
}

/** Scrolls an off-screen target to the middle of the viewport, smoothly unless the user asked for less motion. */
export function reveal(target: Element): void {
  const win = target.ownerDocument.defaultView;
  if (!win) return;
  const r = target.getBoundingClientRect();
  if (r.bottom > 0 && r.right > 0 && r.top < win.innerHeight && r.left < win.innerWidth) return;
  const still = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}
