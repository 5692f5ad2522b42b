import type { Random } from '@compagnon/core';
import { getGlobal } from './globals.ts';

type CryptoLike = Pick<Crypto, 'getRandomValues'>;

/**
 * Ids and floats from `crypto.getRandomValues`, which exists on plain-http origins too (`crypto.randomUUID` only
 * in secure contexts, and many intranet apps are served over plain http).
 */
export function createRandom(crypto: CryptoLike | undefined = getGlobal('crypto')): Random {
  // Only a browser from before 2014 lacks getRandomValues; ids stay unique enough for the collector's dedupe.
  const bytes = (n: number): Uint8Array =>
    crypto ? crypto.getRandomValues(new Uint8Array(n)) : Uint8Array.from({ length: n }, () => Math.random() * 256);
  return {
    uuid() {
      // UUIDv7 (RFC 9562): the milliseconds since the epoch in the first 48 bits, so ids sort by creation time and
      // the collector's primary-key inserts append instead of scattering. Then one random byte per hex digit: its
      // low 4 bits, or for `y` (the variant) 2 bits after `10`; 74 random bits in all.
      const t = Date.now().toString(16).padStart(12, '0');
      const b = bytes(19);
      let i = 0;
      return `${t.slice(0, 8)}-${t.slice(8)}-7xxx-yxxx-xxxxxxxxxxxx`.replace(/[xy]/g, (c) =>
        (c == 'x' ? b[i++]! & 15 : (b[i++]! & 3) | 8).toString(16),
      );
    },
    next: () => bytes(4).reduce((n, x) => n * 256 + x, 0) / 2 ** 32,
  };
}
