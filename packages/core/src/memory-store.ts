// The stores of last resort (private windows where IndexedDB is refused) and of tests. Values are cloned in and
// out, as IndexedDB does, so a caller mutating what it read or wrote cannot change the stored state.
import type { CompagnonEvent } from '@compagnon/schema';
import type { KeyValueStore, OutboxStore } from './platform.ts';

// Core compiles without the DOM lib; structuredClone exists in every supported browser and in Node ≥ 17.
declare function structuredClone<T>(value: T): T;

export function createMemoryStore(): KeyValueStore {
  const data = new Map<string, unknown>();
  const read = <T>(key: string) => structuredClone(data.get(key) as T | undefined);
  const write = (key: string, value: unknown) => void data.set(key, structuredClone(value));
  return {
    get: async (key) => read(key),
    set: async (key, value) => write(key, value),
    // Read, modify and write happen in one synchronous stretch: no other update can interleave.
    async update<T>(key: string, fn: (old: T | undefined) => T) {
      const next = fn(read<T>(key));
      write(key, next);
      return structuredClone(next);
    },
    del: async (key) => void data.delete(key),
  };
}

export function createMemoryOutboxStore(): OutboxStore {
  // A Map keeps insertion order, so iteration is oldest first; appending an id again keeps its first place.
  const queue = new Map<string, CompagnonEvent>();
  return {
    async append(events) {
      for (const event of events) if (!queue.has(event.id)) queue.set(event.id, structuredClone(event));
    },
    peek: async (limit) => structuredClone([...queue.values()].slice(0, limit)),
    async remove(ids) {
      for (const id of ids) queue.delete(id);
    },
    count: async () => queue.size,
  };
}
