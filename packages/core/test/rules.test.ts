import type { Population, Rule } from '@compagnon/schema';
import { describe, expect, it } from 'vitest';
import { type UserProfile, evaluateRule, resolvePopulations, rolloutBucket } from '../src/index.ts';
import { DAY, NOW } from './fixtures.ts';

const iso = (t: number) => new Date(t).toISOString();

const user: UserProfile = {
  id: 'u-1',
  department: 'Finance',
  isManager: true,
  level: 3,
  levelText: '3',
  groups: ['hr', 'pilot'],
  email: 'ana@example.org',
  hiredAt: '2026-11-10',
  hiredMs: NOW - 5 * DAY,
};

type Case = [name: string, rule: Rule, expected: boolean, user?: UserProfile | undefined, lastVisitAt?: number];

const cases: Case[] = [
  ['eq matches a boolean', { attr: 'isManager', eq: true }, true],
  ['eq is strict (3 is not "3")', { attr: 'level', eq: '3' }, false],
  ['eq on another value', { attr: 'department', eq: 'HR' }, false],
  ['in: member', { attr: 'department', in: ['HR', 'Finance'] }, true],
  ['in: not a member', { attr: 'department', in: ['HR', 'IT'] }, false],
  ['in: array attribute overlapping the list', { attr: 'groups', in: ['pilot', 'x'] }, true],
  ['in: array attribute not overlapping', { attr: 'groups', in: ['x'] }, false],
  ['contains: array attribute includes', { attr: 'groups', contains: 'hr' }, true],
  ['contains: array attribute lacks', { attr: 'groups', contains: 'it' }, false],
  ['contains: substring of a string', { attr: 'email', contains: '@example.org' }, true],
  ['contains: not a substring', { attr: 'email', contains: '@corp' }, false],
  ['contains: number attribute never contains', { attr: 'level', contains: 3 }, false],
  ['gte numeric, equal', { attr: 'level', gte: 3 }, true],
  ['gte numeric, above', { attr: 'level', gte: 4 }, false],
  ['lte numeric', { attr: 'level', lte: 3 }, true],
  ['lte numeric, below', { attr: 'level', lte: 2 }, false],
  ['gte with a numeric string attribute', { attr: 'levelText', gte: 2 }, true],
  ['gte and lte together (range)', { attr: 'level', gte: 1, lte: 5 }, true],
  ['gte on a non-numeric string is false', { attr: 'department', gte: 1 }, false],
  ['gte dates: hired after 1 Nov', { attr: 'hiredAt', gte: '2026-11-01' }, true],
  ['gte dates: hired after 20 Nov', { attr: 'hiredAt', gte: '2026-11-20' }, false],
  ['lte dates, same day', { attr: 'hiredAt', lte: '2026-11-10' }, true],
  ['withinDays: ISO date 14 days ago, N=30', { attr: 'hiredAt', withinDays: 30 }, true],
  ['withinDays: ISO date 14 days ago, N=7', { attr: 'hiredAt', withinDays: 7 }, false],
  ['withinDays: epoch ms', { attr: 'hiredMs', withinDays: 5 }, true],
  ['withinDays: exactly N days ago', { attr: 'd', withinDays: 2 }, true, { d: iso(NOW - 2 * DAY) }],
  ['withinDays: N days and 1 ms ago', { attr: 'd', withinDays: 2 }, false, { d: NOW - 2 * DAY - 1 }],
  ['withinDays: now', { attr: 'd', withinDays: 0 }, true, { d: NOW }],
  ['withinDays: 1 ms in the future', { attr: 'd', withinDays: 30 }, false, { d: NOW + 1 }],
  ['withinDays: not a date', { attr: 'department', withinDays: 30 }, false],
  ['missing attribute: false', { attr: 'nope', eq: 'x' }, false],
  ['missing attribute: not is true', { not: { attr: 'nope', eq: 'x' } }, true],
  ['null attribute counts as missing', { attr: 'n', in: ['a'] }, false, { n: null }],
  ['no user: attr rule false', { attr: 'department', eq: 'Finance' }, false, undefined],
  ['inactiveDays from lastSeenAt (20 days ≥ 14)', { inactiveDays: { gte: 14 } }, true, { lastSeenAt: iso(NOW - 20 * DAY) }],
  ['inactiveDays from lastSeenAt (13.9 days is 13)', { inactiveDays: { gte: 14 } }, false, { lastSeenAt: iso(NOW - 14 * DAY + 1) }],
  ['inactiveDays lte', { inactiveDays: { lte: 1 } }, true, { lastSeenAt: iso(NOW - DAY) }],
  ['inactiveDays from lastVisitAt', { inactiveDays: { gte: 14 } }, true, {}, NOW - 15 * DAY],
  ['inactiveDays: lastSeenAt wins over lastVisitAt', { inactiveDays: { gte: 14 } }, false, { lastSeenAt: iso(NOW - DAY) }, NOW - 30 * DAY],
  ['inactiveDays unknown: false', { inactiveDays: { gte: 0 } }, false, {}],
  ['rollout 100: everyone with an id', { rollout: 100 }, true],
  ['rollout 0: nobody', { rollout: 0 }, false],
  ['rollout without user id: false', { rollout: 100 }, false, { department: 'Finance' }],
  ['all: every rule holds', { all: [{ attr: 'department', eq: 'Finance' }, { attr: 'isManager', eq: true }] }, true],
  ['all: one fails', { all: [{ attr: 'department', eq: 'Finance' }, { attr: 'isManager', eq: false }] }, false],
  ['all: empty list holds', { all: [] }, true],
  ['any: one holds', { any: [{ attr: 'department', eq: 'HR' }, { attr: 'isManager', eq: true }] }, true],
  ['any: none holds', { any: [{ attr: 'department', eq: 'HR' }, { attr: 'isManager', eq: false }] }, false],
  ['not: negates', { not: { attr: 'isManager', eq: true } }, false],
  ['unknown shape: false', { bogus: 1 } as unknown as Rule, false],
];

