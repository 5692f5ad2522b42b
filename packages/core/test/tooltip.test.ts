import { describe, expect, it } from 'vitest';
import { type ProgressRecord, type TooltipEvent, tooltipTransition } from '../src/index.ts';
import { DAY, NOW, rec, tooltip } from './fixtures.ts';

const guide = tooltip('export-tip', { version: 2 });
const opened = { version: 2, status: 'active', opened: true, startedAt: NOW - DAY, updatedAt: NOW - DAY } as const;

type Case = [name: string, record: ProgressRecord | undefined, event: TooltipEvent, next: ProgressRecord | undefined, effects: string[]];

const cases: Case[] = [
  ['open for the first time', undefined, { type: 'open' }, { version: 2, status: 'active', opened: true, startedAt: NOW, updatedAt: NOW },
    ['persist', 'report:tooltip_opened']],
  ['open again keeps startedAt', opened, { type: 'open' }, { ...opened, updatedAt: NOW }, ['persist', 'report:tooltip_opened']],
  ['close after opening completes', opened, { type: 'close' }, { ...opened, status: 'completed', updatedAt: NOW, completedAt: NOW },
    ['persist', 'report:guide_completed', 'close']],
  ['close without opening does nothing', undefined, { type: 'close' }, undefined, []],
  ['close of an older version opened before does nothing', { ...opened, version: 1 }, { type: 'close' }, { ...opened, version: 1 }, []],
  ['open of an older completed version starts over', rec('completed'), { type: 'open' },
    { version: 2, status: 'active', opened: true, startedAt: NOW, updatedAt: NOW }, ['persist', 'report:tooltip_opened']],
  ['open when completed at this version does nothing', rec('completed', { version: 2 }), { type: 'open' }, rec('completed', { version: 2 }), []],
];

describe('tooltipTransition', () => {
  it.each(cases)('%s', (_name, record, event, next, effects) => {
    const t = tooltipTransition(guide, record, event, NOW);
    expect(t.record).toEqual(next);
    expect(t.effects.map((e) => (e.type === 'report' ? `report:${e.event}` : e.type))).toEqual(effects);
  });

  it('persists the record it returns', () => {
    const t = tooltipTransition(guide, opened, { type: 'close' }, NOW);
    expect(t.effects[0]).toEqual({ type: 'persist', guide: 'export-tip', record: t.record });
  });
});
