// Size budgets and the must-not-appear list, checked by the build (zod's bundle-size test, as a rollup plugin).
import { gzipSync, brotliCompressSync } from 'node:zlib';

/** Patterns no shipped browser bundle may contain: dynamic code (strict CSP) and zod classic. */
export const MUST_NOT_APPEAR = [
  { name: 'new Function', pattern: /new\s+Function\b/ },
  { name: 'eval(', pattern: /\beval\s*\(/ },
  { name: 'zod classic', pattern: /["']ZodObject["']/ },
];

export function sizes(code) {
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code).length,
  };
}

/** A rollup plugin failing the build when a chunk exceeds its gzip budget or contains a forbidden pattern. */
export function budget({ gzip: maxGzip }) {
  return {
    name: 'compagnon-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const { name, pattern } of MUST_NOT_APPEAR) {
          if (pattern.test(chunk.code)) this.error(`${chunk.fileName} contains forbidden "${name}"`);
        }
        const s = sizes(chunk.code);
        if (s.gzip > maxGzip) this.error(`${chunk.fileName} is ${s.gzip} B gzip, over its budget of ${maxGzip} B`);
        if (!process.env.QUIET_BUDGET) {
          console.log(`${chunk.fileName}: ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli (budget ${maxGzip} B gzip)`);
        }
      }
    },
  };
}
