import { localize, type TourGuide } from '@compagnon/schema';
import {
  tourStateFrom, tourStepMatchesUrl, tourTransition, type Dispose, type TourEvent, type TourState,
} from '@compagnon/core';
import { describeTarget, resolveTarget, waitForTargetDetailed } from '@compagnon/dom';
import type { StepView } from '@compagnon/ui';
import type { Ctx } from './context.ts';
import { currentUrl } from './env.ts';
import { guideMeta, mediaView, questionView } from './views.ts';

/** How long a step waits for a late target before `target_not_found`. @default 10 s */
export const DEFAULT_WAIT_MS = 10_000;

interface OnScreen { guide: TourGuide; state: TourState; view: StepView | null; cancelWait?: Dispose }

/** Drives the one foreground tour: core's transitions decide, this shows steps once their page and target exist. */
export function createTourDriver(ctx: Ctx) {
  let tour: OnScreen | undefined;

  const dispatch = (event: TourEvent) => {
    if (!tour) return;
    const { guide } = tour;
    const { state, effects } = tourTransition(guide, tour.state, event, ctx.platform.clock.now());
    tour.state = state;
    ctx.apply(guide, effects);
  };

  const viewOf = (guide: TourGuide, index: number, target: Element | null): StepView => {
    const step = guide.steps[index]!;
    return {
      ...guideMeta(ctx, guide), guideId: guide.id, stepId: step.id, index, count: guide.steps.length, target,
      title: localize(step.title, ctx.locale),
      body: step.body && localize(step.body, ctx.locale),
      placement: step.placement ?? 'bottom', modal: !!step.modal, advanceOnClick: !!step.advance?.click,
      media: mediaView(ctx, step.media), survey: step.survey && questionView(ctx, step.survey),
      skippable: guide.skippable !== false,
    };
  };

  // On screen at last: only now is the step viewed (a skipped or paused step never was).
  const shown = (current: OnScreen, index: number, target: Element | null) => {
    current.view = viewOf(current.guide, index, target);
    dispatch({ type: 'shown' });
  };

  const driver = {
    get current() { return tour; },
    begin(guide: TourGuide, resumeAt?: number) {
      driver.stop();
      const record = ctx.progress.guides[guide.id];
      tour = { guide, state: resumeAt === undefined ? { status: 'idle', step: 0 } : tourStateFrom(record), view: null };
      dispatch(resumeAt === undefined ? { type: 'start' } : { type: 'resume', step: resumeAt });
      // A full page load is a URL reached too: a step that advances on reaching this page moves on now.
      if (tour?.state.status === 'active') dispatch({ type: 'url', url: currentUrl() });
    },
    dispatch,
    show(guideId: string, index: number) {
      if (tour?.guide.id !== guideId) return;
      const current = tour;
      current.cancelWait?.();
      current.view = null;
      const step = current.guide.steps[index];
      // A step that lives on another page waits for it: the tour stays active and shows there (multi-page tours).
      if (!step || !tourStepMatchesUrl(step, currentUrl())) return;
      const found = step.target ? resolveTarget(step.target) : null;
      if (!step.target || found) return shown(current, index, found);
      const started = ctx.platform.clock.now();
      const pending = waitForTargetDetailed(step.target, ctx.watcher, { timeout: step.wait ?? DEFAULT_WAIT_MS, clock: ctx.platform.clock });
      current.cancelWait = pending.cancel;
      void pending.promise.then((match) => {
        if (tour !== current || current.state.step !== index) return;
        current.cancelWait = undefined;
        if (match) return shown(current, index, match.element);
        // `onMissing: skip` moves on; `pause` keeps the record active so a later page view resumes it.
        dispatch({ type: 'missing', props: { targets: describeTarget(step.target!), waitedMs: ctx.platform.clock.now() - started } });
        if (tour === current && current.state.step === index && current.state.status === 'active') {
          ctx.paused.add(current.guide.id);
          driver.stop();
          ctx.render();
        }
      });
    },
    /** The page changed: a step waiting for its page shows, a step advanced by reaching a URL moves on. */
    urlChanged() {
      if (!tour) return;
      const before = tour.state.step;
      dispatch({ type: 'url', url: currentUrl() });
      if (!tour || tour.state.step !== before) return;
      const here = tourStepMatchesUrl(tour.guide.steps[before], currentUrl());
      if (tour.view && !here) {
        tour.cancelWait?.();
        tour.view = null;
      } else if (!tour.view && here) driver.show(tour.guide.id, before);
    },
    /** Takes the tour off screen without changing its progress. */
    stop() {
      tour?.cancelWait?.();
      tour = undefined;
    },
    close(guideId: string) {
      if (tour?.guide.id === guideId) driver.stop();
    },
  };
  return driver;
}

export type TourDriver = ReturnType<typeof createTourDriver>;
