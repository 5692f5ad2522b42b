// A tooltip is seen once it has been opened and closed again; closing an unopened one means nothing.
import type { TooltipGuide } from '@compagnon/schema';
import { type Effect, close, commit, report } from './effects.ts';
import { guideVersion, isFinished } from './eligibility.ts';
import type { ProgressRecord } from './progress.ts';

export type TooltipEvent = { type: 'open' } | { type: 'close' };

export function tooltipTransition(
  guide: TooltipGuide,
  record: ProgressRecord | undefined,
  event: TooltipEvent,
  now: number,
): { record: ProgressRecord | undefined; effects: Effect[] } {
  const id = guide.id;
  // A record of an older version starts over.
  const current = record && record.version >= guideVersion(guide) ? record : undefined;
  const startedAt = current?.startedAt;
  if (isFinished(guide, record) || (event.type === 'close' && !current?.opened)) return { record, effects: [] };
  return event.type === 'open'
    ? commit(guide, 'active', startedAt, now, { opened: true }, report('tooltip_opened', id))
    : commit(guide, 'completed', startedAt, now, { opened: true }, report('guide_completed', id), close(id));
}
