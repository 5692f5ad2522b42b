import { describe, expect, it, vi } from 'vitest';
import { DAY_MS, SESSION_GAP_MS, type UserProgress, createMemoryStore, loadProgress, progressKey, recordVisit, saveRecord } from '../src/index.ts';
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
    expect(await recordVisit(store, 'k', NOW - DAY_MS)).toBeUndefined();
    await saveRecord(store, 'k', 'a', rec('dismissed'));
    expect(await recordVisit(store, 'k', NOW)).toBe(NOW - DAY_MS);
    const progress: UserProgress = await loadProgress(store, 'k');
    expect(progress).toEqual({ guides: { a: rec('dismissed') }, lastVisitAt: NOW, visitBefore: NOW - DAY_MS });
  });

  it.each([
    { name: 'first visit ever', views: [0], before: undefined },
    { name: 'a second page in the same session keeps the previous session', views: [-40 * DAY_MS, 0, 5 * 60_000], before: -40 * DAY_MS },
    { name: 'a page 29 minutes later is the same session', views: [-DAY_MS, 0, SESSION_GAP_MS - 60_000], before: -DAY_MS },
    { name: 'a page 31 minutes later starts a new session', views: [-DAY_MS, 0, SESSION_GAP_MS + 60_000], before: 0 },
  ])('returns the last view of the previous session: $name', async ({ views, before }) => {
    const store = createMemoryStore();
    let got: number | undefined;
    for (const v of views) got = await recordVisit(store, 'k', NOW + v);
    expect(got).toBe(before === undefined ? undefined : NOW + before);
  });
});
