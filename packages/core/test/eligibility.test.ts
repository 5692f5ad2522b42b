import { describe, expect, it } from 'vitest';
import type { Guide, Population } from '@compagnon/schema';
import { type ProgressRecord, isEligible, startable, whyShown } from '../src/index.ts';
import { DAY, NOW, rec, tour } from './fixtures.ts';

const pops = new Set(['managers', 'support']);

describe('isEligible', () => {
  it.each<[string, string[] | undefined, number | undefined, ProgressRecord | undefined, boolean]>([
    ['no audience, never seen', undefined, undefined, undefined, true],
    ['audience includes one of the populations', ['new-hires', 'support'], undefined, undefined, true],
    ['audience includes none', ['new-hires'], undefined, undefined, false],
    ['empty audience: nobody', [], undefined, undefined, false],
    ['in progress stays eligible', undefined, undefined, rec('active', { step: 1 }), true],
    ['completed at the same version', undefined, undefined, rec('completed'), false],
    ['dismissed at the same version', undefined, 2, rec('dismissed', { version: 2 }), false],
    ['completed at a later version', undefined, 1, rec('completed', { version: 3 }), false],
    ['completed at an older version: re-offered', undefined, 2, rec('completed'), true],
    ['dismissed at an older version: re-offered', undefined, 2, rec('dismissed'), true],
    ['re-offered but out of the audience', ['new-hires'], 2, rec('completed'), false],
  ])('%s', (_name, audience, version, record, expected) => {
    expect(isEligible(tour('t', { audience, version }), pops, record)).toBe(expected);
  });
});

describe('startable', () => {
  it.each([
    ['no audience', undefined, true],
    ['in the audience', ['managers'], true],
    ['outside the audience', ['new-hires'], false],
  ])('%s', (_name, audience, expected) => {
    expect(startable(tour('t', { audience }), pops)).toBe(expected);
  });
});

describe('isEligible: dates and snooze', () => {
  // Local times: a bare date is the person's day, whatever the machine's time zone.
  const local = (iso: string) => Date.parse(iso);
  it.each<[name: string, extra: Partial<Guide>, record: ProgressRecord | undefined, now: number | undefined, expected: boolean]>([
    ['no dates', {}, undefined, NOW, true],
    ['before startAt (date)', { startAt: '2026-12-01' }, undefined, local('2026-11-30T23:59'), false],
    ['on the startAt day', { startAt: '2026-12-01' }, undefined, local('2026-12-01T00:00'), true],
    ['on the endAt day, late', { endAt: '2026-12-01' }, undefined, local('2026-12-01T23:59:59'), true],
    ['the day after endAt', { endAt: '2026-12-01' }, undefined, local('2026-12-02T00:00'), false],
    ['before a date-time startAt', { startAt: '2026-12-01T10:00:00Z' }, undefined, Date.UTC(2026, 11, 1, 9, 59), false],
    ['at a date-time startAt', { startAt: '2026-12-01T10:00:00Z' }, undefined, Date.UTC(2026, 11, 1, 10), true],
    ['after a date-time endAt', { endAt: '2026-12-01T10:00:00Z' }, undefined, Date.UTC(2026, 11, 1, 10, 0, 1), false],
    ['inside the window', { startAt: '2026-11-01', endAt: '2026-12-31' }, undefined, NOW, true],
    ['without now, dates are not checked', { endAt: '2020-01-01' }, undefined, undefined, true],
    ['snoozed until later', {}, rec('active', { snoozedUntil: NOW + 1 }), NOW, false],
    ['snooze run out', {}, rec('active', { snoozedUntil: NOW }), NOW, true],
    ['without now, a snooze is not checked', {}, rec('active', { snoozedUntil: NOW + DAY }), undefined, true],
  ])('%s', (_name, extra, record, now, expected) => {
    expect(isEligible({ ...tour('t'), ...extra } as Guide, pops, record, now)).toBe(expected);
  });
});

describe('whyShown', () => {
  const populations: Record<string, Population> = {
    managers: { name: { en: 'Managers', fr: 'Managers' }, when: { all: [] } },
    support: { name: { fr: 'Support N1' }, when: { all: [] } },
    hr: { name: 'HR', when: { all: [] } },
    unnamed: { when: { all: [] } },
  };
  it.each<[name: string, audience: string[] | undefined, mine: string[], expected: string | undefined]>([
    ['no audience: nothing to say', undefined, ['managers'], undefined],
    ['the one population the person is in', ['managers', 'hr'], ['managers'], 'Managers'],
    ['several, in audience order, other language as fallback', ['support', 'managers'], ['managers', 'support'], 'Support N1, Managers'],
    ['a population without a name: its id', ['unnamed'], ['unnamed'], 'unnamed'],
    ['in none of them (a preview)', ['hr'], ['managers'], undefined],
  ])('%s', (_name, audience, mine, expected) => {
    expect(whyShown(tour('t', { audience }), populations, mine, 'en')).toBe(expected);
  });
});