describe('evaluateRule', () => {
  it.each(cases)('%s', (_name, rule, expected, ...rest) => {
    const u = rest.length === 0 ? user : rest[0];
    expect(evaluateRule(rule, { user: u, now: NOW, lastVisitAt: rest[1] }, 'pop')).toBe(expected);
  });

  it('salts rollout with the population id passed down through combinators', () => {
    const id = Array.from({ length: 200 }, (_, i) => `u${i}`).find((i) => rolloutBucket(i, 'a') < 50 && rolloutBucket(i, 'b') >= 50)!;
    const rule: Rule = { all: [{ rollout: 50 }] };
    expect([evaluateRule(rule, { user: { id }, now: NOW }, 'a'), evaluateRule(rule, { user: { id }, now: NOW }, 'b')]).toEqual([true, false]);
  });
});

describe('resolvePopulations', () => {
  it('lists the populations that hold, in declaration order', () => {
    const populations: Record<string, Population> = {
      managers: { when: { attr: 'isManager', eq: true } },
      hr: { when: { attr: 'department', eq: 'HR' } },
      'new-hires': { when: { attr: 'hiredAt', withinDays: 30 } },
      everyone: { when: { all: [] } },
    };
    expect(resolvePopulations(populations, { user, now: NOW })).toEqual(['managers', 'new-hires', 'everyone']);
  });
});

describe('evaluateRule: behaviour rules', () => {
  const counts = { 'report-exported': 2, 'expense-saved': 0 };
  it.each<[name: string, rule: Rule, counts: Record<string, number> | undefined, expected: boolean]>([
    ['done at least once', { event: 'report-exported', count: { gte: 1 } }, counts, true],
    ['done at least three times', { event: 'report-exported', count: { gte: 3 } }, counts, false],
    ['at most twice', { event: 'report-exported', count: { lte: 2 } }, counts, true],
    ['a range', { event: 'report-exported', count: { gte: 1, lte: 1 } }, counts, false],
    ['never did it: not tracked', { event: 'expense-approved', count: { lte: 0 } }, counts, true],
    ['never did it: counted 0', { event: 'expense-saved', count: { lte: 0 } }, counts, true],
    ['never did it, but did', { event: 'report-exported', count: { lte: 0 } }, counts, false],
    ['no counts at all: 0', { event: 'report-exported', count: { lte: 0 } }, undefined, true],
    ['no counts at all: not done', { event: 'report-exported', count: { gte: 1 } }, undefined, false],
    ['an Object.prototype name counts 0', { event: 'constructor', count: { lte: 0 } }, counts, true],
    ['inside a combinator', { not: { event: 'report-exported', count: { gte: 1 } } }, counts, false],
  ])('%s', (_name, rule, c, expected) => {
    expect(evaluateRule(rule, { user, now: NOW, counts: c }, 'pop')).toBe(expected);
  });
});
