import type { Guide } from '@compagnon/schema';
import { describe, expect, it } from 'vitest';
import { type ProgressRecord, type ScheduleInput, schedule } from '../src/index.ts';
import { checklist, rec, tooltip, tour } from './fixtures.ts';

const at = (pathname: string) => ({ pathname, search: '' });
const run = (guides: Guide[], records: Record<string, ProgressRecord> = {}, extra: Partial<ScheduleInput> = {}) =>
  schedule({ guides, populations: new Set(['managers']), progress: { guides: records }, url: at('/expenses/new'), ...extra });
const fg = (s: ReturnType<typeof schedule>) => (s.foreground ? [s.foreground.guide.id, s.foreground.resumeAt] : undefined);

describe('schedule: foreground tour', () => {
  it.each<[string, Guide[], Record<string, ProgressRecord>, Partial<ScheduleInput>, unknown]>([
    ['nothing eligible', [tour('a', { audience: ['hr'] })], {}, {}, undefined],
    ['the only tour', [tour('a')], {}, {}, ['a', undefined]],
    ['highest priority wins', [tour('a', { priority: 1 }), tour('b', { priority: 5 }), tour('c')], {}, {}, ['b', undefined]],
    ['ties keep bundle order', [tour('a', { priority: 2 }), tour('b', { priority: 2 })], {}, {}, ['a', undefined]],
    ['no priority counts as 0', [tour('a'), tour('b', { priority: -1 })], {}, {}, ['a', undefined]],
    ['trigger url must match', [tour('a', { priority: 9, trigger: { url: '/profile' } }), tour('b')], {}, {}, ['b', undefined]],
    ['manual tours never start by themselves', [tour('a', { trigger: { manual: true } })], {}, {}, undefined],
    ['completed tours are not offered', [tour('a', { priority: 9 }), tour('b')], { a: rec('completed') }, {}, ['b', undefined]],
    ['a new version re-offers a completed tour', [tour('a', { version: 2 })], { a: rec('completed') }, {}, ['a', undefined]],
    ['an interrupted tour resumes before a higher-priority new one', [tour('a', { priority: 9 }), tour('b')], { b: rec('active', { step: 2 }) }, {}, ['b', 2]],
    ['an interrupted manual tour resumes', [tour('a', { trigger: { manual: true } })], { a: rec('active', { step: 1 }) }, {}, ['a', 1]],
    ['an interrupted tour elsewhere does not resume here', [tour('a', { trigger: { url: '/profile' } }), tour('b')], { a: rec('active', { step: 1 }) }, {}, ['b', undefined]],
    ['the current tour stays', [tour('a', { priority: 9 }), tour('b')], { b: rec('active') }, { current: 'b' }, ['b', undefined]],
    ['the current tour stays off its trigger url', [tour('a'), tour('b', { trigger: { url: '/profile' } })], {}, { current: 'b' }, ['b', undefined]],
    ['a current tour no longer eligible gives way', [tour('a'), tour('b')], { b: rec('completed') }, { current: 'b' }, ['a', undefined]],
    ['a current id that is no tour is ignored', [tooltip('t'), tour('a')], {}, { current: 't' }, ['a', undefined]],
    ['population membership matters', [tour('a', { audience: ['managers'], priority: 1 }), tour('b')], {}, {}, ['a', undefined]],
    ['an audience the user is not in', [tour('a', { audience: ['hr'], priority: 1 }), tour('b')], {}, {}, ['b', undefined]],
  ])('%s', (_name, guides, records, extra, expected) => {
    expect(fg(run(guides, records, extra))).toEqual(expected);
  });
});

describe('schedule: tooltips and checklists', () => {
  const guides: Guide[] = [
    tooltip('tip-here', { trigger: { url: '/expenses/*' } }),
    tooltip('tip-elsewhere', { trigger: { url: '/profile' } }),
    tooltip('tip-done'),
    tooltip('tip-manual', { trigger: { manual: true } }),
    tooltip('tip-hr', { audience: ['hr'] }),
    checklist('list-everywhere'),
    checklist('list-elsewhere', { trigger: { url: '/home' } }),
    checklist('list-dismissed'),
    checklist('list-in-progress'),
  ];
  const s = run(guides, { 'tip-done': rec('completed'), 'list-dismissed': rec('dismissed'), 'list-in-progress': rec('active', { items: ['tour'] }) });

  it.each([
    ['tooltips eligible on this page', s.tooltips.map((g) => g.id), ['tip-here']],
    ['checklists eligible on this page', s.checklists.map((g) => g.id), ['list-everywhere', 'list-in-progress']],
    ['no foreground without tours', s.foreground, undefined],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toEqual(expected);
  });

  it('coexist with the foreground tour', () => {
    const both = run([tour('a'), tooltip('t'), checklist('c')]);
    expect([fg(both), both.tooltips.length, both.checklists.length]).toEqual([['a', undefined], 1, 1]);
  });
});
