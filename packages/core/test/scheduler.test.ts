import type { Guide } from '@compagnon/schema';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '@compagnon/testing';
import { type ProgressRecord, type ScheduleInput, type UserProgress, noteShown, schedule } from '../src/index.ts';
import { DAY, NOW, announcement, centre, checklist, rec, survey, tooltip, tour } from './fixtures.ts';

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

// What the person would see in front: `kind:id`, plus the resume step, or `wait:id:ms` for a delayed guide.
const front = (s: ReturnType<typeof schedule>) => {
  const g = s.foreground?.guide ?? s.announcement ?? s.survey;
  return g ? `${g.type}:${g.id}${s.foreground?.resumeAt === undefined ? '' : `@${s.foreground.resumeAt}`}`
    : s.delayed ? `wait:${s.delayed.guide.id}:${s.delayed.ms}` : undefined;
};
const progress = (records: Record<string, ProgressRecord> = {}, extra: Partial<UserProgress> = {}): UserProgress => ({ guides: records, ...extra });
const shownTwice: UserProgress = noteShown(noteShown(progress(), NOW, 'sess'), NOW, 'sess');
const base = { now: NOW, session: 'sess' };

describe('schedule: one automatic foreground guide among tours, announcements and surveys', () => {
  it.each<[name: string, guides: Guide[], p: UserProgress, extra: Partial<ScheduleInput>, expected: string | undefined]>([
    ['an announcement alone', [announcement('news')], progress(), {}, 'announcement:news'],
    ['a survey alone', [survey('pulse')], progress(), {}, 'survey:pulse'],
    ['the highest priority across kinds', [tour('a', { priority: 1 }), announcement('news', { priority: 3 }), survey('pulse', { priority: 2 })], progress(), {}, 'announcement:news'],
    ['ties keep bundle order across kinds', [survey('pulse'), tour('a')], progress(), {}, 'survey:pulse'],
    ['an interrupted tour before a higher-priority announcement', [announcement('news', { priority: 9 }), tour('a')], progress({ a: rec('active', { step: 1 }) }), {}, 'tour:a@1'],
    ['an announcement shown before comes back (a resume)', [tour('a', { priority: 9 }), announcement('news')], progress({ news: rec('active') }), {}, 'announcement:news'],
    ['the current announcement stays', [tour('a', { priority: 9 }), announcement('news')], progress(), { current: 'news' }, 'announcement:news'],
    ['a completed announcement is not offered', [announcement('news')], progress({ news: rec('completed') }), {}, undefined],
    ['a manual survey never starts by itself', [survey('pulse', { trigger: { manual: true } })], progress(), {}, undefined],
    ['not before its startAt', [announcement('news', { startAt: '2026-12-01' }), survey('pulse')], progress(), {}, 'survey:pulse'],
    ['not after its endAt', [announcement('news', { endAt: '2026-11-01' })], progress(), {}, undefined],
    ['not while snoozed', [tour('a', { priority: 5 }), tour('b')], progress({ a: rec('active', { snoozedUntil: NOW + DAY }) }), {}, 'tour:b'],
    ['again once the snooze ran out', [tour('a', { priority: 5 }), tour('b')], progress({ a: rec('active', { step: 1, snoozedUntil: NOW - 1 }) }), {}, 'tour:a@1'],
    ['a snoozed current guide leaves', [announcement('news')], progress({ news: rec('active', { snoozedUntil: NOW + DAY }) }), { current: 'news' }, undefined],
  ])('%s', (_name, guides, p, extra, expected) => {
    expect(front(schedule({ guides, populations: new Set(), progress: p, url: at('/expenses/new'), ...base, ...extra }))).toBe(expected);
  });
});

