// Tabs of the same origin talk over BroadcastChannel, which never echoes a message to the object that posted it.
import type { Dispose } from '@compagnon/core';
import { getBroadcastChannel } from './globals.ts';
import { safeCall } from './safe.ts';

export interface TabChannel {
  post(message: unknown): void;
  subscribe(cb: (message: unknown) => void): Dispose;
  dispose(): void;
}

/** A channel to this origin's other tabs; where BroadcastChannel is missing, a channel that hears nobody. */
export function createTabChannel(name: string, Channel = getBroadcastChannel()): TabChannel {
  const listeners = new Set<(message: unknown) => void>();
  let channel: BroadcastChannel | undefined;
  try {
    channel = Channel && new Channel(name);
  } catch {
    // Opaque origins (sandboxed iframes) may refuse it: stay alone.
  }
  if (channel) channel.onmessage = (e) => [...listeners].forEach((cb) => safeCall(() => cb(e.data)));
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // An uncloneable message is dropped rather than thrown into the page.
      }
    },
    subscribe: (cb) => (listeners.add(cb), () => void listeners.delete(cb)),
    dispose() {
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}
