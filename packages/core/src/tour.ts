// A tour as a pure state machine. Events that make no sense in the current state (next while idle, back on
// the first step, a click on a step that does not advance on click) return the same state and no effect.
import type { TourGuide, TourStep } from '@compagnon/schema';
import { type DismissReason, type Effect, type Transition, answered, close, commit, report } from './effects.ts';
import type { GuideStatus, ProgressRecord } from './progress.ts';
import { type UrlParts, matchUrl } from './url.ts';

export interface TourState {
  status: 'idle' | GuideStatus;
  step: number;
  startedAt?: number;
}

export type TourEvent =
  | { type: 'start' }
  | { type: 'resume'; step: number }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'target_clicked' }
  | { type: 'dismiss'; reason: DismissReason }
  /** "Skip tour": a dismissal with reason `skip`, unless the guide is not `skippable`. */
  | { type: 'skip' }
  /** The answer to the current step's `survey`. */
  | { type: 'answer'; value: number | string }
  /** A `track()` event, for `advance.event`. */
  | { type: 'event'; name: string }
  /** The page reached, for `advance.url`. */
  | { type: 'url'; url: UrlParts }
  /** The step's target did not resolve in time; `props` (what was tried, for how long) go into `target_not_found`. */
  | { type: 'missing'; props?: Record<string, unknown> }
  /** The current step is on screen (its page and target found): reported as `step_viewed`. */
  | { type: 'shown' };

export function tourStateFrom(record: ProgressRecord | undefined): TourState {
  return record ? { status: record.status, step: record.step ?? 0, startedAt: record.startedAt } : { status: 'idle', step: 0 };
}

/** Whether the step lives on this page (a step without `url` lives on every page). */
export const tourStepMatchesUrl = (step: TourStep | undefined, url: UrlParts): boolean => !step?.url || matchUrl(step.url, url);

export function tourTransition(guide: TourGuide, state: TourState, event: TourEvent, now: number): Transition<TourState> {
  const { id, steps } = guide;
  const { status, step, startedAt } = state;
  const last = steps.length - 1;
  const stepId = (i: number) => steps[i]?.id;
  const current = steps[step];
  // `step_viewed` waits for `shown`: a step whose target never comes (skipped, paused) was not viewed.
  const view = (i: number): Effect[] => [{ type: 'show', guide: id, step: i }];
  // Every move out of `idle` lands in a saved state: persist it, then the effects.
  const to = (next: TourState, ...effects: Effect[]): Transition<TourState> => ({
    state: next,
    effects: commit(guide, next.status as GuideStatus, next.startedAt, now, { step: next.step }, ...effects).effects,
  });
  const same = { state, effects: [] };
  const completed = report('step_completed', id, { step: stepId(step) });
  // Leaves the step after `first` (its completion, an answer, a missing target): the next step, or the end.
  const forward = (...first: Effect[]) =>
    step < last
      ? to({ ...state, step: step + 1 }, ...first, ...view(step + 1))
      : to(
          { ...state, status: 'completed' },
          ...first,
          report('guide_completed', id, { props: startedAt === undefined ? undefined : { durationMs: now - startedAt } }),
          close(id),
        );

  if (event.type === 'start') {
    // Restarting a finished tour is a manual `start(id)`; an active one resumes instead.
    return status === 'active' || last < 0 ? same : to({ status: 'active', step: 0, startedAt: now }, report('guide_started', id), ...view(0));
  }
  if (status !== 'active' || last < 0) return same;
  const advance = current?.advance;
  switch (event.type) {
    case 'resume': {
      const at = Math.min(Math.max(0, Math.floor(event.step) || 0), last);
      // Persist only when clamping moved the step (a newer version with fewer steps).
      return at === step ? { state, effects: view(at) } : to({ ...state, step: at }, ...view(at));
    }
    case 'back':
      return step > 0 ? to({ ...state, step: step - 1 }, ...view(step - 1)) : same;
    case 'skip':
    case 'dismiss': {
      const reason = event.type === 'skip' ? 'skip' : event.reason;
      if (event.type === 'skip' && guide.skippable === false) return same;
      return to(
        { ...state, status: 'dismissed' },
        report('guide_dismissed', id, { step: stepId(step), props: { reason, step: stepId(step) } }),
        close(id),
      );
    }
    case 'shown':
      return { state, effects: [report('step_viewed', id, { step: stepId(step) })] };
    case 'missing': {
      const notFound = report('target_not_found', id, { step: stepId(step), props: event.props });
      // 'pause' (the default) keeps the step; the sdk hides it until the target shows up.
      return current?.onMissing === 'skip' ? forward(notFound) : { state, effects: [notFound] };
    }
    case 'answer': {
      const a = current?.survey && answered(current.survey, event.value, id, stepId(step));
      return a ? forward(a, completed) : same;
    }
    case 'event':
      return advance?.event === event.name ? forward(completed) : same;
    case 'url':
      return advance?.url && matchUrl(advance.url, event.url) ? forward(completed) : same;
    case 'target_clicked':
      if (!advance?.click) return same;
    // falls through: a click on a step that advances on click is a next
    case 'next':
      return forward(completed);
  }
  return same;
}