describe('schedule: typing, opt-out and the interruption budget', () => {
  const guides = [tour('a', { priority: 2 }), announcement('news', { priority: 1 })];
  it.each<[name: string, guides: Guide[], p: UserProgress, extra: Partial<ScheduleInput>, expected: string | undefined]>([
    ['nothing new while typing', guides, progress(), { typing: true }, undefined],
    ['no resume while typing', guides, progress({ a: rec('active', { step: 1 }) }), { typing: true }, undefined],
    ['the guide on screen stays while typing', guides, progress(), { typing: true, current: 'a' }, 'tour:a'],
    ['opted out: nothing automatic', guides, progress({}, { optedOut: true }), {}, undefined],
    ['opted out: an automatic tour left half-way does not resume', guides, progress({ a: rec('active', { step: 1 }) }, { optedOut: true }), {}, undefined],
    ['opted out: a manual tour started by hand resumes', [tour('m', { trigger: { manual: true } })], progress({ m: rec('active', { step: 2 }) }, { optedOut: true }), {}, 'tour:m@2'],
    ['opted out: the guide on screen stays', guides, progress({}, { optedOut: true }), { current: 'news' }, 'announcement:news'],
    ['the budget holds back a third guide in the session (default 2)', guides, shownTwice, {}, undefined],
    ['a new session, same day: room again', guides, shownTwice, { session: 'other' }, 'tour:a'],
    ['a resume never counts against the budget', guides, { ...shownTwice, guides: { news: rec('active') } }, {}, 'announcement:news'],
    ['the guide on screen stays beyond the budget', guides, shownTwice, { current: 'a' }, 'tour:a'],
    ['a per-session setting', guides, shownTwice, { settings: { budget: { perSession: 3 } } }, 'tour:a'],
    ['a per-day setting', guides, noteShown(progress(), NOW, 'earlier'), { settings: { budget: { perDay: 1 } } }, undefined],
    ['a zero budget: nothing automatic', guides, progress(), { settings: { budget: { perSession: 0 } } }, undefined],
  ])('%s', (_name, g, p, extra, expected) => {
    expect(front(schedule({ guides: g, populations: new Set(), progress: p, url: at('/expenses/new'), ...base, ...extra }))).toBe(expected);
  });

  it('resets the daily budget the next day (manual clock)', () => {
    // Local noon: the day's counter must not roll over in whatever time zone the tests run.
    const clock = createManualClock(new Date(2026, 10, 24, 12).getTime());
    let p = progress();
    const shown: Array<string | undefined> = [];
    // Four page loads, each in a new session: 3 a day by default, then the next day again.
    for (const [i, ms] of [0, 3_600_000, 3_600_000, 3_600_000, DAY].entries()) {
      clock.advance(ms);
      const plan = schedule({ guides: [tour(`t${i}`)], populations: new Set(), progress: p, url: at('/'), now: clock.now(), session: `s${i}` });
      shown.push(front(plan));
      if (plan.foreground) p = noteShown(p, clock.now(), `s${i}`);
    }
    expect(shown).toEqual(['tour:t0', 'tour:t1', 'tour:t2', undefined, 'tour:t4']);
  });

  it('never limits tooltips, checklists and resource centres', () => {
    const s = schedule({
      guides: [tooltip('tip'), checklist('list'), centre('help'), tour('a')], populations: new Set(), url: at('/'),
      progress: { ...shownTwice, optedOut: true }, typing: true, ...base,
    });
    expect([front(s), s.tooltips.length, s.checklists.length, s.resourceCentres.map((g) => g.id)]).toEqual([undefined, 1, 1, ['help']]);
  });
});

describe('schedule: element, event and delay triggers', () => {
  const present = (selector: string) => selector === '#report';
  it.each<[name: string, guides: Guide[], p: UserProgress, extra: Partial<ScheduleInput>, expected: string | undefined]>([
    ['an element present', [tour('a', { trigger: { element: '#report' } })], progress(), { elementPresent: present }, 'tour:a'],
    ['an element absent', [tour('a', { trigger: { element: '#nope' } })], progress(), { elementPresent: present }, undefined],
    ['an element trigger without a probe does not hold', [tour('a', { trigger: { element: '#report' } })], progress(), {}, undefined],
    ['an element and a url: both must hold', [tour('a', { trigger: { element: '#report', url: '/profile' } })], progress(), { elementPresent: present }, undefined],
    ['its event just tracked', [survey('pulse', { trigger: { event: 'report-exported' } })], progress(), { events: ['report-exported'] }, 'survey:pulse'],
    ['no such event since the last schedule', [survey('pulse', { trigger: { event: 'report-exported' } })], progress(), { events: ['other'] }, undefined],
    ['an event-triggered guide already started resumes without the event', [tour('a', { trigger: { event: 'go' } })], progress({ a: rec('active', { step: 1 }) }), {}, 'tour:a@1'],
    ['a delay: wait first', [announcement('news', { trigger: { delay: 5000 } })], progress(), {}, 'wait:news:5000'],
    ['a delay run out', [announcement('news', { trigger: { delay: 5000 } })], progress(), { due: ['news'] }, 'announcement:news'],
    ['a delayed event trigger, due: the event counts as met', [survey('pulse', { trigger: { event: 'e', delay: 1000 } })], progress(), { due: ['pulse'] }, 'survey:pulse'],
    ['a delayed guide does not let a lower one in', [announcement('news', { priority: 2, trigger: { delay: 5000 } }), tour('a')], progress(), {}, 'wait:news:5000'],
    ['no delay for a resume', [tour('a', { trigger: { delay: 5000 } })], progress({ a: rec('active') }), {}, 'tour:a@0'],
    ['no wait while typing', [announcement('news', { trigger: { delay: 5000 } })], progress(), { typing: true }, undefined],
    ['no wait beyond the budget', [announcement('news', { trigger: { delay: 5000 } })], shownTwice, {}, undefined],
    ['a delay of 0 is none', [announcement('news', { trigger: { delay: 0 } })], progress(), {}, 'announcement:news'],
  ])('%s', (_name, guides, p, extra, expected) => {
    expect(front(schedule({ guides, populations: new Set(), progress: p, url: at('/expenses/new'), ...base, ...extra }))).toBe(expected);
  });

  it('applies element and event triggers to tooltips and checklists too', () => {
    const s = schedule({
      guides: [tooltip('tip', { trigger: { element: '#nope' } }), checklist('list', { trigger: { event: 'go' } }), checklist('now', { trigger: { event: 'go' } })],
      populations: new Set(), progress: progress({ now: rec('active', { items: ['tour'] }) }), url: at('/'), elementPresent: present, ...base,
    });
    expect([s.tooltips, s.checklists.map((g) => g.id)]).toEqual([[], ['now']]);
  });
});

