import { localize, type TourGuide } from '@compagnon/schema';
import { tourStateFrom, tourTransition, type Dispose, type TourEvent, type TourState } from '@compagnon/core';
import { queryTarget, waitForTarget } from '@compagnon/dom';
import type { StepView } from '@compagnon/ui';
import type { Ctx } from './context.ts';

/** How long a step waits for a late target before `target_not_found` pauses the tour. @default 10 s */
export const DEFAULT_WAIT_MS = 10_000;

interface OnScreen { guide: TourGuide; state: TourState; view: StepView | null; cancelWait?: Dispose }

/** Drives the one foreground tour: core's transitions decide, this shows steps once their targets exist. */
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
      guideId: guide.id, stepId: step.id, index, count: guide.steps.length, target,
      title: localize(step.title, ctx.locale),
      body: step.body && localize(step.body, ctx.locale),
      placement: step.placement ?? 'bottom', modal: !!step.modal, advanceOnClick: !!step.advance?.click,
    };
  };

  return {
    get current() { return tour; },
    begin(guide: TourGuide, resumeAt?: number) {
      this.stop();
      const record = ctx.progress.guides[guide.id];
      tour = { guide, state: resumeAt === undefined ? { status: 'idle', step: 0 } : tourStateFrom(record), view: null };
      dispatch(resumeAt === undefined ? { type: 'start' } : { type: 'resume', step: resumeAt });
    },
    dispatch,
    show(guideId: string, index: number) {
      if (tour?.guide.id !== guideId) return;
      const current = tour;
      current.cancelWait?.();
      const selector = current.guide.steps[index]?.target;
      const found = selector ? queryTarget(selector) : null;
      current.view = !selector || found ? viewOf(current.guide, index, found) : null;
      if (current.view) return;
      const wait = current.guide.steps[index]?.wait ?? DEFAULT_WAIT_MS;
      const started = ctx.platform.clock.now();
      const pending = waitForTarget(selector!, ctx.watcher, { timeout: wait, clock: ctx.platform.clock });
      current.cancelWait = pending.cancel;
      void pending.promise.then((el) => {
        if (tour !== current || current.state.step !== index) return;
        current.cancelWait = undefined;
        if (el) {
          current.view = viewOf(current.guide, index, el);
          ctx.render();
          return;
        }
        // Pause: the record stays active, so the tour resumes on a later page view where the target exists.
        ctx.apply(current.guide, [{ type: 'report', event: 'target_not_found', guide: current.guide.id,
          step: current.guide.steps[index]!.id,
          props: { targets: [selector], waitedMs: ctx.platform.clock.now() - started } }]);
        ctx.paused.add(current.guide.id);
        this.stop();
        ctx.render();
      });
    },
    /** Takes the tour off screen without changing its progress. */
    stop() {
      tour?.cancelWait?.();
      tour = undefined;
    },
    close(guideId: string) {
      if (tour?.guide.id === guideId) this.stop();
    },
  };
}

export type TourDriver = ReturnType<typeof createTourDriver>;
