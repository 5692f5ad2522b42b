// Tabs of the same origin talk over BroadcastChannel, which never echoes a message to the object that posted it.
import type { Dispose } from '@compagnon/core';
import { getGlobal } from './globals.ts';
import { emit, type Listeners, listen } from './listeners.ts';

export interface TabChannel {
  post(message: unknown): void;
  subscribe(cb: (message: unknown) => void): Dispose;
  dispose(): void;
}

/** A channel to this origin's other tabs; where BroadcastChannel is missing, a channel that hears nobody. */
export function createTabChannel(name: string, Channel = getGlobal('BroadcastChannel')): TabChannel {
  const listeners: Listeners<unknown> = new Set();
  let channel: BroadcastChannel | undefined;
  try {
    channel = new Channel!(name);
    channel.onmessage = (e) => emit(listeners, e.data);
  } catch {
    // Missing, or refused by an opaque origin (sandboxed iframes): stay alone.
  }
  return {
    post(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // An uncloneable message is dropped rather than thrown into the page.
      }
    },
    subscribe: (cb) => listen(listeners, cb),
    dispose() {
      listeners.clear();
      channel?.close();
      channel = undefined;
    },
  };
}
