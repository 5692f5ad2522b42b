import { arrow, autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import type { Placement } from './types.ts';

// The only importer of @floating-ui/dom. Positions are written straight to `style` (not through preact state),
// so scrolling never re-renders; autoUpdate alone decides when layout is read. `cssText` replaces every inline
// property at once: the arrow's edge from before a flip, or a spotlight's box, never lingers.

export type Cleanup = () => void;

/** The edge the arrow sticks out of: the one facing the reference. */
const FACING = { top: 'bottom', right: 'left', bottom: 'top', left: 'right' } as const;

/** Keeps `floating` next to `reference` (fixed strategy) until the returned cleanup is called. */
export function float(
  reference: Element,
  floating: HTMLElement,
  placement: Placement,
  tip: HTMLElement | null = null,
  gap = 12,
): Cleanup {
  const middleware = [offset(gap), flip(), shift({ padding: 8 }), tip && arrow({ element: tip, padding: 8 })];
  let live = true;
  const stop = autoUpdate(reference, floating, () => {
    computePosition(reference, floating, { placement, strategy: 'fixed', middleware })
      .then(({ x, y, placement: side, middlewareData: { arrow: a } }) => {
        if (!live) return;
        floating.style.cssText = `left:${x}px;top:${y}px`;
        // The arrow middleware sets only the coordinate along the dialog's edge.
        if (tip && a) {
          const along = a.x == null ? `top:${a.y}px` : `left:${a.x}px`;
          tip.style.cssText = `${along};${FACING[side.split('-')[0] as keyof typeof FACING]}:-5px`;
        }
      })
      // A detached reference mid-navigation is not worth a host-page error.
      .catch(() => {});
  });
  return () => {
    live = false;
    stop();
    // The same element may be shown centred next (a step without target): drop the inline coordinates.
    floating.style.cssText = '';
  };
}

/** The target's box in the top document's viewport: a target inside same-origin iframes is offset by each frame. */
function box(target: Element): { left: number; top: number; width: number; height: number } {
  let { left, top, width, height } = target.getBoundingClientRect();
  for (let frame = target.ownerDocument.defaultView?.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement) {
    const r = frame.getBoundingClientRect();
    left += r.left + frame.clientLeft;
    top += r.top + frame.clientTop;
  }
  return { left, top, width, height };
}

/** Keeps `hole` over the target's box, padded, for the spotlight. */
export function cover(target: Element, hole: HTMLElement, pad = 4): Cleanup {
  return autoUpdate(target, hole, () => {
    const { left, top, width, height } = box(target);
    hole.style.cssText = `left:${left - pad}px;top:${top - pad}px;width:${width + 2 * pad}px;height:${height + 2 * pad}px`;
  });
}

/**
 * Scrolls an off-screen target to the middle of the viewport: smoothly when it is less than a screen away (the
 * reader sees where it went), at once when farther (a smooth scroll across a long page takes over a second, and
 * the step waits for it) or when the user asked for less motion.
 */
export function reveal(target: Element): void {
  const win = target.ownerDocument.defaultView!; // a target on screen is in a document with a window
  const r = target.getBoundingClientRect();
  const [w, h] = [win.innerWidth, win.innerHeight];
  const away = Math.max(r.top - h, -r.bottom, r.left - w, -r.right);
  if (away < 0) return;
  const still = away > h || win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
}
