// The demo app itself, in real Chromium: personas, the expense form, the CSV export, reset and language.
// Compagnon is replaced by a stub served at the real script-tag URL, which records the calls the app makes.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../tooling/static-server.mjs';

const root = fileURLToPath(new URL('../../examples/intranet/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'intranet-demo-'));
const stub = join(scratch, 'compagnon-stub.js');
writeFileSync(stub, `window.Compagnon = (function () {
  function log(call) { var all = JSON.parse(sessionStorage.getItem('calls') || '[]'); all.push(call); sessionStorage.setItem('calls', JSON.stringify(all)); }
  return {
    user: window.compagnonUser,
    lang: document.documentElement.lang,
    track: function (name) { log('track:' + name); },
    reset: function () { log('reset'); return new Promise(function (r) { setTimeout(r, 50); }); }
  };
})();`);

const DAY = 864e5;
let server;
let browser;

beforeAll(async () => {
  server = await createStaticServer({ root, routes: { '/compagnon.iife.js': stub } });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function open(path, { persona, width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 800 }, acceptDownloads: true });
  if (persona) await context.addInitScript((p) => { if (!localStorage.getItem('acme.persona')) localStorage.setItem('acme.persona', p); }, persona);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url + path);
  return { page, errors, context };
}
const calls = (page) => page.evaluate(() => JSON.parse(sessionStorage.getItem('calls') || '[]'));
const user = (page) => page.evaluate(() => ({ ...window.compagnonUser, seenByStub: window.Compagnon.user === window.compagnonUser }));

describe('intranet demo', () => {
  it.each([
    { name: 'nadia', id: 'u-nadia', department: 'Finance', isManager: false, newHire: true, inactive: undefined },
    { name: 'marc', id: 'u-marc', department: 'Sales', isManager: true, newHire: false, inactive: undefined },
    { name: 'ines', id: 'u-ines', department: 'Finance', isManager: false, newHire: false, inactive: undefined },
    { name: 'paul', id: 'u-paul', department: 'Marketing', isManager: false, newHire: false, inactive: 40 },
    { name: 'sam', id: 'u-sam', department: 'IT', isManager: false, newHire: false, inactive: undefined },
  ])('sets window.compagnonUser for $name before Compagnon starts', async ({ name, id, department, isManager, newHire, inactive }) => {
    const { page, errors, context } = await open('/', { persona: name });
    const u = await user(page);
    expect(u).toMatchObject({ id, department, isManager, seenByStub: true });
    expect(Date.now() - Date.parse(u.hiredAt) < 30 * DAY).toBe(newHire);
    expect(u.lastSeenAt === undefined ? undefined : Math.round((Date.now() - Date.parse(u.lastSeenAt)) / DAY)).toBe(inactive);
    expect(await page.locator('.user-chip').textContent()).toContain(u.name);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('switches persona from the header and reloads', async () => {
    const { page, context } = await open('/expenses.html');
    expect((await user(page)).id).toBe('u-nadia');
    await Promise.all([page.waitForEvent('load'), page.selectOption('#persona', 'paul')]);
    expect((await user(page)).id).toBe('u-paul');
    expect(await page.locator('#persona').inputValue()).toBe('paul');
    await context.close();
  }, 20_000);

  it('reveals the form on click, saves a draft, submits, and keeps both across reloads', async () => {
    const { page, errors, context } = await open('/expenses.html', { persona: 'nadia' });
    await expect(page.locator('#expense-table tbody tr.empty').count()).resolves.toBe(1);
    expect(await page.locator('#expense-amount').count()).toBe(0);
    await page.click('#new-expense');
    await page.fill('#expense-amount', '42.5');
    await page.fill('#expense-description', 'Taxi to the client');
    await page.click('#save');
    expect(await page.locator('#expense-form').count()).toBe(0);
    expect(await page.locator('#expense-table tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/Taxi to the client[\s\S]*42\.50[\s\S]*Draft/)]);

    await page.click('#new-expense');
    await page.click('#submit-expense');
    expect(await page.locator('#expense-form').count()).toBe(1); // invalid: the browser blocks the submit
    await page.selectOption('#expense-category', 'meals');
    await page.fill('#expense-amount', '18');
    await page.fill('#expense-description', 'Lunch with a supplier');
    await page.click('#submit-expense');
    expect(await calls(page)).toEqual(['track:expense-submitted']);

    await page.reload();
    const rows = await page.locator('#expense-table tbody tr').allInnerTexts();
    expect(rows.map((r) => r.match(/Draft|Awaiting manager/)?.[0]).sort()).toEqual(['Awaiting manager', 'Draft']);
    expect(await page.locator('#stat-pending').textContent()).toContain('18.00');
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('exports the team report as CSV, then tells Compagnon', async () => {
    const { page, context } = await open('/team.html', { persona: 'marc' });
    await page.getByRole('button', { name: 'Approve: Léa Fontaine, Client dinner, Maison Brunet' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export]')]);
    expect(download.suggestedFilename()).toMatch(/^team-expenses-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFEmployee,Expense,Date,Amount (EUR),Status');
    expect(csv).toMatch(/Léa Fontaine,"Client dinner, Maison Brunet",\d{4}-\d{2}-\d{2},128\.60,Approved\r\n/);
    expect(await calls(page)).toEqual(['track:report-exported']);
    await context.close();
  }, 20_000);

  it('shows the team page to managers only', async () => {
    const { page, context } = await open('/team.html', { persona: 'sam' });
    expect(await page.locator('#team-restricted').isVisible()).toBe(true);
    expect(await page.locator('[data-action=export]').isVisible()).toBe(false);
    await context.close();
  }, 20_000);

  it('resets the demo: clears app data and guide progress, keeps the persona', async () => {
    const { page, context } = await open('/expenses.html', { persona: 'marc' });
    await page.click('#new-expense');
    await page.click('#save');
    expect(await page.locator('#expense-table tbody tr').count()).toBe(6);
    await Promise.all([page.waitForEvent('load'), page.click('#reset-demo')]);
    expect(await calls(page)).toEqual(['reset']);
    expect(await page.locator('#expense-table tbody tr').count()).toBe(5);
    expect((await user(page)).id).toBe('u-marc');
    await context.close();
  }, 20_000);

  it('switches language, sets <html lang> before Compagnon starts and keeps it', async () => {
    const { page, context } = await open('/expenses.html');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Français' }).click()]);
    expect(await page.evaluate(() => [document.documentElement.lang, window.Compagnon.lang])).toEqual(['fr', 'fr']);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Notes de frais' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByRole('button', { name: 'Nouvelle dépense' }).count()).toBe(1);
    await context.close();
  }, 20_000);

  it('routes the Time off app with pushState: no reload, Back works, a reload keeps the view', async () => {
    const { page, errors, context } = await open('/leave.html', { persona: 'sam' });
    await page.evaluate(() => { window.sameDocument = true; });
    const visible = () => page.evaluate(() => [...document.querySelectorAll('[data-view]')].filter((s) => !s.hidden).map((s) => s.dataset.view));
    expect(await visible()).toEqual(['overview']);
    await page.getByRole('link', { name: 'New request' }).first().click();
    expect(new URL(page.url()).search).toBe('?view=new');
    expect(await visible()).toEqual(['new']);
    expect(await page.evaluate(() => [window.sameDocument, document.activeElement.id])).toEqual([true, 'leave-new-title']);
    expect(await page.locator('.sub-nav [aria-current=page]').textContent()).toBe('New request');

    await page.click('#leave-submit'); // no dates: refused, nothing tracked
    expect(await page.locator('#leave-error').textContent()).toMatch(/first and the last day/);
    const day = (n) => new Date(Date.now() + n * 864e5).toISOString().slice(0, 10);
    await page.fill('#leave-from', day(10));
    await page.fill('#leave-to', day(12));
    await page.click('#leave-submit');
    expect(new URL(page.url()).search).toBe('?view=requests');
    expect(await page.locator('#leave-list li').count()).toBe(1);
    expect(await calls(page)).toEqual(['track:leave-requested']);
    expect(await page.evaluate(() => window.sameDocument)).toBe(true);

    await page.goBack();
    expect(await visible()).toEqual(['new']);
    await page.reload();
    expect(await visible()).toEqual(['new']);
    await page.goto(server.url + '/leave.html?view=requests');
    expect(await page.locator('#leave-list li').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 20_000);

  it('switches to a dark theme from the header, themes Compagnon with its custom properties, and keeps it', async () => {
    const { page, context } = await open('/', { persona: 'marc' });
    const toggle = page.getByRole('button', { name: 'Dark mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const read = () => page.evaluate(() => {
      const host = document.createElement('div');
      host.setAttribute('data-compagnon', '');
      document.body.append(host);
      const style = getComputedStyle(host);
      const out = [document.documentElement.dataset.theme, getComputedStyle(document.documentElement).backgroundColor, style.getPropertyValue('--compagnon-bg').trim(), style.getPropertyValue('--compagnon-fg').trim()];
      host.remove();
      return out;
    });
    expect(await read()).toEqual(['dark', 'rgb(12, 17, 32)', '#151b2d', '#e6e9f0']);
    await page.reload();
    expect(await read()).toEqual(['dark', 'rgb(12, 17, 32)', '#151b2d', '#e6e9f0']);
    await Promise.all([page.waitForEvent('load'), page.click('#reset-demo')]);
    expect((await read())[0]).toBe('dark'); // a preference, like the persona and the language
    await page.getByRole('button', { name: 'Dark mode' }).click();
    expect(await read()).toEqual([undefined, 'rgb(244, 246, 250)', '', '']);
    await context.close();
  }, 20_000);

  it('runs under a strict CSP that allows only its one inline script, by hash', async () => {
    const inline = readFileSync(join(root, 'index.html'), 'utf8').match(/<script>([^<]*)<\/script>/)[1];
    const hash = createHash('sha256').update(inline).digest('base64');
    const csp = `default-src 'self'; script-src 'self' 'sha256-${hash}'; style-src 'self'; object-src 'none'; base-uri 'none'`;
    const strict = await createStaticServer({ root, routes: { '/compagnon.iife.js': stub }, headers: { 'Content-Security-Policy': csp } });
    const context = await browser.newContext();
    await context.addInitScript(() => localStorage.setItem('acme.lang', 'fr'));
    const page = await context.newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    for (const path of ['/', '/expenses.html', '/team.html', '/leave.html', '/profile.html']) {
      await page.goto(strict.url + path);
      expect(await page.evaluate(() => [document.documentElement.lang, typeof window.Compagnon.track])).toEqual(['fr', 'function']);
    }
    expect(violations).toEqual([]);
    await context.close();
    await strict.close();
  }, 20_000);

  it.each(['/', '/expenses.html', '/team.html', '/leave.html', '/leave.html?view=new', '/profile.html'].map((path) => ({ name: path, path })))(
    '$name fits a 375 px screen without horizontal scrolling',
    async ({ path }) => {
      const { page, errors, context } = await open(path, { persona: 'marc', width: 375 });
      if (path === '/expenses.html') await page.click('#new-expense');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      expect(errors).toEqual([]);
      await context.close();
    },
    20_000,
  );
});
