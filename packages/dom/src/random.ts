import type { Random } from '@compagnon/core';
import { getGlobal } from './globals.ts';

type CryptoLike = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/**
 * Ids and floats from `crypto.getRandomValues`. `crypto.randomUUID` only exists in secure contexts, and many
 * intranet apps are served over plain http, so the v4 UUID is built by hand when it is missing.
 */
export function createRandom(crypto: CryptoLike | undefined = getGlobal('crypto')): Random {
  // Only a browser from before 2014 lacks getRandomValues; ids stay unique enough for the collector's dedupe.
  const bytes = (n: number): Uint8Array =>
    crypto ? crypto.getRandomValues(new Uint8Array(n)) : Uint8Array.from({ length: n }, () => Math.random() * 256);
  return {
    uuid() {
      if (crypto?.randomUUID) return crypto.randomUUID();
      // One random byte per hex digit: its low 4 bits, or for `y` (the RFC 4122 variant) 2 bits after `10`.
      const b = bytes(31);
      let i = 0;
      return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) =>
        (c == 'x' ? b[i++]! & 15 : (b[i++]! & 3) | 8).toString(16),
      );
    },
    next: () => bytes(4).reduce((n, x) => n * 256 + x, 0) / 2 ** 32,
  };
}
