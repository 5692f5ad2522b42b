// Size budgets and the must-not-appear list, checked by the build (zod's bundle-size test, as a rollup plugin).
import { gzipSync, brotliCompressSync } from 'node:zlib';

/**
 * The script-tag file's ceiling, JS and CSS, gzip -9. Issue #2 asks for 30,000 B (issue #7 aims at 24 kB); with
 * every feature — tours, tooltips, checklists, announcements, surveys, the resource centre, robust targets, the
 * durable outbox, tabs — it weighs ~45,600 B: preact + floating-ui ~12 kB and zod/mini with the bilingual
 * validator ~11 kB leave too little for the rest. Stubbed out, floating-ui weighs 6.2 kB and in-page validation
 * 5.5 kB; without both the file is still 32.6 kB. Kept tight so that growth is a decision, not a drift. Raised
 * from 45,000 B twice, on purpose: building the schemas on first use rather than at evaluation (+0.6 kB of
 * builder code) takes ~20 ms off every page load; keeping synchronously, at page hide, the events whose
 * IndexedDB write had not committed (+0.25 kB) closes the last way a collector outage could lose an event.
 */
export const IIFE_GZIP_BUDGET = 46_000;

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
