import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTabChannel, type TabChannel } from '../src/tabs.ts';

// Node's BroadcastChannel behaves as the browser's: delivered asynchronously to the other objects of the name.
const open: TabChannel[] = [];
const channel = (name: string, Channel?: typeof BroadcastChannel) => {
  const c = createTabChannel(name, Channel);
  open.push(c);
  return c;
};
const tick = () => new Promise((r) => setTimeout(r, 20));
afterEach(() => {
  for (const c of open.splice(0)) c.dispose();
  vi.unstubAllGlobals();
});

describe('createTabChannel', () => {
  it("delivers a tab's messages to the other tabs, not back to itself", async () => {
    const [a, b, other] = [channel('compagnon:x'), channel('compagnon:x'), channel('compagnon:y')];
    const [heardA, heardB, heardOther] = [vi.fn(), vi.fn(), vi.fn()];
    a.subscribe(heardA);
    b.subscribe(heardB);
    other.subscribe(heardOther);
    a.post({ type: 'sent', ids: ['1'] });
    await tick();
    expect(heardB).toHaveBeenCalledWith({ type: 'sent', ids: ['1'] });
    expect(heardA).not.toHaveBeenCalled();
    expect(heardOther).not.toHaveBeenCalled();
  });

  it('stops delivering after unsubscribe and after dispose, and posts nothing once disposed', async () => {
    const [a, b] = [channel('compagnon:z'), channel('compagnon:z')];
    const heard = vi.fn();
    const unsubscribe = b.subscribe(heard);
    unsubscribe();
    a.post(1);
    await tick();
    b.subscribe(heard);
    b.dispose();
    a.post(2);
    expect(() => b.post(3)).not.toThrow();
    await tick();
    expect(heard).not.toHaveBeenCalled();
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const [a, b] = [channel('compagnon:t'), channel('compagnon:t')];
    const heard = vi.fn();
    b.subscribe(() => {
      throw new Error('listener bug');
    });
    b.subscribe(heard);
    a.post('hi');
    await tick();
    expect(heard).toHaveBeenCalledWith('hi');
  });

  it('drops an uncloneable message without throwing', () => {
    expect(() => channel('compagnon:u').post({ fn: () => 1 })).not.toThrow();
  });

  it.each([
    { name: 'BroadcastChannel missing', Channel: undefined },
    {
      name: 'BroadcastChannel refused (opaque origin)',
      Channel: vi.fn(function () {
        throw new DOMException('denied', 'SecurityError');
      }) as unknown as typeof BroadcastChannel,
    },
  ])('is a silent channel when $name', ({ Channel }) => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const c = createTabChannel('compagnon:x', Channel);
    const unsubscribe = c.subscribe(vi.fn());
    expect(() => (c.post('x'), unsubscribe(), c.dispose())).not.toThrow();
  });
});