describe('schedule: multi-page tours', () => {
  const steps = [
    { id: 's1', title: 'One', url: '/expenses', advance: { url: '/reports' } },
    { id: 's2', title: 'Two', url: '/reports' },
    { id: 's3', title: 'Three', url: '/settings/*' },
  ];
  const multi = tour('multi', { trigger: { url: '/expenses' }, steps });
  it.each<[name: string, pathname: string, record: ProgressRecord | undefined, expected: string | undefined]>([
    ['starts on its trigger page', '/expenses', undefined, 'tour:multi'],
    ['does not start on a later step page', '/reports', undefined, undefined],
    ['resumes on a page a step lives on', '/settings/team', rec('active', { step: 1 }), 'tour:multi@1'],
    ['resumes on the page a step leads to', '/reports', rec('active', { step: 0 }), 'tour:multi@0'],
    ['does not resume elsewhere', '/profile', rec('active', { step: 1 }), undefined],
  ])('%s', (_name, pathname, record, expected) => {
    const p = progress(record ? { multi: record } : {});
    expect(front(schedule({ guides: [multi], populations: new Set(), progress: p, url: at(pathname), ...base }))).toBe(expected);
  });
});

describe('schedule: preview', () => {
  const guides: Guide[] = [
    tour('a', { priority: 9 }),
    announcement('news', { audience: ['hr'], endAt: '2020-01-01', trigger: { url: '/elsewhere', delay: 5000 } }),
    tooltip('tip', { audience: ['hr'], trigger: { manual: true } }),
    centre('help', { audience: ['hr'] }),
  ];
  it.each<[name: string, preview: string, p: UserProgress, expected: unknown]>([
    ['a foreground guide, whatever audience, dates, trigger and budget', 'news', { ...shownTwice, optedOut: true }, ['announcement:news', [], []]],
    ['whatever progress', 'a', progress({ a: rec('completed') }), ['tour:a', [], []]],
    ['a tooltip alone', 'tip', progress(), [undefined, ['tip'], []]],
    ['a resource centre alone', 'help', progress(), [undefined, [], ['help']]],
    ['an unknown id: nothing', 'nope', progress(), [undefined, [], []]],
  ])('%s', (_name, preview, p, expected) => {
    const s = schedule({ guides, populations: new Set(), progress: p, url: at('/'), preview, typing: true, ...base });
    expect([front(s), s.tooltips.map((g) => g.id), s.resourceCentres.map((g) => g.id)]).toEqual(expected);
  });
});

describe('schedule: resource centres', () => {
  it.each<[name: string, guides: Guide[], expected: string[]]>([
    ['one for everyone', [centre('help')], ['help']],
    ['only for its audience', [centre('help', { audience: ['hr'] }), centre('mine', { audience: ['managers'] })], ['mine']],
    ['only on its pages', [centre('help', { trigger: { url: '/profile' } })], []],
    ['not after its endAt', [centre('help', { endAt: '2026-01-01' })], []],
  ])('%s', (_name, guides, expected) => {
    expect(schedule({ guides, populations: new Set(['managers']), progress: progress(), url: at('/'), ...base }).resourceCentres.map((g) => g.id)).toEqual(expected);
  });
});
