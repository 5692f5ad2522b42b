// A tour as a pure state machine. Events that make no sense in the current state (next while idle, back on
// the first step, a click on a step that does not advance on click) return the same state and no effect.
import type { TourGuide } from '@compagnon/schema';
import { type DismissReason, type Effect, type Transition, persist, report } from './effects.ts';
import { guideVersion } from './eligibility.ts';
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
  const id = guide.id;
  const last = guide.steps.length - 1;
  const stepId = (i: number) => guide.steps[i]?.id;
  const record = (s: TourState, extra?: Partial<ProgressRecord>): ProgressRecord => ({
    version: guideVersion(guide),
    status: s.status === 'idle' ? 'active' : s.status,
    step: s.step,
    startedAt: s.startedAt ?? now,
    updatedAt: now,
    ...extra,
  });
  const go = (step: number, effects: Effect[] = []): Transition<TourState> => {
    const next: TourState = { ...state, step };
    return {
      state: next,
      effects: [persist(id, record(next)), ...effects, { type: 'show', guide: id, step }, report('step_viewed', id, { step: stepId(step) })],
    };
  };
  const advance = (): Transition<TourState> => {
    if (state.step < last) return go(state.step + 1, [report('step_completed', id, { step: stepId(state.step) })]);
    const done: TourState = { ...state, status: 'completed' };
    const durationMs = state.startedAt === undefined ? undefined : now - state.startedAt;
    return {
      state: done,
      effects: [
        persist(id, record(done, { completedAt: now })),
        report('step_completed', id, { step: stepId(state.step) }),
        report('guide_completed', id, durationMs === undefined ? undefined : { props: { durationMs } }),
        { type: 'close', guide: id },
      ],
    };
  };
  const same = { state, effects: [] };

  if (event.type === 'start') {
    // Restarting a finished tour is a manual `start(id)`; an active one resumes instead.
    if (state.status === 'active' || last < 0) return same;
    const started: TourState = { status: 'active', step: 0, startedAt: now };
    return {
      state: started,
      effects: [persist(id, record(started)), report('guide_started', id), { type: 'show', guide: id, step: 0 }, report('step_viewed', id, { step: stepId(0) })],
    };
  }
  if (state.status !== 'active' || last < 0) return same;
  switch (event.type) {
    case 'resume': {
      const step = Math.min(Math.max(0, Math.floor(event.step) || 0), last);
      // Persist only when clamping moved the step (a newer version with fewer steps).
      const moved = step !== state.step;
      const effects: Effect[] = [{ type: 'show', guide: id, step }, report('step_viewed', id, { step: stepId(step) })];
      return { state: { ...state, step }, effects: moved ? [persist(id, record({ ...state, step })), ...effects] : effects };
    }
    case 'next':
      return advance();
    case 'target_clicked':
      return guide.steps[state.step]?.advance?.click ? advance() : same;
    case 'back':
      return state.step > 0 ? go(state.step - 1) : same;
    case 'dismiss': {
      const dismissed: TourState = { ...state, status: 'dismissed' };
      return {
        state: dismissed,
        effects: [
          persist(id, record(dismissed)),
          report('guide_dismissed', id, { step: stepId(state.step), props: { reason: event.reason, step: stepId(state.step) } }),
          { type: 'close', guide: id },
        ],
      };
    }
  }
  return same;
}
