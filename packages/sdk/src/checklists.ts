import { localize, type ChecklistGuide } from '@compagnon/schema';
import { checklistSignalMatches, checklistTransition, isEligible, type ChecklistSignal } from '@compagnon/core';
import type { ChecklistView } from '@compagnon/ui';
import type { Ctx } from './context.ts';

/** Checklists tick themselves from signals (a guide completed, a URL reached, a click, a tracked event). */
export function createChecklists(ctx: Ctx) {
  const open = new Set<string>();

  const eligible = (): ChecklistGuide[] => {
    const populations = new Set(ctx.populations);
    return [...ctx.guides.values()].filter((g): g is ChecklistGuide =>
      g.type === 'checklist' && isEligible(g, populations, ctx.progress.guides[g.id]));
  };

  return {
    open,
    signal(signal: ChecklistSignal) {
      for (const guide of eligible()) {
        for (const item of guide.items) {
          const record = ctx.progress.guides[guide.id];
          if (record?.items?.includes(item.id) || !checklistSignalMatches(item, signal)) continue;
          ctx.apply(guide, checklistTransition(guide, record, { type: 'item_done', item: item.id },
            ctx.platform.clock.now()).effects);
        }
      }
    },
    dismiss(guide: ChecklistGuide) {
      open.delete(guide.id);
      ctx.apply(guide, checklistTransition(guide, ctx.progress.guides[guide.id], { type: 'dismiss' },
        ctx.platform.clock.now()).effects);
    },
    views(shown: ChecklistGuide[]): ChecklistView[] {
      return shown.map((g) => {
        const done = new Set(ctx.progress.guides[g.id]?.items ?? []);
        return {
          guideId: g.id, title: localize(g.title, ctx.locale), open: open.has(g.id),
          items: g.items.map((item) => ({
            id: item.id, title: localize(item.title, ctx.locale), done: done.has(item.id),
            body: item.body && localize(item.body, ctx.locale),
            actionable: !!item.href || 'guide' in item.doneWhen,
          })),
        };
      });
    },
  };
}
