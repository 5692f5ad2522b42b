// The outbox of last resort (IndexedDB refused) and of tests. Events are cloned in and out, as IndexedDB does,
// so a caller mutating what it queued or peeked cannot change the stored queue.
import type { CompagnonEvent } from '@compagnon/schema';
import type { OutboxStore } from '../platform.ts';

declare function structuredClone<T>(value: T): T;

export function createMemoryOutboxStore(): OutboxStore {
  // A Map keeps insertion order, so iteration is oldest first; appending an id again keeps its first place.
  const queue = new Map<string, CompagnonEvent>();
  return {
    async append(events) {
      for (const event of events) if (!queue.has(event.id)) queue.set(event.id, structuredClone(event));
    },
    async peek(limit) {
      const out: CompagnonEvent[] = [];
      for (const event of queue.values()) {
        if (out.length >= limit) break;
        out.push(structuredClone(event));
      }
      return out;
    },
    async remove(ids) {
      for (const id of ids) queue.delete(id);
    },
    count: async () => queue.size,
  };
}
