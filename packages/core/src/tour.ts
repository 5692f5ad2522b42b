// A tour as a pure state machine. Events that make no sense in the current state (next while idle, back on
// the first step, a click on a step that does not advance on click) return the same state and no effect.
import type { TourGuide } from '@compagnon/schema';
import { type DismissReason, type Effect, type Transition, close, commit, report } from './effects.ts';
import type { GuideStatus, ProgressRecord } from './progress.ts';

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
  | { type: 'dismiss'; reason: DismissReason };

export function tourStateFrom(record: ProgressRecord | undefined): TourState {
  return record ? { status: record.status, step: record.step ?? 0, startedAt: record.startedAt } : { status: 'idle', step: 0 };
}

export function tourTransition(guide: TourGuide, state: TourState, event: TourEvent, now: number): Transition<TourState> {
  const { id, steps } = guide;
  const { status, step, startedAt } = state;
  const last = steps.length - 1;
  const stepId = (i: number) => steps[i]?.id;
  const view = (i: number): Effect[] => [{ type: 'show', guide: id, step: i }, report('step_viewed', id, { step: stepId(i) })];
  // Every move out of `idle` lands in a saved state: persist it, then the effects.
  const to = (next: TourState, ...effects: Effect[]): Transition<TourState> => ({
    state: next,
    effects: commit(guide, next.status as GuideStatus, next.startedAt, now, { step: next.step }, ...effects).effects,
  });
  const same = { state, effects: [] };

  if (event.type === 'start') {
    // Restarting a finished tour is a manual `start(id)`; an active one resumes instead.
    return status === 'active' || last < 0 ? same : to({ status: 'active', step: 0, startedAt: now }, report('guide_started', id), ...view(0));
  }
  if (status !== 'active' || last < 0) return same;
  const completed = report('step_completed', id, { step: stepId(step) });
  switch (event.type) {
    case 'resume': {
      const at = Math.min(Math.max(0, Math.floor(event.step) || 0), last);
      // Persist only when clamping moved the step (a newer version with fewer steps).
      return at === step ? { state, effects: view(at) } : to({ ...state, step: at }, ...view(at));
    }
    case 'back':
      return step > 0 ? to({ ...state, step: step - 1 }, ...view(step - 1)) : same;
    case 'dismiss':
      return to(
        { ...state, status: 'dismissed' },
        report('guide_dismissed', id, { step: stepId(step), props: { reason: event.reason, step: stepId(step) } }),
        close(id),
      );
    case 'target_clicked':
      if (!steps[step]?.advance?.click) return same;
    // falls through: a click on a step that advances on click is a next
    case 'next':
      return step < last
        ? to({ ...state, step: step + 1 }, completed, ...view(step + 1))
        : to(
            { ...state, status: 'completed' },
            completed,
            report('guide_completed', id, { props: startedAt === undefined ? undefined : { durationMs: now - startedAt } }),
            close(id),
          );
  }
  return same;
}
