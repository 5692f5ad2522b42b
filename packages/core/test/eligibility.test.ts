import { describe, expect, it } from 'vitest';
import { type ProgressRecord, isEligible, startable } from '../src/index.ts';
import { rec, tour } from './fixtures.ts';

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
