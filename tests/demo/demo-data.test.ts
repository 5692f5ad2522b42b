// The demo organisation of `npm start` (tooling/demo-data.mjs) against a real collector from its TS sources:
// every generated event is accepted, a resend is deduplicated, populations agree with core's, and the k = 5
// reports have something to show for every population the guides aim at.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePopulations } from '../../packages/core/src/rules.ts';
import { type RunningServer, startServer } from '../../packages/collector/src/server.ts';
import { DEMO_APP, DEMO_WRITE_KEY, generateDemo, loadResolvePopulations, publishIfChanged, readBundle, sendDemo, type Demo } from '../../tooling/demo-data.mjs';

const ADMIN = 'demo-data-admin-token';
const NOW = Date.UTC(2026, 10, 24, 15, 30);
const bundle = readBundle();
let collector: RunningServer;
let scratch: string;
let demo: Demo;

const report = async (name: string, query = '') => {
  const res = await fetch(`${collector.url}/v1/apps/${DEMO_APP}/reports/${name}${query}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<any>;
};

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'compagnon-demo-data-'));
  collector = await startServer({
    db: join(scratch, 'compagnon.db'), adminToken: ADMIN, port: 0, host: '127.0.0.1',
    apps: [{ id: DEMO_APP, writeKey: DEMO_WRITE_KEY }], forwarding: false, print: null, env: {},
  });
  demo = generateDemo({ bundle, resolvePopulations: resolvePopulations as never, now: NOW });
});

afterAll(async () => {
  await collector?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('demo data', () => {
  it('is reproducible, and uses core’s populations whether bundled by esbuild or imported', async () => {
    const again = generateDemo({ bundle, resolvePopulations: await loadResolvePopulations(), now: NOW });
    expect(again.events.map((e) => e.id)).toEqual(demo.events.map((e) => e.id));
    expect(again.events).toEqual(demo.events);
    expect(demo.roster.length).toBe(305);
    expect(new Set(demo.events.map((e) => e.id)).size).toBe(demo.events.length);
    expect(demo.events.every((e) => Date.parse(e.ts) <= NOW)).toBe(true);
    expect(demo.roster.map((p) => p.id)).toEqual(expect.arrayContaining(['u-nadia', 'u-marc', 'u-ines', 'u-paul', 'u-sam']));
    expect(demo.events.some((e) => e.user?.startsWith('u-') && ['u-nadia', 'u-marc', 'u-ines', 'u-paul', 'u-sam'].includes(e.user))).toBe(false);
  });

  it('is accepted in full, imported with the roster, deduplicated when sent again, and fast', async () => {
    expect((await publishIfChanged({ collector: collector.url, adminToken: ADMIN, app: DEMO_APP, bundle })).published).toBe(true);
    expect((await publishIfChanged({ collector: collector.url, adminToken: ADMIN, app: DEMO_APP, bundle })).published).toBe(false);
    const t0 = performance.now();
    const first = await sendDemo({ collector: collector.url, adminToken: ADMIN, demo });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(first.events).toEqual({ accepted: demo.events.length, duplicates: 0, rejected: 0 });
    expect(first.roster).toBe(305);
    const second = await sendDemo({ collector: collector.url, adminToken: ADMIN, demo });
    expect(second.events).toEqual({ accepted: 0, duplicates: demo.events.length, rejected: 0 });
  });

  it('fills the k = 5 reports for every population the guides aim at', async () => {
    const from = '2026-10-26';
    const to = '2026-11-24';
    const guides = await report('guides', `?from=${from}&to=${to}`);
    // The 30-day history covers the campaign's tours, tooltips and checklists; the guides added since (time off,
    // announcements, surveys, the resource centre) are met live, when a persona clicks through the intranet.
    const simulated = (bundle.guides as { id: string }[]).filter((g) => demo.events.some((e) => e.guide === g.id));
    expect(simulated.map((g) => g.id)).toEqual(expect.arrayContaining(
      ['expense-tour', 'export-tip', 'first-week', 'approval-pilot', 'welcome-back', 'service-desk-tip']));
    for (const g of simulated as { id: string; audience: string[] }[]) {
      for (const population of ['*', ...g.audience]) {
        const row = guides.rows.find((r: any) => r.guide === g.id && r.population === population);
        expect(row, `${g.id} × ${population}`).toBeDefined();
        expect(row.completed, `${g.id} × ${population}`).toBeGreaterThanOrEqual(5);
        expect(row.completionRate).toBeGreaterThan(0.3);
        expect(row.completionRate).toBeLessThan(1.01);
      }
    }
    const funnel = await report('funnel', `?guide=expense-tour&from=${from}&to=${to}`);
    expect(funnel.steps.map((s: any) => s.step)).toEqual(['new', 'amount', 'save', 'done']);
    const viewed = funnel.steps.map((s: any) => s.viewed);
    expect(viewed).toEqual([...viewed].sort((a, b) => b - a)); // people drop off, never come from nowhere
    expect(viewed[0]).toBeGreaterThan(viewed.at(-1));
    const newHires = await report('new-hires', `?from=${from}&to=${to}`);
    expect(newHires.hires).toBeGreaterThanOrEqual(20);
    expect(newHires.rate).toBeGreaterThan(0.4);
    const ghosts = await report('ghosts', `?from=${from}&to=${to}`);
    expect(ghosts.ghosts).toBeGreaterThanOrEqual(20);
    expect(ghosts.reached).toBeGreaterThanOrEqual(5);
    const adoption = await report('adoption', `?from=${from}&to=${to}`);
    const weekdays = adoption.days.filter((d: any) => ![0, 6].includes(new Date(d.day).getUTCDay()));
    expect(weekdays.filter((d: any) => d.activePeople !== null).length).toBeGreaterThanOrEqual(weekdays.length * 0.7);
  });
});
