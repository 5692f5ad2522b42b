import { defineConfig } from 'vitest/config';

// Two projects: `unit` (node or happy-dom, per file) and `browser` (real Chromium driven by playwright-core,
// against the built IIFE, so `npm test` builds first).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.{ts,tsx}', 'tooling/test/**/*.test.{ts,mjs}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/**/*.test.{ts,mjs}'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
