// Every report against the seeded organisation (reports-seed.ts), on SQLite and on PostgreSQL. The expected
// numbers were counted by hand from the seed's story; each case says where they come from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDbs } from '../src/db/testing.ts';
import type { Db } from '../src/db/types.ts';
import { adoptionReport, funnelReport, ghostsReport, guidesReport, newHiresReport, parseFilters } from '../src/reports/index.ts';
import type { GuideRow, ReportQuery } from '../src/reports/index.ts';
import { randomUUID } from 'node:crypto';
import type { EventsTable } from '../src/db/types.ts';
import { APP, DAY0, seed } from './reports-seed.ts';

const q = (params: Record<string, string | undefined> = {}): ReportQuery => ({ app: APP, k: 5, ...parseFilters(params) });
const row = (guide: string, population: string, offered: number, started: number, completed: number, dismissed: number, medianTimeToCompleteMs: number | null): GuideRow =>
  ({ guide, population, offered, started, completed, dismissed, completionRate: started ? completed / started : 0, medianTimeToCompleteMs });

describe.each(openTestDbs())('reports on $name', ({ name, open, skip }) => {
  describe.skipIf(skip !== undefined)(skip ?? `${name}: the seeded organisation`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await open();
      await seed(db);
    });
    afterAll(() => db?.close());

    it.each([
      {
        name: 'everything: 4 groups under k=5 hidden (tour/ghosts 4, checklist/sales 3, tip/* 4, tip/ghosts 4)',
        params: {},
        rows: [
          // medians: first timed completion per person, 30 60 90 120 | 150 180 240 300 s → 135 s; nh1's redo ignored
          row('expense-tour', '*', 18, 14, 8, 4, 135_000),
          row('expense-tour', 'finance', 9, 9, 8, 1, 135_000),
          row('expense-tour', 'new-hires', 6, 6, 5, 1, 180_000),
          // exactly k people: shown; no completion, so no median
          row('expense-tour', 'sales', 5, 5, 0, 3, null),
          row('welcome-checklist', '*', 9, 9, 3, 0, null),
          row('welcome-checklist', 'finance', 6, 6, 3, 0, null),
          row('welcome-checklist', 'new-hires', 6, 6, 3, 0, null),
        ],
        suppressed: 4,
      },
      {
        name: 'population=sales: only sales rows; checklist/sales (3) hidden',
        params: { population: 'sales' },
        rows: [row('expense-tour', 'sales', 5, 5, 0, 3, null)],
        suppressed: 1,
      },
      {
        name: 'day 1 only: finance (f1..f3) hidden, 3 durations < k so no median',
        params: { from: '2025-03-04', to: '2025-03-04' },
        rows: [row('expense-tour', '*', 8, 8, 3, 3, null), row('expense-tour', 'sales', 5, 5, 0, 3, null)],
        suppressed: 3,
      },
      {
        name: 'guide=welcome-checklist',
        params: { guide: 'welcome-checklist' },
        rows: [
          row('welcome-checklist', '*', 9, 9, 3, 0, null),
          row('welcome-checklist', 'finance', 6, 6, 3, 0, null),
          row('welcome-checklist', 'new-hires', 6, 6, 3, 0, null),
        ],
        suppressed: 1,
      },
      // "_" is a LIKE wildcard: membership is read from the JSON, so new_hires does not match new-hires.
      { name: 'population=new_hires matches no one', params: { population: 'new_hires' }, rows: [], suppressed: 0 },
    ])('guides: $name', async ({ params, rows, suppressed }) => {
      expect(await guidesReport(db, q(params))).toEqual({ rows, suppressed });
    });

    it.each([
      {
        name: 'bundle order (v2: open, fill, submit), then older steps by first seen; intro (2 people) hidden',
        params: {},
        steps: [
          { step: 'open', viewed: 14, completed: 12 },
          { step: 'fill', viewed: 12, completed: 8 },
          { step: 'submit', viewed: 8, completed: 8 },
          { step: 'legacy', viewed: 5, completed: 0 },
        ],
        suppressed: 1,
      },
      {
        name: 'sales: fill (3 people) hidden, submit reached by no one shows 0',
        params: { population: 'sales' },
        steps: [{ step: 'open', viewed: 5, completed: 3 }, { step: 'submit', viewed: 0, completed: 0 }],
        suppressed: 1,
      },
      {
        name: 'day 1: submit (f1..f3) and intro (f1, f2) hidden',
        params: { from: '2025-03-04', to: '2025-03-04' },
        steps: [{ step: 'open', viewed: 8, completed: 6 }, { step: 'fill', viewed: 6, completed: 3 }],
        suppressed: 2,
      },
    ])('funnel: $name', async ({ params, steps, suppressed }) => {
      expect(await funnelReport(db, { ...q(params), guide: 'expense-tour' })).toEqual({ guide: 'expense-tour', steps, suppressed });
    });

    it.each([
      // nh1..nh7 (nh7 roster only); nh1..nh4 did the aimed tour on day 0; nh5 31 days and 2 h after arriving
      { name: 'default: new-hires within 30 days', params: {}, expected: { population: 'new-hires', days: 30, hires: 7, onboarded: 4, rate: 4 / 7 } },
      { name: 'within 32 days nh5 counts', params: { days: '32' }, expected: { population: 'new-hires', days: 32, hires: 7, onboarded: 5, rate: 5 / 7 } },
      { name: 'guide=welcome-checklist: nh1, nh2, nh6', params: { guide: 'welcome-checklist' }, expected: { population: 'new-hires', days: 30, hires: 7, onboarded: 3, rate: 3 / 7 } },
      // no guide aimed at finance: any completion counts — nh1..nh4, nh6, f1..f3
      { name: 'finance: no aimed guide, any guide', params: { population: 'finance' }, expected: { population: 'finance', days: 30, hires: 9, onboarded: 8, rate: 8 / 9 } },
      { name: 'interns (4 people) hidden', params: { population: 'interns' }, expected: { population: 'interns', days: 30, hires: null, onboarded: null, rate: null } },
    ])('new-hires: $name', async ({ params, expected }) => {
      expect(await newHiresReport(db, q(params))).toEqual(expected);
    });

    it.each([
      // g1..g6 in the roster + g7 from events; reached g1..g4, g7; back ≥ 24 h later: g1 (day 2), g3 (24 h exactly),
      // g7 (day 5) — not g2 (23 h), not g4
      { name: 'default: ghosts', params: {}, expected: { population: 'ghosts', ghosts: 7, reached: 5, converted: 3, rate: 0.6 } },
      // first tip event: g1 day 2, g2 and g3 day 1, g7 day 1 → only g7 seen again
      { name: 'guide=tip', params: { guide: 'tip' }, expected: { population: 'ghosts', ghosts: 7, reached: 4, converted: 1, rate: 0.25 } },
      // s1..s3 back 25 h later on the checklist
      { name: 'sales (exactly k)', params: { population: 'sales' }, expected: { population: 'sales', ghosts: 5, reached: 5, converted: 3, rate: 0.6 } },
      { name: 'interns (4) hidden', params: { population: 'interns' }, expected: { population: 'interns', ghosts: null, reached: null, converted: null, rate: null } },
      // before day 2 nobody was back a day later but g3 (day 1, 10:00)
      { name: 'to=2025-03-04', params: { to: '2025-03-04' }, expected: { population: 'ghosts', ghosts: 7, reached: 5, converted: 1, rate: 0.2 } },
    ])('ghosts: $name', async ({ params, expected }) => {
      expect(await ghostsReport(db, q(params))).toEqual(expected);
    });

    const day = (d: string, activePeople: number | null, started: number | null, completed: number | null) => ({ day: d, activePeople, started, completed });
    const hidden = (d: string) => day(d, null, null, null);

    it.each([
      {
        name: 'four days: day 2 has 4 people (hidden), day 3 none (zeros)',
        params: { from: '2025-03-03', to: '2025-03-06' },
        // day 0: nh1..nh6 + g1..g4 active, nh1..nh6 started, nh1..nh4 + nh6 completed;
        // day 1: f1..f3, s1..s5, g2, g3, g7 (tooltips count as started), f1..f3 completed
        days: [day('2025-03-03', 10, 6, 5), day('2025-03-04', 11, 11, 3), hidden('2025-03-05'), day('2025-03-06', 0, 0, 0)],
      },
      {
        name: 'sales only',
        params: { from: '2025-03-03', to: '2025-03-06', population: 'sales' },
        days: [day('2025-03-03', 0, 0, 0), day('2025-03-04', 5, 5, 0), hidden('2025-03-05'), day('2025-03-06', 0, 0, 0)],
      },
    ])('adoption: $name', async ({ params, days }) => {
      expect(await adoptionReport(db, q(params))).toEqual({ days });
    });

    it('adoption without dates spans the first to the last day with events', async () => {
      const { days } = await adoptionReport(db, q());
      expect(days).toHaveLength(32);
      expect(days[0]).toEqual(day('2025-03-03', 10, 6, 5));
      expect(days[5]).toEqual(hidden('2025-03-08')); // g7 alone
      expect(days[6]).toEqual(day('2025-03-09', 0, 0, 0));
      expect(days[31]).toEqual(hidden('2025-04-03')); // nh5 alone
    });

    it('funnel without a guide: the guide whose steps most people viewed, never a tooltip without steps', async () => {
      expect((await funnelReport(db, q())).guide).toBe('expense-tour');
      // Among ghosts, the tip tooltip is the busiest guide (g1, g2, g3, g7) and the tour only met target_not_found:
      // no guide has steps they viewed.
      const ghosts = q({ population: 'ghosts' });
      const [tip] = (await guidesReport(db, { ...ghosts, k: 1, guide: 'tip' })).rows;
      expect(tip?.offered).toBe(4);
      expect((await funnelReport(db, ghosts)).guide).toBe(null);
    });

    it('ghosts: a visit a day after the guide (session_started, no guide event) is a return', async () => {
      const row = (who: string, type: string, ts: number, guide: string | null = null): EventsTable => ({
        id: randomUUID(), app: 'comeback', type, ts, user_hash: `h-${who}`, session: `s-${who}-${ts}`, guide, guide_version: guide === null ? null : 1,
        step: null, item: null, populations: JSON.stringify(['ghosts']), url: null, props: null, received_at: ts,
      });
      const DAY = 86_400_000;
      await db.kysely.insertInto('events').values([
        row('a', 'session_started', DAY0), row('a', 'tooltip_opened', DAY0 + 60_000, 'tip'), row('a', 'session_started', DAY0 + 2 * DAY),
        row('b', 'session_started', DAY0), row('b', 'tooltip_opened', DAY0 + 60_000, 'tip'), row('b', 'session_started', DAY0 + 3_600_000),
        row('c', 'session_started', DAY0 + DAY),
      ]).execute();
      // a came back two days later; b only an hour later; c was never reached by a guide.
      expect(await ghostsReport(db, { app: 'comeback', k: 1 })).toEqual({ population: 'ghosts', ghosts: 3, reached: 2, converted: 1, rate: 0.5 });
    });

    it('counts nothing for an app without events', async () => {
      const other = { app: 'nobody', k: 5 };
      expect(await guidesReport(db, other)).toEqual({ rows: [], suppressed: 0 });
      expect(await adoptionReport(db, other)).toEqual({ days: [] });
      expect(await funnelReport(db, { ...other, guide: 'expense-tour' })).toEqual({ guide: 'expense-tour', steps: [], suppressed: 0 });
      expect(await funnelReport(db, other)).toEqual({ guide: null, steps: [], suppressed: 0 });
      expect(await ghostsReport(db, other)).toEqual({ population: 'ghosts', ghosts: 0, reached: 0, converted: 0, rate: 0 });
    });
  });
});
