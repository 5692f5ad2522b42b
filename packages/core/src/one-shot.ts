// Announcements and surveys: shown, then finished by one action (or dismissed). Showing again a guide that is
// already active (a new page, a snooze run out) is a resume: no second `guide_started`.
import type { AnnouncementGuide, Guide, SurveyGuide } from '@compagnon/schema';
import { type DismissReason, type Effect, answered, close, commit, report } from './effects.ts';
import { guideVersion, isFinished } from './eligibility.ts';
import type { ProgressRecord } from './progress.ts';

type Result = { record: ProgressRecord | undefined; effects: Effect[] };
type Shared = { type: 'show' } | { type: 'dismiss'; reason: DismissReason };

export type AnnouncementEvent = Shared | { type: 'action' };
export type SurveyEvent = Shared | { type: 'answer'; value: number | string };

function oneShot(
  guide: Guide,
  record: ProgressRecord | undefined,
  event: Shared | { type: 'done'; fields?: Partial<ProgressRecord>; first?: Effect },
  now: number,
): Result {
  const id = guide.id;
  const current = record && record.version >= guideVersion(guide) ? record : undefined;
  const startedAt = current?.startedAt;
  if (isFinished(guide, record) || (event.type === 'show' && current?.status === 'active')) return { record, effects: [] };
  if (event.type === 'show') return commit(guide, 'active', now, now, {}, report('guide_started', id));
  if (event.type === 'dismiss') {
    return commit(guide, 'dismissed', startedAt, now, {}, report('guide_dismissed', id, { props: { reason: event.reason } }), close(id));
  }
  const first = event.first ? [event.first] : [];
  return commit(guide, 'completed', startedAt, now, event.fields ?? {}, ...first, report('guide_completed', id), close(id));
}

/** The action completes; so does closing an announcement that has no action (reading it was all there was to do). */
export const announcementTransition = (guide: AnnouncementGuide, record: ProgressRecord | undefined, event: AnnouncementEvent, now: number): Result =>
  oneShot(guide, record, event.type === 'action' || (event.type === 'dismiss' && !guide.action) ? { type: 'done' } : event, now);

/** A valid answer is saved and reported (`survey_answered`), and completes the survey; an invalid one does nothing. */
export function surveyTransition(guide: SurveyGuide, record: ProgressRecord | undefined, event: SurveyEvent, now: number): Result {
  if (event.type !== 'answer') return oneShot(guide, record, event, now);
  const first = answered(guide.question, event.value, guide.id);
  return first ? oneShot(guide, record, { type: 'done', fields: { answer: event.value }, first }, now) : { record, effects: [] };
}

/** "Remind me tomorrow": not offered automatically for `hours`; the guide keeps its place (a tour, its step). */
export const snooze = (guide: Guide, record: ProgressRecord | undefined, now: number, hours = 24): Result =>
  commit(guide, 'active', record?.startedAt, now, { step: record?.step, snoozedUntil: now + hours * 3_600_000 }, close(guide.id));
