import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from '@compagnon/testing';
import {
  DAY_MS, SESSION_GAP_MS, type UserProgress, type Visit, countEvent, createMemoryStore, loadProgress, noteShown, progressKey, recordVisit,
  saveRecord, shownCounts, updateProgress,
} from '../src/index.ts';
import { NOW, rec } from './fixtures.ts';

describe('progressKey', () => {
  it.each([
    ['a user', 'u-1', 'progress:rh:u-1'],
    ['no user', undefined, 'progress:rh:~anonymous'],
    ['an empty id', '', 'progress:rh:~anonymous'],
  ])('%s', (_name, user, expected) => {
    expect(progressKey('rh', user)).toBe(expected);
  });
});

describe('createMemoryStore', () => {
  it('reads back what was set, and nothing after del', async () => {
    const store = createMemoryStore();
    await store.set('k', { a: 1 });
    expect(await store.get('k')).toEqual({ a: 1 });
    await store.del('k');
    expect(await store.get('k')).toBeUndefined();
  });

  it('clones values in and out', async () => {
    const store = createMemoryStore();
    const value = { list: [1] };
    await store.set('k', value);
    value.list.push(2);
    const read = await store.get<{ list: number[] }>('k');
    read!.list.push(3);
    expect(await store.get('k')).toEqual({ list: [1] });
  });

  it('update passes the old value and stores the result', async () => {
    const store = createMemoryStore();
    const seen: unknown[] = [];
    const bump = (old: number | undefined) => (seen.push(old), (old ?? 0) + 1);
    await store.update<number>('n', bump);
    expect(await store.update<number>('n', bump)).toBe(2);
    expect(seen).toEqual([undefined, 1]);
  });
});

describe('progress', () => {
  it('loads an empty progress when nothing or something malformed is stored', async () => {
    const store = createMemoryStore();
    expect(await loadProgress(store, 'k')).toEqual({ guides: {} });
    await store.set('k', 'garbage');
    expect(await loadProgress(store, 'k')).toEqual({ guides: {} });
  });

  it('keeps both of two concurrent saves of different guides', async () => {
    const store = createMemoryStore();
    await Promise.all([saveRecord(store, 'k', 'a', rec('active', { step: 1 })), saveRecord(store, 'k', 'b', rec('completed'))]);
    const progress = await loadProgress(store, 'k');
    expect(Object.keys(progress.guides).sort()).toEqual(['a', 'b']);
    expect(progress.guides.a?.step).toBe(1);
  });

  it('writes through a single atomic update, never get-then-set', async () => {
    const store = createMemoryStore();
    const set = vi.spyOn(store, 'set');
    const update = vi.spyOn(store, 'update');
    await saveRecord(store, 'k', 'a', rec('active'));
    expect([set.mock.calls.length, update.mock.calls.length]).toEqual([0, 1]);
  });

  it('keeps the visits when saving a record', async () => {
    const store = createMemoryStore();
    expect(await recordVisit(store, 'k', NOW - DAY_MS)).toEqual({ before: undefined, starts: true });
    await saveRecord(store, 'k', 'a', rec('dismissed'));
    expect(await recordVisit(store, 'k', NOW)).toEqual({ before: NOW - DAY_MS, starts: true });
    const progress: UserProgress = await loadProgress(store, 'k');
    expect(progress).toEqual({ guides: { a: rec('dismissed') }, lastVisitAt: NOW, visitBefore: NOW - DAY_MS });
  });

  it.each([
    { name: 'first visit ever', views: [0], before: undefined, starts: true },
    { name: 'a second page in the same session keeps the previous session', views: [-40 * DAY_MS, 0, 5 * 60_000], before: -40 * DAY_MS, starts: false },
    { name: 'a page 29 minutes later is the same session', views: [-DAY_MS, 0, SESSION_GAP_MS - 60_000], before: -DAY_MS, starts: false },
    { name: 'a page 31 minutes later starts a new session', views: [-DAY_MS, 0, SESSION_GAP_MS + 60_000], before: 0, starts: true },
  ])('returns the last view of the previous session and whether this one starts: $name', async ({ views, before, starts }) => {
    const store = createMemoryStore();
    let got: Visit | undefined;
    for (const v of views) got = await recordVisit(store, 'k', NOW + v);
    expect(got).toEqual({ before: before === undefined ? undefined : NOW + before, starts });
  });
});

describe('countEvent', () => {
  it.each<[name: string, counts: Record<string, number> | undefined, event: string, expected: Record<string, number>]>([
    ['first time', undefined, 'report-exported', { 'report-exported': 1 }],
    ['again', { 'report-exported': 2 }, 'report-exported', { 'report-exported': 3 }],
    ['another event keeps the others', { a: 1 }, 'b', { a: 1, b: 1 }],
    ['an Object.prototype name', { a: 1 }, 'toString', { a: 1, toString: 1 }],
    ['a corrupted count starts over', { a: 'x' as unknown as number }, 'a', { a: 1 }],
  ])('%s', (_name, counts, event, expected) => {
    const before: UserProgress = { guides: {}, counts };
    expect([countEvent(before, event).counts, before.counts]).toEqual([expected, counts]);
  });
});

describe('noteShown and shownCounts', () => {
  // Each row: time moved forward, the session id, what is counted before noting one more guide.
  it.each<[name: string, steps: Array<[advance: number, session: string]>, expected: Array<[number, number]>]>([
    ['counts up within one session and day', [[0, 's1'], [60_000, 's1'], [60_000, 's1']], [[0, 0], [1, 1], [2, 2]]],
    ['a new session restarts the session count only', [[0, 's1'], [60_000, 's1'], [SESSION_GAP_MS * 2, 's2']], [[0, 0], [1, 1], [2, 0]]],
    ['a new day restarts the day count only', [[0, 's1'], [DAY_MS, 's1']], [[0, 0], [0, 1]]],
    ['a new day and session restart both', [[0, 's1'], [DAY_MS, 's2'], [0, 's2']], [[0, 0], [0, 0], [1, 1]]],
  ])('%s', (_name, steps, expected) => {
    // Local noon: the day's counter must not roll over in whatever time zone the tests run.
    const clock = createManualClock(new Date(2026, 10, 24, 12).getTime());
    let progress: UserProgress = { guides: {} };
    const seen: Array<[number, number]> = [];
    for (const [ms, session] of steps) {
      clock.advance(ms);
      seen.push(shownCounts(progress.shown, clock.now(), session));
      progress = noteShown(progress, clock.now(), session);
    }
    expect(seen).toEqual(expected);
  });
});

describe('updateProgress', () => {
  it('keeps opt-out, counts and shown across loads and record saves', async () => {
    const store = createMemoryStore();
    await updateProgress(store, 'k', (p) => ({ ...noteShown(countEvent(p, 'e'), NOW, 's1'), optedOut: true }));
    await saveRecord(store, 'k', 'a', rec('active'));
    const p = await loadProgress(store, 'k');
    expect([p.optedOut, p.counts, p.shown?.inSession, p.guides.a]).toEqual([true, { e: 1 }, 1, rec('active')]);
  });

  it.each([
    ['malformed fields are dropped', { guides: {}, optedOut: 'yes', counts: 3, shown: 'x' }, { guides: {} }],
    ['opt-out false is left out', { guides: {}, optedOut: false }, { guides: {} }],
  ])('%s', async (_name, stored, expected) => {
    const store = createMemoryStore();
    await store.set('k', stored);
    expect(JSON.parse(JSON.stringify(await loadProgress(store, 'k')))).toEqual(expected);
  });
});
