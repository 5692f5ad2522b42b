import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform } from '../src/platform.ts';
import { createClock } from '../src/clock.ts';
import { createConsoleLogger } from '../src/log.ts';
import { createRandom } from '../src/random.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const nodeCrypto = globalThis.crypto;

describe('createRandom', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    { name: 'in a secure context', crypto: nodeCrypto },
    { name: 'without randomUUID (plain http)', crypto: { getRandomValues: nodeCrypto.getRandomValues.bind(nodeCrypto) } as Crypto },
    { name: 'without crypto at all', crypto: undefined },
  ])('makes distinct v7 UUIDs $name', ({ crypto }) => {
    const random = createRandom(crypto);
    const ids = Array.from({ length: 500 }, () => random.uuid());
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect(new Set(ids).size).toBe(500);
  });

  it('puts the time first, so ids sort by creation (milliseconds)', () => {
    const now = vi.spyOn(Date, 'now');
    const random = createRandom(nodeCrypto);
    const ids = [1, 2, 255, 256, 2 ** 32, Date.UTC(2026, 0, 1), 2 ** 48 - 1].map((t) => (now.mockReturnValue(t), random.uuid()));
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13)).toBe('00000000-0001');
    expect(ids[5]!.slice(0, 13)).toBe('019b76da-a800'); // 2026-01-01T00:00:00Z = 0x19b76daa800 ms
  });

  it('sets the version and variant bits over the random bytes', () => {
    vi.spyOn(Date, 'now').mockReturnValue(0x0123456789ab);
    const ones = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => ((a as Uint8Array).fill(0xff), a) } as Crypto;
    const zeros = { getRandomValues: <T extends ArrayBufferView | null>(a: T) => a } as Crypto;
    expect(createRandom(ones).uuid()).toBe('01234567-89ab-7fff-bfff-ffffffffffff');
    expect(createRandom(zeros).uuid()).toBe('01234567-89ab-7000-8000-000000000000');
  });

  it.each([
    { name: 'all zero bytes', byte: 0, expected: 0 },
    { name: 'all 0xff bytes', byte: 0xff, expected: (2 ** 32 - 1) / 2 ** 32 },
    { name: 'top byte 0x80', byte: -1, expected: 0.5 },
  ])('next() maps 32 random bits to [0, 1): $name', ({ byte, expected }) => {
    const crypto = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        const bytes = a as Uint8Array;
        if (byte >= 0) bytes.fill(byte);
        else bytes.set([0x80, 0, 0, 0]);
        return a;
      },
    } as Crypto;
    expect(createRandom(crypto).next()).toBe(expected);
  });

  it('next() stays in [0, 1) with real randomness', () => {
    const random = createRandom(nodeCrypto);
    const values = Array.from({ length: 1000 }, () => random.next());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});

describe('createClock', () => {
  afterEach(() => void vi.useRealTimers());

  it('runs a timer once, and its disposer cancels another', () => {
    vi.useFakeTimers({ now: 1_000 });
    const clock = createClock();
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('a'), 100);
    const cancel = clock.setTimeout(() => ran.push('b'), 100);
    cancel();
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['a']);
    expect(clock.now()).toBe(1_100);
  });

  it('logs a failing timer callback instead of throwing into the page', () => {
    vi.useFakeTimers();
    const log = { warn: vi.fn(), error: vi.fn() };
    createClock(log).setTimeout(() => { throw new Error('late'); }, 1);
    expect(() => vi.advanceTimersByTime(1)).not.toThrow();
    expect(log.error).toHaveBeenCalledWith('listener failed', expect.objectContaining({ message: 'late' }));
  });
});

describe('createConsoleLogger', () => {
  it.each([
    { name: 'warn', level: 'warn' as const },
    { name: 'error', level: 'error' as const },
  ])('prefixes $name with [compagnon]', ({ level }) => {
    const target = { warn: vi.fn(), error: vi.fn() };
    createConsoleLogger(target)[level]('store down', 42);
    expect(target[level]).toHaveBeenCalledWith('[compagnon] store down', 42);
  });
});

describe('createBrowserPlatform', () => {
  it('assembles a working store, clock, random and the given logger', async () => {
    const log = { warn: vi.fn(), error: vi.fn() };
    const platform = createBrowserPlatform({ log });
    await platform.store.set('k', 1);
    expect(await platform.store.get('k')).toBe(1);
    expect(platform.store.mode).toBe('indexeddb');
    expect(platform.random.uuid()).toMatch(UUID_V7);
    expect(Math.abs(platform.clock.now() - Date.now())).toBeLessThan(1000);
    expect(platform.log).toBe(log);
  });
});
