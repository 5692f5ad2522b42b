// `GET /v1/apps/:app/reports/:name` over HTTP (app.inject), on a Fastify instance holding only the reports plugin:
// admin token, 404s, parameter checks, and the same numbers as the report functions.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { reportsRoutes } from '../src/reports/routes.ts';
import { APP, seed } from './reports-seed.ts';

const TOKEN = 'admin-secret';
const auth = { authorization: `Bearer ${TOKEN}` };

describe.each(openTestDbs())('reports routes on $name', ({ name, open, skip }) => {
  describe.skipIf(skip !== undefined)(skip ?? `${name}: HTTP`, () => {
    let db: Db;
    let app: FastifyInstance;
    beforeAll(async () => {
      db = await open();
      await seed(db);
      app = Fastify();
      await app.register(reportsRoutes, { db, adminToken: TOKEN });
      await app.ready();
    });
    afterAll(async () => {
      await app?.close();
      await db?.close();
    });
    const get = (url: string, headers: Record<string, string | undefined> = auth) => app.inject({ method: 'GET', url, headers });

    it.each([
      { name: 'no token', headers: {} },
      { name: 'wrong token', headers: { authorization: 'Bearer nope' } },
      { name: 'not a bearer', headers: { authorization: `Basic ${TOKEN}` } },
    ])('401 with $name', async ({ headers }) => {
      const res = await get(`/v1/apps/${APP}/reports/guides`, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: expect.stringContaining('admin token') });
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it.each([
      { name: 'unknown app', url: '/v1/apps/nope/reports/guides', message: 'unknown app "nope"' },
      { name: 'unknown report', url: `/v1/apps/${APP}/reports/people`, message: 'unknown report "people"' },
      { name: 'inherited property name', url: `/v1/apps/${APP}/reports/constructor`, message: 'unknown report "constructor"' },
    ])('404 for $name', async ({ url, message }) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error).toContain(message);
    });

    it.each([
      { name: 'not a date', query: 'guides?from=yesterday', message: 'from: expected a date YYYY-MM-DD' },
      { name: 'impossible date', query: 'guides?to=2025-02-30', message: 'to: expected a date YYYY-MM-DD' },
      { name: 'a datetime', query: 'adoption?from=2025-03-03T00:00:00Z', message: 'from: expected a date' },
      { name: 'from after to', query: 'adoption?from=2025-03-05&to=2025-03-04', message: 'is after to' },
      { name: 'a range of decades', query: 'adoption?from=2000-01-01&to=2025-01-01', message: 'at most 3660 days' },
      { name: 'population with a quote', query: 'guides?population=a%22b', message: 'population: expected an id' },
      { name: 'population with a percent', query: 'guides?population=%25', message: 'population: expected an id' },
      { name: 'guide repeated', query: 'guides?guide=a&guide=b', message: 'guide: expected one value' },
      { name: 'days 0', query: 'new-hires?days=0', message: 'days: expected a whole number' },
      { name: 'days not a number', query: 'new-hires?days=ten', message: 'days: expected a whole number' },
    ])('400 for $name', async ({ query, message }) => {
      const res = await get(`/v1/apps/${APP}/reports/${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toContain(message);
    });

    it('serves each report as JSON, never cached', async () => {
      const guides = await get(`/v1/apps/${APP}/reports/guides?population=sales`);
      expect(guides.statusCode).toBe(200);
      expect(guides.headers['cache-control']).toBe('no-store');
      expect(guides.json()).toEqual({
        rows: [{ guide: 'expense-tour', population: 'sales', offered: 5, started: 5, completed: 0, dismissed: 3, completionRate: 0, medianTimeToCompleteMs: null }],
        suppressed: 1,
        k: 5,
      });
      const funnel = await get(`/v1/apps/${APP}/reports/funnel?guide=expense-tour&from=2025-03-04&to=2025-03-04`);
      expect(funnel.json()).toEqual({
        guide: 'expense-tour',
        steps: [{ step: 'open', viewed: 8, completed: 6 }, { step: 'fill', viewed: 6, completed: 3 }],
        suppressed: 2,
        k: 5,
      });
      expect((await get(`/v1/apps/${APP}/reports/new-hires?days=32`)).json()).toEqual({ population: 'new-hires', days: 32, hires: 7, onboarded: 5, rate: 5 / 7, k: 5 });
      expect((await get(`/v1/apps/${APP}/reports/ghosts`)).json()).toEqual({ population: 'ghosts', ghosts: 7, reached: 5, converted: 3, rate: 0.6, k: 5 });
      expect((await get(`/v1/apps/${APP}/reports/adoption?from=2025-03-05&to=2025-03-06`)).json()).toEqual({
        days: [{ day: '2025-03-05', activePeople: null, started: null, completed: null }, { day: '2025-03-06', activePeople: 0, started: 0, completed: 0 }],
        k: 5,
      });
    });

    it('funnel without a guide: the one whose steps most people viewed (a tour, never a tooltip)', async () => {
      const res = await get(`/v1/apps/${APP}/reports/funnel?from=2025-03-04&to=2025-03-04`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ guide: 'expense-tour', k: 5 });
    });

    it("uses the app's own k: 'other' (k=1) shows a group of 6", async () => {
      const res = await get('/v1/apps/other/reports/guides');
      expect(res.json()).toEqual({
        rows: [
          { guide: 'expense-tour', population: '*', offered: 6, started: 6, completed: 6, dismissed: 0, completionRate: 1, medianTimeToCompleteMs: 1 },
          // s6 carried no population
          { guide: 'expense-tour', population: 'sales', offered: 5, started: 5, completed: 5, dismissed: 0, completionRate: 1, medianTimeToCompleteMs: 1 },
        ],
        suppressed: 0,
        k: 1,
      });
    });
  });
});
