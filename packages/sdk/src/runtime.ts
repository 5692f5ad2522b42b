import type { Bundle, Guide, Locale } from '@compagnon/schema';
import {
  isEligible, isFinished, loadProgress, progressKey, recordVisit, resolvePopulations, schedule, startable,
  type Platform, type ProgressRecord, type TourEvent, type UserProfile,
} from '@compagnon/core';
import { createDomWatcher, matchesSelector, onDocumentClick, watchUrl } from '@compagnon/dom';
import { createUi, type UiActions } from '@compagnon/ui';
import type { CompagnonError } from './api.ts';
import { createChecklists } from './checklists.ts';
import type { Ctx } from './context.ts';
import { createEffectRunner } from './effects.ts';
import { currentUrl, win } from './env.ts';
import { createTooltips } from './tooltips.ts';
import { createTourDriver } from './tour.ts';

export interface RuntimeInit {
  app: string;
  bundle: Bundle;
  locale: Locale;
  user: UserProfile | undefined;
  keepQuery: boolean;
  nonce: string | undefined;
  session: string;
  platform: Ctx['platform'];
  channel: Ctx['channel'];
  emitEvent: Ctx['emitEvent'];
  emitError: (e: CompagnonError) => void;
}

/** One running instance: state, watchers and UI wired to core's pure decisions. */
export async function createRuntime(init: RuntimeInit) {
  const ui = createUi({ nonce: init.nonce });
  const ctx: Ctx = {
    ...init,
    watcher: createDomWatcher(),
    guides: new Map(init.bundle.guides.map((g) => [g.id, g])),
    key: '', progress: { guides: {} }, populations: [], paused: new Set(), disposers: [],
    apply: (guide, effects) => runner.apply(guide, effects),
    render: () => render(),
  };
  const tour = createTourDriver(ctx);
  const checklists = createChecklists(ctx);
  const tooltips = createTooltips(ctx);
  const runner = createEffectRunner(ctx, {
    show: (id, step) => tour.show(id, step),
    close: (id) => tour.close(id),
    reported: (guide, effect) => {
      if (effect.event === 'guide_completed' && guide.type !== 'checklist') {
        checklists.signal({ kind: 'guide_completed', guide: guide.id });
      }
    },
  });
  let shown = { tooltips: [] as Extract<Guide, { type: 'tooltip' }>[], checklists: [] as Extract<Guide, { type: 'checklist' }>[] };
  let rendering = false;

  const byId = <T extends Guide['type']>(id: string, type: T) => {
    const g = ctx.guides.get(id);
    return g?.type === type ? (g as Extract<Guide, { type: T }>) : undefined;
  };

  // The UI names the guide it acts on: a late click on a tour that already left the screen does nothing.
  const onTour = (id: string, event: TourEvent) => { if (tour.current?.guide.id === id) tour.dispatch(event); };
  const actions: UiActions = {
    next: (id) => onTour(id, { type: 'next' }),
    back: (id) => onTour(id, { type: 'back' }),
    done: (id) => onTour(id, { type: 'next' }),
    dismiss: (id, reason) => onTour(id, { type: 'dismiss', reason }),
    toggleTooltip: (id, open) => { const g = byId(id, 'tooltip'); if (g) tooltips.toggle(g, open); },
    toggleChecklist: (id, open) => {
      if (open) checklists.open.add(id); else checklists.open.delete(id);
      render();
    },
    activateItem: (id, itemId) => {
      const item = byId(id, 'checklist')?.items.find((i) => i.id === itemId);
      if (!item) return;
      if ('guide' in item.doneWhen) {
        checklists.open.delete(id);
        void api.start(item.doneWhen.guide);
      } else if (item.href) win()?.location.assign(item.href);
    },
    dismissChecklist: (id) => { const g = byId(id, 'checklist'); if (g) checklists.dismiss(g); },
  };

  function render() {
    if (rendering) return;
    rendering = true;
    try {
      // A tooltip or checklist finished since the last schedule leaves the screen at once.
      const live = <G extends Guide>(g: G) => !isFinished(g, ctx.progress.guides[g.id]);
      ui.render({
        locale: ctx.locale,
        tour: tour.current?.view ?? null,
        tooltips: tooltips.views(shown.tooltips.filter(live)),
        checklists: checklists.views(shown.checklists.filter(live)),
      }, actions);
    } finally {
      rendering = false;
    }
  }

  /** Re-decides what shows on this page: one pass from data to screen. */
  function evaluate() {
    const url = currentUrl();
    const populations = new Set(ctx.populations);
    const plan = schedule({
      guides: ctx.bundle.guides.filter((g) => !ctx.paused.has(g.id)),
      populations, progress: ctx.progress, url, current: tour.current?.guide.id,
    });
    shown = { tooltips: plan.tooltips, checklists: plan.checklists };
    if (!tour.current && plan.foreground) tour.begin(plan.foreground.guide, plan.foreground.resumeAt);
    render();
  }

  async function identify(user: UserProfile | undefined) {
    tour.stop();
    ctx.user = user;
    ctx.key = progressKey(ctx.app, user?.id);
    const { store, clock } = ctx.platform;
    const lastVisitAt = await recordVisit(store, ctx.key, clock.now());
    ctx.progress = await loadProgress(store, ctx.key);
    // Without a person there is no population: only guides without an audience run.
    ctx.populations = user?.id ? resolvePopulations(ctx.bundle.populations, { user, now: clock.now(), lastVisitAt }) : [];
    ctx.paused.clear();
    for (const [id, record] of Object.entries(ctx.progress.guides)) {
      if (record.status === 'completed') checklists.signal({ kind: 'guide_completed', guide: id });
    }
    checklists.signal({ kind: 'url', url: currentUrl() });
    evaluate();
  }

  const api = {
    ctx,
    identify,
    evaluate,
    async start(id: string): Promise<boolean> {
      const guide = ctx.guides.get(id);
      if (!guide || !startable(guide, new Set(ctx.populations))) return false;
      ctx.paused.delete(id);
      if (guide.type === 'tour') tour.begin(guide);
      else if (guide.type === 'checklist') {
        checklists.open.add(id);
        if (!shown.checklists.includes(guide)) shown.checklists.push(guide);
      } else {
        if (!shown.tooltips.includes(guide)) shown.tooltips.push(guide);
        tooltips.toggle(guide, true);
      }
      render();
      return true;
    },
    track(name: string) {
      checklists.signal({ kind: 'event', name });
    },
    async reset() {
      tour.stop();
      await ctx.platform.store.del(ctx.key);
      await identify(ctx.user);
    },
    activeTour: () => tour.current?.guide.id,
    eligibleGuides: () => ctx.bundle.guides.filter((g) =>
      isEligible(g, new Set(ctx.populations), ctx.progress.guides[g.id])).map((g) => g.id),
    drain: () => runner.drain(),
    destroy() {
      tour.stop();
      for (const d of ctx.disposers.splice(0)) d();
      ctx.watcher.dispose();
      ui.destroy();
    },
  };

  ctx.disposers.push(
    watchUrl(() => {
      checklists.signal({ kind: 'url', url: currentUrl() });
      evaluate();
    }),
    // Steps advanced by a click on their target are the step view's job (it listens on the target itself).
    onDocumentClick((target) => {
      checklists.signal({ kind: 'click', matches: (selector) => matchesSelector(target, selector) });
    }),
    ctx.channel.subscribe((m) => {
      const msg = m as { type?: string; key?: string; guide?: string; record?: ProgressRecord };
      if (msg.type !== 'progress' || msg.key !== ctx.key || !msg.guide || !msg.record) return;
      ctx.progress.guides[msg.guide] = msg.record;
      if (tour.current?.guide.id === msg.guide && msg.record.status !== 'active') tour.stop();
      render();
    }),
    // Tooltip targets come and go with the page: re-place beacons at most once a frame.
    ctx.watcher.subscribe(() => { if (shown.tooltips.length) render(); }),
  );
  await identify(init.user);
  return api;
}

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
export type { Platform };
