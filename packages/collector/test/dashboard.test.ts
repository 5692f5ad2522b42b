// The dashboard in real Chromium: built with rollup into a temp folder, served by `dashboardRoutes` on Fastify
// next to a stub reports route answering fixed shapes (test/dashboard-fixtures.ts).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium, watchPage } from '@compagnon/testing';
import { DASHBOARD_CSP, dashboardRoutes } from '../src/dashboard/routes.ts';
import { buildDashboard } from './dashboard-build.ts';
import { stubReport } from './dashboard-fixtures.ts';

const TOKEN = 'admin-secret';
const noChromium = !existsSync(CHROMIUM_PATH);
if (noChromium) console.warn(`dashboard browser tests SKIPPED: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`);

interface Seen { app: string; name: string; query: Record<string, string>; auth: string | undefined }

let dist: string;
let server: FastifyInstance;
let base: string;
let browser: Browser;
const seen: Seen[] = [];
let refuseAll = false;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'compagnon-dashboard-'));
  await buildDashboard(dist);
  server = Fastify();
  await server.register(dashboardRoutes, { distDir: dist });
  server.get('/v1/apps/:app/reports/:name', async (req, reply) => {
    const { app, name } = req.params as { app: string; name: string };
    const query = req.query as Record<string, string>;
    seen.push({ app, name, query, auth: req.headers.authorization });
    if (refuseAll || req.headers.authorization !== `Bearer ${TOKEN}`) return reply.code(401).send({ message: 'admin token required' });
    return stubReport(name, query) ?? reply.code(404).send({ message: `no report ${name}` });
  });
  base = await server.listen({ port: 0, host: '127.0.0.1' });
  if (!noChromium) browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('dashboard routes', () => {
  it('serves the page with a strict CSP and no inline script, and the built files', async () => {
    const page = await server.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toContain("default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'");
    expect(page.body).toContain('<html lang="fr">');
    expect(page.body).toMatch(/<script defer src="\/dashboard\.js"><\/script>/);
    expect(page.body).not.toMatch(/<script>|<style|style="/);
    const js = await server.inject('/dashboard.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    const css = await server.inject('/dashboard.css');
    expect(css.body).toContain('.u-legend'); // uPlot's own CSS comes first
    expect(css.body).toContain('.hidden-group');
  });

  it('answers 404 with a clear message when the dashboard is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'compagnon-dashboard-empty-'));
    const app = Fastify();
    await app.register(dashboardRoutes, { distDir: empty });
    for (const url of ['/', '/dashboard.js', '/dashboard.css']) {
      const res = await app.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).toMatch(/dashboard is not built.*npm run build/);
    }
    await app.close();
    rmSync(empty, { recursive: true, force: true });
  });
});

const URL_QUERY = '?app=intranet-rh&from=2025-03-01&to=2025-03-30';

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('Admin token').fill(TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-panel="guides"] table').waitFor();
}

const lastOf = (name: string) => [...seen].reverse().find((s) => s.name === name);

