// Shared by the collector's own tests (ingest, guides, roster, privacy, apps): an app built on a test database,
// one registered app, and events as the SDK sends them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from '../src/app.ts';
import type { Db } from '../src/db/types.ts';

export const ADMIN = 'test-admin-token';
export const APP_ID = 'intranet-rh';
export const ORIGIN = 'http://127.0.0.1:4310';
export const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
export const NOW = Date.UTC(2030, 5, 1, 9, 0, 0);

export const admin = { authorization: `Bearer ${ADMIN}` };

export interface Fixture {
  app: FastifyInstance;
  key: string;
}

/** The collector with APP_ID registered (origins: ORIGIN and EXTENSION unless given). */
export async function collector(db: Db, options: Partial<BuildAppOptions> & { origins?: string[]; body?: Record<string, unknown> } = {}): Promise<Fixture> {
  const { origins = [ORIGIN, EXTENSION], body = {}, ...rest } = options;
  const app = await buildApp({ db, adminToken: ADMIN, now: () => NOW, ...rest });
  const res = await app.inject({ method: 'PUT', url: `/v1/apps/${APP_ID}`, headers: admin, payload: { name: 'Intranet RH', origins, ...body } });
  if (res.statusCode !== 201) throw new Error(`app creation: ${res.statusCode} ${res.body}`);
  return { app, key: res.json<{ write_key: string }>().write_key };
}

export function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    type: 'guide_started',
    ts: '2030-06-01T08:59:00.000Z',
    app: APP_ID,
    user: 'alice@example.com',
    session: 'sess-1',
    guide: 'expense-tour',
    guideVersion: 1,
    populations: ['new-hires'],
    url: 'https://intranet.example/expenses',
    ...overrides,
  };
}

export const events = (n: number, overrides: Record<string, unknown> = {}) => Array.from({ length: n }, () => event(overrides));
