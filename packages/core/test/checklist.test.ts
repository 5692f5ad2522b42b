import { describe, expect, it } from 'vitest';
import type { ChecklistItem } from '@compagnon/schema';
import { type ChecklistEvent, type ChecklistSignal, type ProgressRecord, checklistSignalMatches, checklistTransition } from '../src/index.ts';
import { DAY, NOW, checklist, rec } from './fixtures.ts';

const guide = checklist('onboarding');
const item = (id: string) => guide.items.find((i) => i.id === id)!;
const url = (pathname: string) => ({ pathname, search: '' });

describe('checklistSignalMatches', () => {
  it.each<[string, ChecklistItem, ChecklistSignal, boolean]>([
    ['guide completed', item('tour'), { kind: 'guide_completed', guide: 'expense-tour' }, true],
    ['another guide completed', item('tour'), { kind: 'guide_completed', guide: 'other' }, false],
    ['url visited', item('profile'), { kind: 'url', url: url('/profile') }, true],
    ['another url', item('profile'), { kind: 'url', url: url('/home') }, false],
    ['click on the selector', item('save'), { kind: 'click', matches: (s) => s === '#save' }, true],
    ['click elsewhere', item('save'), { kind: 'click', matches: () => false }, false],
    ['invalid selector throws: no match', item('save'), { kind: 'click', matches: () => { throw new SyntaxError('bad'); } }, false],
    ['custom event', item('export'), { kind: 'event', name: 'report-exported' }, true],
    ['another custom event', item('export'), { kind: 'event', name: 'other' }, false],
    ['signal of another kind', item('export'), { kind: 'url', url: url('/report-exported') }, false],
    ['url signal for a click item', item('save'), { kind: 'url', url: url('/save') }, false],
  ])('%s', (_name, it_, signal, expected) => {
    expect(checklistSignalMatches(it_, signal)).toBe(expected);
  });
});

const partial = rec('active', { items: ['tour', 'profile', 'save'] });
const show = (t: ReturnType<typeof checklistTransition>) => t.effects.map((e) => (e.type === 'report' ? `report:${e.event}` : e.type));

type Case = [name: string, record: ProgressRecord | undefined, event: ChecklistEvent, next: Partial<ProgressRecord> | 'same', effects: string[]];

const cases: Case[] = [
  ['first item', undefined, { type: 'item_done', item: 'profile' }, { status: 'active', items: ['profile'], startedAt: NOW },
    ['persist', 'report:checklist_item_completed']],
  ['an item already done', partial, { type: 'item_done', item: 'save' }, 'same', []],
  ['an unknown item', partial, { type: 'item_done', item: 'nope' }, 'same', []],
  ['the last item completes the checklist', partial, { type: 'item_done', item: 'export' },
    { status: 'completed', items: ['tour', 'profile', 'save', 'export'], startedAt: NOW - DAY, completedAt: NOW },
    ['persist', 'report:checklist_item_completed', 'report:checklist_completed', 'report:guide_completed']],
  ['dismiss', partial, { type: 'dismiss' }, { status: 'dismissed', items: partial.items }, ['persist', 'report:guide_dismissed', 'close']],
  ['dismiss when already dismissed does nothing', rec('dismissed'), { type: 'dismiss' }, 'same', []],
  ['item when completed does nothing', rec('completed'), { type: 'item_done', item: 'tour' }, 'same', []],
];

describe('checklistTransition', () => {
  it.each(cases)('%s', (_name, record, event, next, effects) => {
    const t = checklistTransition(guide, record, event, NOW);
    if (next === 'same') expect(t.record).toBe(record);
    else expect(t.record).toEqual(expect.objectContaining({ ...next, version: 1, updatedAt: NOW }));
    expect(show(t)).toEqual(effects);
  });

  it('persists the record it returns, and reports the item', () => {
    const t = checklistTransition(guide, undefined, { type: 'item_done', item: 'save' }, NOW);
    expect(t.effects).toEqual([
      { type: 'persist', guide: 'onboarding', record: t.record },
      { type: 'report', event: 'checklist_item_completed', guide: 'onboarding', item: 'save' },
    ]);
  });

  it('reports the dismiss reason, close by default', () => {
    const reasons = [undefined, 'skip' as const].map((reason) => {
      const report = checklistTransition(guide, undefined, { type: 'dismiss', reason }, NOW).effects.find((e) => e.type === 'report');
      return report?.type === 'report' ? report.props : undefined;
    });
    expect(reasons).toEqual([{ reason: 'close' }, { reason: 'skip' }]);
  });

  it('keeps items done under an older version when a new one re-offers it', () => {
    const t = checklistTransition(checklist('onboarding', { version: 2 }), rec('completed', { items: ['tour'] }), { type: 'item_done', item: 'save' }, NOW);
    expect(t.record).toEqual(expect.objectContaining({ version: 2, status: 'active', items: ['tour', 'save'] }));
  });
});