describe.skipIf(noChromium)('dashboard in Chromium', { timeout: 60_000 }, () => {
  it('asks for the token once, then shows the numbers, the charts and the hidden groups', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchPage(page);
    await page.goto(`${base}/${URL_QUERY}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Adoption dashboard' }).count()).toBe(1);
    await signIn(page);

    // Per guide and population: counts, completion rate and median time.
    const row = page.locator('tr[data-guide="onboarding-tour"][data-population="*"]');
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(['Everyone', '412', '318', '247', '41', '77.7%', '3 min 14 s']);
    await expect(page.locator('tr[data-guide="leave-checklist"][data-population="*"] td').last().innerText()).resolves.toBe('3 d 4 h');
    // The cards.
    await expect(page.locator('[data-card="new-hires"] [data-kpi]').innerText()).resolves.toBe('81.3%');
    await expect(page.locator('[data-card="new-hires"]').innerText()).resolves.toContain('52 of 64 completed a guide within 30 days');
    await expect(page.locator('[data-card="ghosts-reached"] [data-kpi]').innerText()).resolves.toBe('39.9%');
    await expect(page.locator('[data-card="ghosts-converted"]').innerText()).resolves.toContain('21 of 57 reached came back');
    // Suppressed groups are labelled, never shown as zero.
    await expect(page.locator('[data-panel="guides"] [data-suppressed]').innerText()).resolves.toBe('3 groups hidden (fewer than 5 people)');
    const hiddenSteps = page.locator('[data-panel="funnel"] tr:has(code:text-is("help-centre")) [data-hidden]');
    await expect(hiddenSteps.allInnerTexts()).resolves.toEqual(['hidden (fewer than 5 people)', 'hidden (fewer than 5 people)']);
    await expect(page.locator('[data-panel="adoption"] [data-suppressed]').innerText()).resolves.toMatch(/^\d+ days hidden \(fewer than 5 active people\)$/);
    // Two uPlot canvases, laid out at a real size.
    const canvases = page.locator('.chart canvas');
    await expect(canvases.count()).resolves.toBe(2);
    for (const box of [await canvases.nth(0).boundingBox(), await canvases.nth(1).boundingBox()]) {
      expect(box?.width).toBeGreaterThan(300);
      expect(box?.height).toBeGreaterThan(150);
    }
    await expect.poll(() => page.getByRole('img', { name: /Adoption per day/ }).count()).toBe(1);
    // Every report asked with the token, the app and the dates; no guide chosen: the server picks the funnel's.
    for (const name of ['guides', 'adoption', 'new-hires', 'ghosts', 'funnel']) {
      expect(lastOf(name)).toMatchObject({ app: 'intranet-rh', auth: `Bearer ${TOKEN}`, query: { from: '2025-03-01', to: '2025-03-30' } });
    }
    expect(lastOf('funnel')?.query.guide).toBeUndefined();
    await expect.poll(() => page.getByRole('heading', { name: 'Step funnel: onboarding-tour' }).count()).toBe(1);
    expect(lastOf('new-hires')?.query.days).toBe('30');

    // The token is kept for the tab: a reload goes straight to the reports.
    await page.reload();
    await page.locator('[data-panel="guides"] table').waitFor();
    await expect.poll(() => page.getByLabel('Admin token').count()).toBe(0);
    expect(errors.pageErrors).toEqual([]);
    expect(errors.consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await context.close();
  });

  it('re-queries with the chosen population, guide and dates', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/${URL_QUERY}`);
    await signIn(page);

    let before = seen.length;
    await page.getByLabel('Population', { exact: true }).selectOption('sales');
    await expect.poll(() => seen.slice(before).find((s) => s.name === 'adoption')?.query).toEqual({ from: '2025-03-01', to: '2025-03-30', population: 'sales' });
    await expect.poll(() => seen.slice(before).find((s) => s.name === 'guides' && s.query.population)?.query).toEqual({ from: '2025-03-01', to: '2025-03-30', population: 'sales' });
    await expect.poll(() => page.locator('[data-panel="guides"] tbody tr').count()).toBe(2);
    await expect(page.locator('[data-card="completion"] [data-kpi]').innerText()).resolves.toBe('78.8%'); // (60 + 70) / (88 + 77)

    before = seen.length;
    await page.getByLabel('Guide', { exact: true }).selectOption('expense-tooltip');
    await expect.poll(() => seen.slice(before).find((s) => s.name === 'funnel')?.query).toEqual({ from: '2025-03-01', to: '2025-03-30', population: 'sales', guide: 'expense-tooltip' });
    // The request goes out before the answer is drawn: wait for the heading rather than count it at once.
    await expect.poll(() => page.getByRole('heading', { name: 'Step funnel: expense-tooltip' }).count()).toBe(1);

    before = seen.length;
    await page.getByLabel('From', { exact: true }).fill('2025-03-10');
    await expect.poll(() => seen.slice(before).find((s) => s.name === 'ghosts')?.query).toEqual({ from: '2025-03-10', to: '2025-03-30' });
    await expect.poll(() => page.locator('[data-panel="adoption"] details tbody tr').count()).toBe(21);
    // The view is in the URL, for bookmarks (the token never is).
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ app: 'intranet-rh', from: '2025-03-10', to: '2025-03-30', population: 'sales', guide: 'expense-tooltip' });
    await context.close();
  });

  it('shows the token form again when the token is refused (401)', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${base}/${URL_QUERY}`);
    await signIn(page);
    refuseAll = true;
    try {
      await page.getByLabel('To', { exact: true }).fill('2025-03-20');
      await page.getByLabel('Admin token').waitFor();
      await expect(page.getByRole('alert').innerText()).resolves.toBe('The token was refused. Enter it again.');
      await expect(page.evaluate(() => sessionStorage.getItem('compagnon.adminToken'))).resolves.toBeNull();
    } finally {
      refuseAll = false;
    }
    await signIn(page);
    await expect(page.locator('tr[data-guide="expense-tooltip"][data-population="*"] td').nth(1).innerText()).resolves.toBe('290');
    await context.close();
  });

  it('speaks French when the browser does', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', extraHTTPHeaders: { 'accept-language': 'fr-FR,fr;q=0.9' } });
    const page = await context.newPage();
    await page.goto(`${base}/${URL_QUERY}`);
    await page.getByLabel("Jeton d'administration").fill(TOKEN);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('[data-panel="guides"] table').waitFor();
    await expect.poll(() => page.getByRole('columnheader', { name: 'Taux de complétion' }).count()).toBe(1);
    await expect(page.locator('[data-card="new-hires"] [data-kpi]').innerText()).resolves.toMatch(/^81,3\s%$/);
    await expect(page.locator('[data-panel="guides"] [data-suppressed]').innerText()).resolves.toBe('3 groupes masqués (moins de 5 personnes)');
    await context.close();
  });
});
