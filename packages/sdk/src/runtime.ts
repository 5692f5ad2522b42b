import type { Bundle, Guide, Locale } from '@compagnon/schema';
import {
  countEvent, isEligible, isFinished, loadProgress, noteShown, progressKey, recordVisit, resolvePopulations, schedule,
  startable, updateProgress, type Dispose, type ProgressRecord, type UserProfile, type UserProgress,
} from '@compagnon/core';
import {
  createDomWatcher, createTypingDetector, matchesSelector, onDocumentClick, queryTarget, watchUrl,
} from '@compagnon/dom';
import { createUi } from '@compagnon/ui';
import { createActions } from './actions.ts';
import type { CompagnonError } from './api.ts';
import { createChecklists } from './checklists.ts';
import type { Ctx } from './context.ts';
import { createEffectRunner, eventOf } from './effects.ts';
import { currentUrl, win } from './env.ts';
import { createOneShots } from './one-shots.ts';
import { createResourceCentre } from './resource-centre.ts';
import { createTooltips } from './tooltips.ts';
import { createTourDriver } from './tour.ts';

export interface RuntimeInit {
  app: string;
  bundle: Bundle;
  locale: Locale;
  user: UserProfile | undefined;
  keepQuery: boolean;
  nonce: string | undefined;
  preview: string | undefined;
  session: string;
  platform: Ctx['platform'];
  channel: Ctx['channel'];
  emitEvent: Ctx['emitEvent'];
  emitError: (e: CompagnonError) => void;
}

type Of<T extends Guide['type']> = Extract<Guide, { type: T }>;
/** A person typing is not interrupted: the schedule runs again this long after the last keystroke. */
const TYPING_PAUSE_MS = 2_100;

