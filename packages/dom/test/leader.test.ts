import { afterEach, describe, expect, it, vi } from 'vitest';
import { electLeader } from '../src/leader.ts';

// An exclusive LockManager shared by "tabs": one holder per name, the others queued in order.
function fakeLocks() {
  const held = new Map<string, Array<() => void>>();
  const request = (name: string, _options: LockOptions, callback: LockGrantedCallback<unknown>) =>
    new Promise((resolve) => {
      const grant = () =>
        Promise.resolve(callback({ name, mode: 'exclusive' } as Lock)).then((value) => {
          const queue = held.get(name)!;
          queue.shift();
          if (queue[0]) queueMicrotask(queue[0]);
          resolve(value);
        });
      const queue = held.get(name) ?? [];
      held.set(name, queue);
      queue.push(grant);
      // Granted asynchronously, as browsers do.
      if (queue.length == 1) queueMicrotask(grant);
    });
  return { request } as unknown as LockManager;
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('electLeader with Web Locks', () => {
  it('makes one tab leader and hands over to the next when it goes', async () => {
    const locks = fakeLocks();
    const [a, b] = [electLeader('compagnon:outbox', { locks }), electLeader('compagnon:outbox', { locks })];
    const changed = vi.fn();
    b.onChange(changed);
    await tick();
    expect([a.isLeader(), b.isLeader()]).toEqual([true, false]);
    a.dispose();
    await tick();
    expect([a.isLeader(), b.isLeader()]).toEqual([false, true]);
    expect(changed.mock.calls).toEqual([[true]]);
    b.dispose();
  });

  it('does not stop other listeners when one throws, and an unsubscribed one hears nothing', async () => {
    const locks = fakeLocks();
    const leader = electLeader('x', { locks });
    const [heard, gone] = [vi.fn(), vi.fn()];
    leader.onChange(() => {
      throw new Error('listener bug');
    });
    leader.onChange(heard);
    leader.onChange(gone)();
    await tick();
    expect(heard).toHaveBeenCalledWith(true);
    expect(gone).not.toHaveBeenCalled();
    leader.dispose();
  });

  it('passes the lock on at once when disposed before it was granted', async () => {
    const locks = fakeLocks();
    const [a, b, c] = ['a', 'b', 'c'].map(() => electLeader('y', { locks }));
    b!.dispose();
    await tick();
    a!.dispose();
    await tick();
    expect([b!.isLeader(), c!.isLeader()]).toEqual([false, true]);
    c!.dispose();
  });

  it('requests an exclusive lock of the given name', () => {
    const request = vi.fn(() => new Promise(() => {}));
    electLeader('compagnon:outbox:app', { locks: { request } as unknown as LockManager });
    expect(request).toHaveBeenCalledWith('compagnon:outbox:app', { mode: 'exclusive' }, expect.any(Function));
  });
});

describe('electLeader without Web Locks', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it.each([
    { name: 'navigator.locks missing (plain http)', locks: undefined, atOnce: true },
    {
      name: 'the lock request refused (sandboxed frame)',
      locks: { request: () => Promise.reject(new DOMException('denied', 'SecurityError')) } as unknown as LockManager,
      atOnce: false,
    },
  ])('every tab leads: $name', async ({ locks, atOnce }) => {
    // Newer Node versions have navigator.locks: take it away, as a plain-http page has none.
    vi.stubGlobal('navigator', {});
    const leader = electLeader('z', { locks });
    expect(leader.isLeader()).toBe(atOnce);
    await tick();
    expect(leader.isLeader()).toBe(true);
    leader.dispose();
    expect(leader.isLeader()).toBe(false);
  });
});
