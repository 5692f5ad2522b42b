// The report round trip, end to end in real Chromium: Nadia (a new hire) finishes the expense tour on the example
// intranet; her events reach a real collector (run here from its TypeScript sources on a temporary SQLite file);
// the guides report counts her completion under her population; the dashboard, signed in with the admin token,
// shows that number in its guides table.
//
// The intranet's script tags send to the demo's fixed collector address (http://127.0.0.1:4320/v1/events): the
// browser context reroutes those requests, method, headers and body unchanged, to this test's collector port.
// `k_anonymity: 1` so that one person's completion is shown rather than hidden.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultDistDir } from '../../packages/collector/src/dashboard/routes.ts';
import { type RunningServer, startServer } from '../../packages/collector/src/server.ts';
import { EXAMPLE, en, openHarness, type Harness } from '../harness.ts';

const APP = 'intranet-rh';
const WRITE_KEY = 'pk_intranet_rh';
const ADMIN = 'round-trip-admin-token';
const DEMO_COLLECTOR = 'http://127.0.0.1:4320';
const bundle = JSON.parse(readFileSync(`${EXAMPLE}/guides.json`, 'utf8'));
const titles: string[] = bundle.guides.find((g: { id: string }) => g.id === 'expense-tour').steps.map((s: { title: string }) => en(s.title));

let h: Harness;
let collector: RunningServer;
let scratch: string;

async function admin(method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(collector.url + path, {
    method,
    headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Sends what the pages address to the demo collector to this test's collector instead. */
async function rerouteToCollector(context: BrowserContext): Promise<void> {
  await context.route(`${DEMO_COLLECTOR}/**`, async (route) => {
    const url = collector.url + route.request().url().slice(DEMO_COLLECTOR.length);
    // route.fetch keeps the request's method, headers (Origin and Authorization included) and body.
    const response = await route.fetch({ url });
    await route.fulfill({ response });
  });
}

beforeAll(async () => {
  const dashboard = join(defaultDistDir(), 'dashboard.js');
  if (!existsSync(dashboard)) throw new Error(`the dashboard is not built (${dashboard} is missing): run \`npm run build\` (npm test does)`);
  scratch = mkdtempSync(join(tmpdir(), 'compagnon-round-trip-'));
  collector = await startServer({
    db: join(scratch, 'compagnon.db'),
    adminToken: ADMIN,
    port: 0,
    host: '127.0.0.1',
    apps: [{ id: APP, writeKey: WRITE_KEY }], // no origins: any origin (the intranet is on a free port)
    forwarding: false,
    print: null,
    env: {},
  });
  await admin('PUT', `/v1/apps/${APP}`, { k_anonymity: 1 });
  await admin('POST', `/v1/apps/${APP}/guides`, bundle);
  h = await openHarness(EXAMPLE);
});

afterAll(async () => {
  await h?.close();
  await collector?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('report round trip: intranet → collector → reports → dashboard', () => {
  it("counts Nadia's completed expense tour under new-hires, in the API and on the dashboard", async () => {
    const { page, context, seen } = await h.newPage({ script: "localStorage.setItem('acme.persona', 'nadia')" });
    await rerouteToCollector(context);

    // The clicks of tests/intranet/tour.test.ts: the target advances the first step, Next the others, Done ends it.
    await page.goto(`${h.url}/expenses.html`);
    const step = (i: number) => page.getByRole('dialog', { name: titles[i] });
    await step(0).waitFor();
    await page.locator('#new-expense').click();
    for (let i = 1; i < titles.length - 1; i++) {
      await step(i).getByRole('button', { name: 'Next' }).click();
      await step(i + 1).waitFor();
    }
    await step(titles.length - 1).getByRole('button', { name: 'Done' }).click();
    await step(titles.length - 1).waitFor({ state: 'detached' });

    // The outbox delivers in the background: poll the report until the completion is counted.
    const row = async () => {
      const report = await admin('GET', `/v1/apps/${APP}/reports/guides?population=new-hires`);
      return report.rows.find((r: { guide: string; population: string }) => r.guide === 'expense-tour' && r.population === 'new-hires');
    };
    await expect.poll(async () => (await row())?.completed, { timeout: 20_000, interval: 250 }).toBe(1);
    expect(await row()).toMatchObject({ offered: 1, started: 1, completed: 1, dismissed: 0, completionRate: 1 });
    expect(seen.pageErrors).toEqual([]);
    await context.close();

    // The dashboard: sign in with the admin token, read the number from the guides table.
    const dash = await h.browser.newContext({ locale: 'en-GB' });
    const board = await dash.newPage();
    const boardErrors: string[] = [];
    board.on('pageerror', (e) => boardErrors.push(e.message));
    await board.goto(`${collector.url}/?app=${APP}`);
    await board.getByLabel('Admin token').fill(ADMIN);
    await board.getByRole('button', { name: 'Sign in' }).click();
    const table = board.getByRole('table', { name: 'Guides per population' });
    await table.waitFor();
    const headers = (await table.getByRole('columnheader').allTextContents()).map((t) => t.trim());
    const completedAt = headers.indexOf('Completed');
    const populationAt = headers.indexOf('Population');
    expect(completedAt).toBeGreaterThan(0);
    expect(populationAt).toBeGreaterThan(0);
    // Each row: the guide as a row header, then one cell per remaining column. The dashboard hides the guide's
    // name (visibility: hidden) on its second and later rows, so a population's row is read with the population
    // filter on, where it comes first.
    const rowFor = (population: string) => table.getByRole('row')
      .filter({ has: board.getByRole('rowheader', { name: 'expense-tour' }) })
      .filter({ has: board.getByRole('cell', { name: population, exact: true }) });
    const cellOf = (population: string, column: number) => rowFor(population).getByRole('cell').nth(column - 1);
    await expect.poll(() => rowFor('Everyone').count()).toBe(1);
    expect((await cellOf('Everyone', completedAt).textContent())?.trim()).toBe('1');

    await board.getByRole('combobox', { name: 'Population' }).selectOption('new-hires');
    await expect.poll(() => rowFor('new-hires').count()).toBe(1);
    await expect.poll(() => rowFor('Everyone').count()).toBe(0);
    expect((await cellOf('new-hires', populationAt).textContent())?.trim()).toBe('new-hires');
    expect((await cellOf('new-hires', completedAt).textContent())?.trim()).toBe('1');
    expect(new URL(board.url()).searchParams.get('population')).toBe('new-hires');
    expect(boardErrors).toEqual([]);
    await dash.close();
  });
});
