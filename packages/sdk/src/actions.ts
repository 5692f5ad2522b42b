import type { Guide } from '@compagnon/schema';
import { snooze, type TourEvent } from '@compagnon/core';
import type { UiActions } from '@compagnon/ui';
import type { createChecklists } from './checklists.ts';
import type { Ctx } from './context.ts';
import type { OneShots } from './one-shots.ts';
import type { createResourceCentre } from './resource-centre.ts';
import type { createTooltips } from './tooltips.ts';
import type { TourDriver } from './tour.ts';

interface Parts {
  ctx: Ctx;
  tour: TourDriver;
  tooltips: ReturnType<typeof createTooltips>;
  checklists: ReturnType<typeof createChecklists>;
  centre: ReturnType<typeof createResourceCentre>;
  oneShots: OneShots;
  byId<T extends Guide['type']>(id: string, type: T): Extract<Guide, { type: T }> | undefined;
  render(): void;
  start(id: string): void;
}

/** What the person does in the UI, routed to the guide it names (a late click on a closed guide does nothing). */
export function createActions({ ctx, tour, tooltips, checklists, centre, oneShots, byId, render, start }: Parts): UiActions {
  const onTour = (id: string, event: TourEvent) => { if (tour.current?.guide.id === id) tour.dispatch(event); };
  const toggle = (set: Set<string>, id: string, open: boolean) => {
    if (open) set.add(id); else set.delete(id);
    render();
  };
  return {
    next: (id) => onTour(id, { type: 'next' }),
    back: (id) => onTour(id, { type: 'back' }),
    done: (id) => onTour(id, { type: 'next' }),
    skip: (id) => onTour(id, { type: 'skip' }),
    dismiss: (id, reason) => {
      onTour(id, { type: 'dismiss', reason });
      oneShots.dismiss(id);
    },
    answer: (id, value) => {
      onTour(id, { type: 'answer', value });
      oneShots.answer(id, value);
    },
    snooze: (id) => {
      // "Remind me tomorrow" is offered by the foreground guide: the tour, an announcement or a survey.
      const g = [tour.current?.guide, oneShots.current].find((c) => c?.id === id);
      if (g) ctx.apply(g, snooze(g, ctx.progress.guides[id], ctx.platform.clock.now(), ctx.bundle.settings?.snoozeHours).effects);
    },
    announcementAction: (id) => oneShots.action(id),
    closeAnnouncement: (id) => oneShots.dismiss(id),
    toggleTooltip: (id, open) => { const g = byId(id, 'tooltip'); if (g) tooltips.toggle(g, open); },
    toggleChecklist: (id, open) => toggle(checklists.open, id, open),
    toggleResourceCentre: (id, open) => toggle(centre.open, id, open),
    activateItem: (id, itemId) => {
      const item = byId(id, 'checklist')?.items.find((i) => i.id === itemId);
      if (!item) return;
      if ('guide' in item.doneWhen) {
        checklists.open.delete(id);
        start(item.doneWhen.guide);
      } else if (item.href) ctx.navigate(item.href);
    },
    dismissChecklist: (id) => { const g = byId(id, 'checklist'); if (g) checklists.dismiss(g); },
    restartGuide: (id) => {
      for (const c of centre.open) centre.open.delete(c);
      start(id);
    },
    setOptOut: (optedOut) => void centre.setOptOut(optedOut),
  };
}
