// A tooltip is seen once it has been opened and closed again; closing an unopened one means nothing.
import type { TooltipGuide } from '@compagnon/schema';
import { type Effect, persist, report } from './effects.ts';
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
  const same = { record, effects: [] };
  if (isFinished(guide, record)) return same;
  // A record of an older version starts over.
  const current = record && record.version >= guideVersion(guide) ? record : undefined;
  if (event.type === 'open') {
    const next: ProgressRecord = { version: guideVersion(guide), status: 'active', opened: true, startedAt: current?.startedAt ?? now, updatedAt: now };
    return { record: next, effects: [persist(id, next), report('tooltip_opened', id)] };
  }
  if (!current?.opened) return same;
  const done: ProgressRecord = { ...current, status: 'completed', updatedAt: now, completedAt: now };
  return { record: done, effects: [persist(id, done), report('guide_completed', id), { type: 'close', guide: id }] };
}
