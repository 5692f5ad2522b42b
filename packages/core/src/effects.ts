// Transitions describe what should happen as data; `sdk` executes it in order. Persist effects always precede
// report effects, so an event is never sent for a state that was not saved.
import type { EventType } from '@compagnon/schema';
import type { ProgressRecord } from './progress.ts';

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

export const persist = (guide: string, record: ProgressRecord): Effect => ({ type: 'persist', guide, record });

export const report = (event: EventType, guide: string, extra?: Omit<ReportEffect, 'type' | 'event' | 'guide'>): Effect => ({
  type: 'report',
  event,
  guide,
  ...extra,
});
