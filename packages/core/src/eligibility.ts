// Who may see a guide, and whether they have already finished this version of it.
import type { Guide } from '@compagnon/schema';
import type { ProgressRecord } from './progress.ts';

/** The guide's content version; guides without one are version 1. */
export const guideVersion = (guide: Guide): number => guide.version ?? 1;

/** No audience: everyone; otherwise a member of at least one of its populations. */
export const inAudience = (guide: Guide, populations: ReadonlySet<string>): boolean =>
  !guide.audience || guide.audience.some((id) => populations.has(id));

/** Whether a record closes this version of the guide (completed or dismissed at it, or at a later one). */
export const isFinished = (guide: Guide, record: ProgressRecord | undefined): boolean =>
  !!record && record.status !== 'active' && record.version >= guideVersion(guide);

export const isEligible = (guide: Guide, populations: ReadonlySet<string>, record: ProgressRecord | undefined): boolean =>
  inAudience(guide, populations) && !isFinished(guide, record);

/** A manual `start(id)` ignores triggers and past completion, but never the audience. */
export const startable: (guide: Guide, populations: ReadonlySet<string>) => boolean = inAudience;
