import type { Random } from '@compagnon/core';
import { getCrypto } from './globals.ts';

type CryptoLike = Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string };

/**
 * Ids and floats from `crypto.getRandomValues`. `crypto.randomUUID` only exists in secure contexts, and many
 * intranet apps are served over plain http, so the v4 UUID is built by hand when it is missing.
 */
export function createRandom(crypto: CryptoLike | undefined = getCrypto()): Random {
  const bytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    // Only a browser from before 2014 lacks getRandomValues; ids stay unique enough for the collector's dedupe.
    if (crypto) crypto.getRandomValues(out);
    else for (let i = 0; i < n; i++) out[i] = (Math.random() * 256) | 0;
    return out;
  };
  return {
    uuid() {
      if (crypto?.randomUUID) return crypto.randomUUID();
      const b = bytes(16);
      b[6] = (b[6]! & 0x0f) | 0x40; // version 4
      b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
      const hex = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join('');
      return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
    },
    next() {
      return bytes(4).reduce((n, x) => n * 256 + x, 0) / 2 ** 32;
    },
  };
}
