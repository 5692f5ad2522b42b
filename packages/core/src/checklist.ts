// Checklist items complete on signals the sdk observes (a guide finished, a URL visited, a click, a custom
// event); the checklist completes with its last item.
import type { ChecklistGuide, ChecklistItem } from '@compagnon/schema';
import { type DismissReason, type Effect, close, commit, report } from './effects.ts';
import { isFinished } from './eligibility.ts';
import type { ProgressRecord } from './progress.ts';
import { type UrlParts, matchUrl } from './url.ts';

export type ChecklistSignal =
  | { kind: 'guide_completed'; guide: string }
  | { kind: 'url'; url: UrlParts }
  /** `matches` is usually `(s) => clickedElement.closest(s) !== null`. */
  | { kind: 'click'; matches: (selector: string) => boolean }
  | { kind: 'event'; name: string };

export type ChecklistEvent = { type: 'item_done'; item: string } | { type: 'dismiss'; reason?: DismissReason };

export function checklistSignalMatches(item: ChecklistItem, signal: ChecklistSignal): boolean {
  const when = item.doneWhen;
  if ('guide' in when) return signal.kind === 'guide_completed' && signal.guide === when.guide;
  if ('url' in when) return signal.kind === 'url' && matchUrl(when.url, signal.url);
  if ('event' in when) return signal.kind === 'event' && signal.name === when.event;
  try {
    return signal.kind === 'click' && signal.matches(when.click);
  } catch {
    return false; // an invalid selector makes Element.matches throw a SyntaxError: no match, no crash
  }
}

export function checklistTransition(
  guide: ChecklistGuide,
  record: ProgressRecord | undefined,
  event: ChecklistEvent,
  now: number,
): { record: ProgressRecord | undefined; effects: Effect[] } {
  const id = guide.id;
  const startedAt = record?.startedAt;
  // Items done under an older version stay done: item ids outlive content edits.
  const items = record?.items ?? [];
  const same = { record, effects: [] };
  if (isFinished(guide, record)) return same;
  if (event.type === 'dismiss') {
    return commit(guide, 'dismissed', startedAt, now, { items }, report('guide_dismissed', id, { props: { reason: event.reason ?? 'close' } }), close(id));
  }
  const item = event.item;
  if (items.includes(item) || !guide.items.some((i) => i.id === item)) return same;
  const done = [...items, item];
  const itemReport = report('checklist_item_completed', id, { item });
  return guide.items.every((i) => done.includes(i.id))
    ? commit(guide, 'completed', startedAt, now, { items: done }, itemReport, report('checklist_completed', id), report('guide_completed', id))
    : commit(guide, 'active', startedAt, now, { items: done }, itemReport);
}
