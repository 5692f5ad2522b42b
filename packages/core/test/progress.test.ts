import { describe, expect, it, vi } from 'vitest';
import { type UserProgress, createMemoryStore, loadProgress, progressKey, recordVisit, saveRecord } from '../src/index.ts';
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

  it('keeps lastVisitAt when saving a record, and records visits', async () => {
    const store = createMemoryStore();
    expect(await recordVisit(store, 'k', NOW - 1000)).toBeUndefined();
    await saveRecord(store, 'k', 'a', rec('dismissed'));
    expect(await recordVisit(store, 'k', NOW)).toBe(NOW - 1000);
    const progress: UserProgress = await loadProgress(store, 'k');
    expect(progress).toEqual({ guides: { a: rec('dismissed') }, lastVisitAt: NOW });
  });
});
