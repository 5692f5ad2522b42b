// Rollout buckets must be stable across page loads, browsers and the collector (which reuses this file), and
// synchronous: plain-http intranets have no crypto.subtle. FNV-1a alone mixes short, similar ids poorly, so a
// murmur3 fmix32 finaliser spreads them before the modulo.

/** The bucket 0–99 of a user in a population; `rollout: N` admits buckets below N. */
export function rolloutBucket(userId: string, populationId: string): number {
  const input = `${userId}\u0000${populationId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % 100;
}
