import { createConnection } from 'node:net';
import { defineConfig } from 'vitest/config';

// The collector's PostgreSQL tests skip themselves with a message when no server answers; so does this project.
const postgresUp = await new Promise((resolve) => {
  const socket = createConnection({ host: '127.0.0.1', port: 5432 });
  socket.setTimeout(1000, () => { socket.destroy(); resolve(false); });
  socket.once('connect', () => { socket.end(); resolve(true); });
  socket.once('error', () => resolve(false));
});
if (!postgresUp) console.warn('PostgreSQL is not reachable on 127.0.0.1:5432: the outbox-postgres project is SKIPPED.');

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
    // A run id for the collector's PostgreSQL test schemas, dropped together when the run ends.
    globalSetup: ['tooling/vitest-global.ts'],
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
      ...(postgresUp ? [browser('outbox-postgres', ['tests/outbox-*/**/*.test.ts'], { COMPAGNON_COLLECTOR: 'postgres' })] : []),
    ],
  },
});
