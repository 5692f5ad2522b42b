import { defineConfig } from 'vitest/config';

// `unit`: logic in node or happy-dom, and the collector against real SQLite and PostgreSQL.
// `browser`: real Chromium driven by playwright-core against the built IIFE (so `npm test` builds first).
// `outbox-sqlite` / `outbox-postgres`: the delivery scenarios again, the real collector behind the test one.
const browser = (name, include, env = {}) => ({
  extends: true,
  test: { name, include, env, environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
});

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    // Most browser scenarios wait (offline periods, Retry-After): three files at a time keep two cores busy.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.{ts,tsx}', 'tooling/test/**/*.test.{ts,mjs}'],
          environment: 'node',
        },
      },
      browser('browser', ['tests/**/*.test.{ts,mjs}']),
      browser('outbox-sqlite', ['tests/outbox-*/**/*.test.ts'], { COMPAGNON_COLLECTOR: 'sqlite' }),
      browser('outbox-postgres', ['tests/outbox-*/**/*.test.ts'], { COMPAGNON_COLLECTOR: 'postgres' }),
    ],
  },
});
