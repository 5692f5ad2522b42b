// Preview mode (`?compagnon-preview=<id>`): one guide whatever the audience, progress and dates, marked
// "Preview", leaving no trace (no event, nothing saved). And start/end dates outside preview.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness, recordEvents as recordEventsOf } from '../harness.ts';

interface Ev { type: string; guide?: string }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const recordEvents = (page: Page) => recordEventsOf<Ev>(page, ['type', 'guide']);
const settle = async (page: Page) => { await waitForCompagnon(page); await page.waitForTimeout(400); };
const stored = async (page: Page) => (await readIdb(page, 'progress:preview:u-author')) as any;

describe('start and end dates', () => {
  it('a guide past its endAt or before its startAt is not offered; one within its dates is', async () => {
    const { page, context, seen } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html`);
    // Higher priorities than the current campaign, yet not shown: outside their dates.
    const banner = page.getByRole('region', { name: 'Current campaign' });
    await banner.waitFor();
    await expect(page.getByRole('dialog', { name: 'Old campaign' }).count()).resolves.toBe(0);
    await expect(page.getByRole('dialog', { name: 'Future campaign' }).count()).resolves.toBe(0);
    await expect(page.getByRole('dialog', { name: 'Approvals for managers' }).count()).resolves.toBe(0);
    await expect(banner.getByText('Preview', { exact: true }).count()).resolves.toBe(0);
    const eligible = await page.evaluate(() => (window as any).Compagnon.debug().guides);
    expect(eligible).toContain('current');
    expect(eligible).not.toContain('expired');
    expect(eligible).not.toContain('future');
    await expect.poll(() => events).toEqual([{ type: 'session_started' }, { type: 'guide_started', guide: 'current' }]);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('preview mode', () => {
  it('shows a guide to a person outside its audience, with a Preview badge, and emits no event', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html?compagnon-preview=managers-news`);
    const dialog = page.getByRole('dialog', { name: 'Approvals for managers' });
    await dialog.waitFor();
    await expect(dialog.getByText('Preview', { exact: true }).isVisible()).resolves.toBe(true);
    // Only the previewed guide: not the current campaign the person would otherwise get.
    await expect(page.getByRole('region', { name: 'Current campaign' }).count()).resolves.toBe(0);
    await expect(dialog.getByRole('button', { name: 'Remind me tomorrow' }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as any).Compagnon.debug().populations)).toEqual([]);

    await dialog.getByRole('button', { name: 'Got it' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.evaluate(() => (window as any).Compagnon.track('anything'));
    await page.waitForTimeout(500);
    expect(events).toEqual([]);
    const progress = await stored(page);
    expect(progress?.guides?.['managers-news']).toBeUndefined();
    expect(progress?.shown).toBeUndefined();
    expect(progress?.counts).toBeUndefined();

    // Without the parameter, the person is back to their own guides.
    await page.goto(`${h.url}/page.html`);
    await page.getByRole('region', { name: 'Current campaign' }).waitFor();
    await expect(page.getByRole('dialog', { name: 'Approvals for managers' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('a previewed guide closed by the author stays closed when the app calls track()', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html?compagnon-preview=managers-news`);
    const dialog = page.getByRole('dialog', { name: 'Approvals for managers' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.evaluate(() => (window as any).Compagnon.track('anything'));
    await page.waitForTimeout(500);
    await expect(dialog.count(), 'the preview re-opened after track()').resolves.toBe(0);
    expect(events).toEqual([]);
    await context.close();
  });

  it('previews a guide past its end date, and a manual tour step by step, without events', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html?compagnon-preview=expired`);
    const old = page.getByRole('dialog', { name: 'Old campaign' });
    await old.waitFor();
    await expect(old.getByText('Preview', { exact: true }).count()).resolves.toBe(1);
    await old.getByRole('button', { name: 'Close' }).click();

    await page.goto(`${h.url}/page.html?compagnon-preview=managers-tour`);
    const first = page.getByRole('dialog', { name: 'Approve here' });
    await first.waitFor();
    await expect(first.getByText('Preview', { exact: true }).count()).resolves.toBe(1);
    await first.getByRole('button', { name: 'Next' }).click();
    const last = page.getByRole('dialog', { name: 'Approvals done' });
    await last.getByRole('button', { name: 'Done' }).click();
    await last.waitFor({ state: 'detached' });
    await settle(page);
    expect(events).toEqual([]);
    expect((await stored(page))?.guides?.['managers-tour']).toBeUndefined();
    await context.close();
  });
});
