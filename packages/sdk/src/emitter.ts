import type { Dispose } from '@compagnon/core';

/** A minimal typed emitter: `on` returns its disposer; emitting iterates a copy; a throwing listener is isolated. */
export function createEmitter<T>(onListenerError: (e: unknown) => void) {
  let listeners: Array<(value: T) => void> = [];
  return {
    on(fn: (value: T) => void): Dispose {
      listeners = [...listeners, fn];
      return () => { listeners = listeners.filter((l) => l !== fn); };
    },
    emit(value: T) {
      for (const fn of listeners.slice()) {
        try { fn(value); } catch (e) { onListenerError(e); }
      }
    },
    clear() { listeners = []; },
  };
}
