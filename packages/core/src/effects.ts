// Transitions describe what should happen as data; `sdk` executes it in order. Persist effects always precede
// report effects, so an event is never sent for a state that was not saved.
import type { EventType, Guide, Question } from '@compagnon/schema';
import { guideVersion } from './eligibility.ts';
import type { GuideStatus, ProgressRecord } from './progress.ts';

export const DISMISS_REASONS = ['close', 'escape', 'skip'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export type Effect =
  | { type: 'persist'; guide: string; record: ProgressRecord }
  | { type: 'report'; event: EventType; guide: string; step?: string; item?: string; props?: Record<string, unknown> }
  /** Tour: show step N (the sdk waits for its target first). */
  | { type: 'show'; guide: string; step: number }
  | { type: 'close'; guide: string };

export type ReportEffect = Extract<Effect, { type: 'report' }>;

export interface Transition<S> {
  state: S;
  effects: Effect[];
}

export const report = (event: EventType, guide: string, extra?: Omit<ReportEffect, 'type' | 'event' | 'guide'>): Effect => ({
  type: 'report',
  event,
  guide,
  ...extra,
});

export const close = (guide: string): Effect => ({ type: 'close', guide });

/**
 * The one way every guide kind changes its record: stamped with the guide's current version and `now`
 * (`completedAt` too when it completes), and persisted before the effects that follow.
 */
export function commit(
  guide: Guide,
  status: GuideStatus,
  startedAt: number | undefined,
  now: number,
  fields: Partial<ProgressRecord>,
  ...effects: Effect[]
): { record: ProgressRecord; effects: Effect[] } {
  const record: ProgressRecord = { version: guideVersion(guide), status, startedAt: startedAt ?? now, updatedAt: now, ...fields };
  if (status === 'completed') record.completedAt = now;
  return { record, effects: [{ type: 'persist', guide: guide.id, record }, ...effects] };
}

/** Whether `value` answers `question`: rating 1–5, NPS 0–10 (integers), a choice id, a non-blank text. */
export const validAnswer = (question: Question, value: unknown): boolean =>
  question.kind === 'text'
    ? typeof value === 'string' && !!value.trim() && value.length <= (question.maxLength ?? 500)
    : question.kind === 'choice'
      ? question.options.some((o) => o.id === value)
      : Number.isInteger(value) && (value as number) >= +(question.kind === 'rating') && (value as number) <= (question.kind === 'nps' ? 10 : 5);

/** The `survey_answered` report of a valid answer (a survey guide's, or a tour step's), else undefined. */
export const answered = (question: Question, value: unknown, guide: string, step?: string): Effect | undefined =>
  validAnswer(question, value) ? report('survey_answered', guide, { step, props: { kind: question.kind, value } }) : undefined;
