// @vitest-environment happy-dom
import type { CompagnonEvent } from '@compagnon/schema';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRescueStore } from '../src/rescue.ts';

const ev = (n: number) => ({ id: `e${n}`, type: 'guide_completed' }) as CompagnonEvent;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => ev(a + i));

describe('createRescueStore', () => {
  beforeEach(() => localStorage.clear());

  it('adds what each closing page keeps, per app, and gives it all back once', () => {
    const rh = createRescueStore('rh');
    rh.save([ev(1)]);
    createRescueStore('rh').save([ev(2)]); // another tab of the origin
    createRescueStore('finance').save([ev(3)]);
    expect(rh.take()).toEqual([ev(1), ev(2)]);
    expect(rh.take()).toEqual([]);
    expect(createRescueStore('finance').take()).toEqual([ev(3)]);
  });

  it('keeps the newest 500', () => {
    const s = createRescueStore('rh');
    s.save(range(1, 300));
    s.save(range(301, 600));
    expect(s.take()).toEqual(range(101, 600));
  });

  it('never throws: storage refused, or what it holds is not ours', () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    localStorage.setItem('compagnon:rh:rescue', '{not json');
    expect(createRescueStore('rh').take()).toEqual([]);
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => {} } as unknown as Storage;
    expect(() => createRescueStore('rh', log, full).save([ev(1)])).not.toThrow();
    expect(log.warn).toHaveBeenCalledOnce();
  });
});
