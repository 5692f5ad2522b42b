import { localize, type TooltipGuide } from '@compagnon/schema';
import { tooltipTransition } from '@compagnon/core';
import { resolveTarget } from '@compagnon/dom';
import type { TooltipView } from '@compagnon/ui';
import type { Ctx } from './context.ts';

/** Hotspots: a beacon on each present target; opening the tip reports it, closing it completes the guide. */
export function createTooltips(ctx: Ctx) {
  const open = new Set<string>();
  return {
    toggle(guide: TooltipGuide, opening: boolean) {
      if (opening === open.has(guide.id)) return;
      if (opening) open.add(guide.id);
      else open.delete(guide.id);
      ctx.apply(guide, tooltipTransition(guide, ctx.progress.guides[guide.id], { type: opening ? 'open' : 'close' },
        ctx.platform.clock.now()).effects);
    },
    views(shown: TooltipGuide[]): TooltipView[] {
      const views: TooltipView[] = [];
      for (const g of shown) {
        const target = resolveTarget(g.target);
        if (!target) continue;
        views.push({
          guideId: g.id, title: localize(g.title, ctx.locale), target, open: open.has(g.id),
          placement: g.placement ?? 'right',
          body: g.body && localize(g.body, ctx.locale),
        });
      }
      return views;
    },
  };
}
