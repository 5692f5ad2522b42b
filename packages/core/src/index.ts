export type {
  Clock,
  Dispose,
  KeyValueStore,
  Logger,
  OutboxStore,
  Platform,
  Random,
  RescueStore,
  Transport,
  TransportResponse,
} from './platform.ts';
export { type RuleContext, type UserProfile, evaluateRule, resolvePopulations } from './rules.ts';
export { rolloutBucket } from './rollout.ts';
export { DAY_MS, toTime } from './time.ts';
export { type UrlParts, matchUrl, matchesTrigger } from './url.ts';
export {
  type GuideStatus,
  type ProgressRecord,
  type ShownCounts,
  type UserProgress,
  countEvent,
  loadProgress,
  noteShown,
  progressKey,
  recordVisit,
  type Visit,
  SESSION_GAP_MS,
  saveRecord,
  shownCounts,
  updateProgress,
} from './progress.ts';
export { createMemoryOutboxStore, createMemoryStore } from './memory-store.ts';
export { guideVersion, inAudience, isEligible, isFinished, startable, whyShown } from './eligibility.ts';
export { DISMISS_REASONS, type DismissReason, type Effect, type ReportEffect, type Transition, validAnswer } from './effects.ts';
export { type TourEvent, type TourState, tourStateFrom, tourStepMatchesUrl, tourTransition } from './tour.ts';
export { type AnnouncementEvent, type SurveyEvent, announcementTransition, snooze, surveyTransition } from './one-shot.ts';
export { type TooltipEvent, tooltipTransition } from './tooltip.ts';
export { type ChecklistEvent, type ChecklistSignal, checklistSignalMatches, checklistTransition } from './checklist.ts';
export { type Schedule, type ScheduleInput, schedule } from './scheduler.ts';
export { type EventContext, makeEvent } from './events.ts';
export {
  DEFAULT_OUTBOX,
  type OutboxConfig,
  type Outcome,
  URGENT_EVENTS,
  backoffDelay,
  beaconBody,
  classify,
  type RejectedEvent,
  isUrgent,
  parseRetryAfter,
  rejectedEvents,
  takeBatch,
  utf8Length,
} from './outbox/policy.ts';
export { type Outbox, type OutboxDeps, type OutboxStats, createOutbox } from './outbox/outbox.ts';