/** One running instance: state, watchers and UI wired to core's pure decisions. */
export async function createRuntime(init: RuntimeInit) {
  const ui = createUi({ nonce: init.nonce });
  const typing = createTypingDetector();
  const ctx: Ctx = {
    ...init,
    watcher: createDomWatcher(),
    guides: new Map(init.bundle.guides.map((g) => [g.id, g])),
    key: '', progress: { guides: {} }, populations: [], paused: new Set(), disposers: [],
    apply: (guide, effects) => runner.apply(guide, effects),
    render: () => render(),
    navigate: (href) => win()?.location.assign(href),
  };
  const tour = createTourDriver(ctx);
  const checklists = createChecklists(ctx);
  const tooltips = createTooltips(ctx);
  const centre = createResourceCentre(ctx);
  const oneShots = createOneShots(ctx, (id) => void api.start(id));
  const runner = createEffectRunner(ctx, {
    show: (id, step) => tour.show(id, step),
    close: (id) => { tour.close(id); oneShots.close(id); },
    reported: (guide, effect) => {
      if (effect.event === 'guide_completed' && guide.type !== 'checklist') {
        checklists.signal({ kind: 'guide_completed', guide: guide.id });
      }
    },
  });
  let shown = { tooltips: [] as Of<'tooltip'>[], checklists: [] as Of<'checklist'>[], centres: [] as Of<'resource-centre'>[] };
  let tracked: string[] = [];
  let rendering = false;
  let wake: Dispose | undefined;
  let previewShown = false;

  const byId = <T extends Guide['type']>(id: string, type: T) => {
    const g = ctx.guides.get(id);
    return g?.type === type ? (g as Of<T>) : undefined;
  };
  const actions = createActions({ ctx, tour, tooltips, checklists, centre, oneShots, byId, render, start: (id) => void api.start(id) });

  function render() {
    if (rendering) return;
    rendering = true;
    try {
      // A tooltip or checklist finished since the last schedule leaves the screen at once.
      const live = <G extends Guide>(g: G) => !isFinished(g, ctx.progress.guides[g.id]);
      ui.render({
        locale: ctx.locale,
        tour: tour.current?.view ?? null,
        ...oneShots.views(),
        tooltips: tooltips.views(shown.tooltips.filter(live)),
        checklists: checklists.views(shown.checklists.filter(live)),
        resourceCentres: centre.views(shown.centres),
      }, actions);
    } finally {
      rendering = false;
    }
  }

  /** Re-decides what shows on this page: one pass from data to screen. */
  function evaluate(due: string[] = []) {
    wake?.();
    wake = undefined;
    const { clock } = ctx.platform;
    const current = tour.current?.guide.id ?? oneShots.current?.id;
    const busy = typing.isTyping();
    const plan = schedule({
      guides: ctx.bundle.guides.filter((g) => !ctx.paused.has(g.id)),
      populations: new Set(ctx.populations), progress: ctx.progress, url: currentUrl(), current,
      now: clock.now(), settings: ctx.bundle.settings, session: ctx.session, typing: busy, events: tracked, due,
      elementPresent: (selector) => !!queryTarget(selector), preview: previewShown ? undefined : ctx.preview,
    });
    if (!busy) tracked = [];
    shown = { tooltips: plan.tooltips, checklists: plan.checklists, centres: plan.resourceCentres };
    if (!current) {
      const next = plan.foreground?.guide ?? plan.announcement ?? plan.survey;
      // A fresh automatic guide spends the interruption budget; resumes, manual starts and previews do not.
      if (next && !ctx.progress.guides[next.id] && !ctx.preview) countShown();
      if (next && next.id === ctx.preview) previewShown = true;
      if (plan.foreground) tour.begin(plan.foreground.guide, plan.foreground.resumeAt);
      else if (plan.announcement) oneShots.show(plan.announcement);
      else if (plan.survey) oneShots.show(plan.survey);
    }
    if (plan.delayed) {
      const id = plan.delayed.guide.id;
      wake = clock.setTimeout(() => evaluate([id]), plan.delayed.ms);
    } else if (busy) wake = clock.setTimeout(() => evaluate(), TYPING_PAUSE_MS);
    render();
  }

  function countShown() {
    const { clock } = ctx.platform;
    ctx.progress = noteShown(ctx.progress, clock.now(), ctx.session);
    void updateProgress(ctx.platform.store, ctx.key, (p) => noteShown(p, clock.now(), ctx.session));
  }

  function populationsOf(user: UserProfile | undefined, lastVisitAt: number | undefined) {
    // Without a person there is no population: only guides without an audience run.
    return user?.id
      ? resolvePopulations(ctx.bundle.populations, { user, now: ctx.platform.clock.now(), lastVisitAt, counts: ctx.progress.counts })
      : [];
  }

  let lastVisitAt: number | undefined;
  async function identify(user: UserProfile | undefined) {
    tour.stop();
    ctx.user = user;
    ctx.key = progressKey(ctx.app, user?.id);
    const { store, clock } = ctx.platform;
    // An author's preview leaves no trace: no visit recorded, no event.
    const visit = ctx.preview ? undefined : await recordVisit(store, ctx.key, clock.now());
    lastVisitAt = visit?.before;
    ctx.progress = await loadProgress(store, ctx.key);
    ctx.populations = populationsOf(user, lastVisitAt);
    // A named person's visit counts as activity even where no guide shows.
    if (visit?.starts && user?.id) ctx.emitEvent(eventOf(ctx, { event: 'session_started' }));
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
      if (!ctx.progress.byHand?.includes(id) && !ctx.preview) {
        const mark = (p: UserProgress) => ({ ...p, byHand: [...(p.byHand ?? []), id] });
        ctx.progress = mark(ctx.progress);
        void updateProgress(ctx.platform.store, ctx.key, mark);
      }
      if (guide.type === 'tour') tour.begin(guide);
      else if (guide.type === 'announcement' || guide.type === 'survey') oneShots.show(guide);
      else if (guide.type === 'checklist') {
        checklists.open.add(id);
        if (!shown.checklists.includes(guide)) shown.checklists.push(guide);
      } else if (guide.type === 'resource-centre') {
        centre.open.add(id);
        if (!shown.centres.includes(guide)) shown.centres.push(guide);
      } else {
        if (!shown.tooltips.includes(guide)) shown.tooltips.push(guide);
        tooltips.toggle(guide, true);
      }
      render();
      return true;
    },
    track(name: string) {
      // Counted on this browser for behaviour rules, then it may tick a checklist, advance a step or trigger a guide.
      ctx.progress = countEvent(ctx.progress, name);
      if (!ctx.preview) void updateProgress(ctx.platform.store, ctx.key, (p) => countEvent(p, name));
      ctx.populations = populationsOf(ctx.user, lastVisitAt);
      checklists.signal({ kind: 'event', name });
      tour.dispatch({ type: 'event', name });
      tracked.push(name);
      evaluate();
    },
    async reset() {
      tour.stop();
      await ctx.platform.store.del(ctx.key);
      await identify(ctx.user);
    },
    activeTour: () => tour.current?.guide.id,
    eligibleGuides: () => ctx.bundle.guides.filter((g) =>
      isEligible(g, new Set(ctx.populations), ctx.progress.guides[g.id], ctx.platform.clock.now())).map((g) => g.id),
    drain: () => runner.drain(),
    destroy() {
      tour.stop();
      wake?.();
      for (const d of ctx.disposers.splice(0)) d();
      typing.dispose();
      ctx.watcher.dispose();
      ui.destroy();
    },
  };

  const hasElementTriggers = init.bundle.guides.some((g) => g.trigger?.element);
  ctx.disposers.push(
    watchUrl(() => {
      checklists.signal({ kind: 'url', url: currentUrl() });
      tour.urlChanged();
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
      if (msg.record.status !== 'active') { tour.close(msg.guide); oneShots.close(msg.guide); }
      render();
    }),
    // Targets come and go with the page: re-place beacons, and start guides waiting for an element, once a frame.
    ctx.watcher.subscribe(() => {
      if (hasElementTriggers) evaluate();
      else if (shown.tooltips.length) render();
    }),
  );
  await identify(init.user);
  return api;
}

export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
