// Who may see a guide, and whether they have already finished this version of it.
import { type Guide, type Locale, type Population, localize } from '@compagnon/schema';
import type { ProgressRecord } from './progress.ts';

/** The guide's content version; guides without one are version 1. */
export const guideVersion = (guide: Guide): number => guide.version ?? 1;

/** No audience: everyone; otherwise a member of at least one of its populations. */
export const inAudience = (guide: Guide, populations: ReadonlySet<string>): boolean =>
  !guide.audience || guide.audience.some((id) => populations.has(id));

/** Whether a record closes this version of the guide (completed or dismissed at it, or at a later one). */
export const isFinished = (guide: Guide, record: ProgressRecord | undefined): boolean =>
  !!record && record.status !== 'active' && record.version >= guideVersion(guide);

// A bare date is a local day, and `endAt` includes it (an ISO date-time without offset is local time).
const bound = (iso: string | undefined, end?: 1) =>
  iso ? Date.parse(iso.length > 10 ? iso : iso + (end ? 'T23:59:59.999' : 'T00:00')) : NaN;

/** Within `[startAt, endAt]` and not snoozed at `now`; without `now`, time is not checked. */
const inTime = (guide: Guide, record: ProgressRecord | undefined, now: number | undefined): boolean =>
  now === undefined || !(now < bound(guide.startAt) || now > bound(guide.endAt, 1) || now < (record?.snoozedUntil ?? NaN));

export const isEligible = (guide: Guide, populations: ReadonlySet<string>, record: ProgressRecord | undefined, now?: number): boolean =>
  inAudience(guide, populations) && !isFinished(guide, record) && inTime(guide, record, now);

/** A manual `start(id)` ignores triggers and past completion, but never the audience. */
export const startable: (guide: Guide, populations: ReadonlySet<string>) => boolean = inAudience;

/** "Why am I seeing this?": the names (else ids) of the guide's audience populations the person is in; none without an audience. */
export function whyShown(
  guide: Guide,
  populations: Record<string, Population>,
  userPopulations: Iterable<string>,
  locale: Locale,
): string | undefined {
  const mine = new Set(userPopulations);
  const names = guide.audience?.filter((id) => mine.has(id)).map((id) => {
    const name = populations[id]?.name;
    return name ? localize(name, locale) : id;
  });
  return names?.join(', ') || undefined;
}
