// The store of last resort (private windows where IndexedDB is refused) and of tests. Values are cloned in and
// out, as IndexedDB does, so a caller mutating what it read or wrote cannot change the stored state.
import type { KeyValueStore } from './platform.ts';

// Core compiles without the DOM lib; structuredClone exists in every supported browser and in Node ≥ 17.
declare function structuredClone<T>(value: T): T;

export function createMemoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  const read = <T>(key: string) => (data.has(key) ? structuredClone(data.get(key) as T) : undefined);
  return {
    get: async (key) => read(key),
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    // Read, modify and write happen in one synchronous stretch: no other update can interleave.
    async update<T>(key: string, fn: (old: T | undefined) => T) {
      const next = fn(read<T>(key));
      data.set(key, structuredClone(next));
      return structuredClone(next);
    },
    async del(key) {
      data.delete(key);
    },
  };
}
