import { describe, expect, it } from 'vitest';
import { evaluateRule, rolloutBucket } from '../src/index.ts';
import { NOW } from './fixtures.ts';

const ids = Array.from({ length: 400 }, (_, i) => `user-${i}`);
const selected = (n: number, population = 'pilot-finance') =>
  ids.filter((id) => evaluateRule({ rollout: n }, { user: { id }, now: NOW }, population));

describe('rollout', () => {
  it('selects about a quarter at 25', () => {
    expect(selected(25).length).toBeGreaterThanOrEqual(80);
    expect(selected(25).length).toBeLessThanOrEqual(120);
  });

  it('selects the same people on every run', () => {
    expect(selected(25)).toEqual(selected(25));
  });

  it('keeps everyone of 25 when raised to 50, and adds about a quarter', () => {
    const quarter = selected(25);
    const half = selected(50);
    expect(quarter.filter((id) => !half.includes(id))).toEqual([]);
    expect(half.length).toBeGreaterThanOrEqual(170);
    expect(half.length).toBeLessThanOrEqual(230);
  });

  it('draws a different sample per population', () => {
    const other = selected(25, 'pilot-hr');
    expect(other).not.toEqual(selected(25));
  });

  it.each([
    ['short ids', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
    ['numeric ids', ['1', '2', '3', '4', '5', '6', '7', '8']],
  ])('buckets stay in 0–99 and spread for %s', (_name, list) => {
    const buckets = list.map((id) => rolloutBucket(id, 'p'));
    expect(buckets.every((b) => Number.isInteger(b) && b >= 0 && b < 100)).toBe(true);
    expect(new Set(buckets).size).toBeGreaterThan(5);
  });

  it('is well spread over ten deciles', () => {
    const deciles = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) deciles[Math.floor(rolloutBucket(`e${i}@corp`, 'p') / 10)]++;
    for (const count of deciles) expect(count).toBeGreaterThan(400);
  });
});
