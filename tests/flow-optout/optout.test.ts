// Opting out of automatic guides in the resource centre: kept in the person's progress, honoured on every page
// after a reload; the centre still works and starts guides by hand; an `opted_out` event is sent.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness, recordEvents as recordEventsOf } from '../harness.ts';

interface Ev { type: string; guide?: string }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const recordEvents = (page: Page) => recordEventsOf<Ev>(page, ['type', 'guide']);
async function openCentre(page: Page) {
  await waitForCompagnon(page);
  await page.getByRole('button', { name: 'Help' }).click();
  const centre = page.getByRole('dialog', { name: 'Help centre' });
  await centre.waitFor();
  return centre;
}
const auto = (scope: Page | Locator) => scope.getByRole('checkbox', { name: 'Show guides automatically' });
const stored = async (page: Page) => (await readIdb(page, 'progress:optout:u-opt')) as any;
/** Settles, then counts the dialogs other than the centre. */
async function guidesOnScreen(page: Page) {
  await waitForCompagnon(page);
  await page.waitForTimeout(500);
  return (await page.getByRole('dialog').count()) + (await page.getByRole('region').count());
}

describe('opt-out of automatic guides', () => {
  it('(control) without opting out, the work page shows its automatic tour', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/work.html`);
    await page.getByRole('dialog', { name: 'Fill in your timesheet' }).waitFor();
    await context.close();
  });

  it('unticking "Show guides automatically" sends opted_out; after a reload no automatic guide shows on any page', async () => {
    const { page, context, seen } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/help.html`);
    const centre = await openCentre(page);
    await expect(auto(centre).isChecked()).resolves.toBe(true);
    await auto(centre).uncheck();
    await expect.poll(() => events).toEqual([{ type: 'session_started' }, { type: 'opted_out', guide: 'help' }]);
    await expect.poll(async () => (await stored(page))?.optedOut).toBe(true);

    await page.reload();
    await expect(auto(await openCentre(page)).isChecked()).resolves.toBe(false);
    await page.goto(`${h.url}/work.html`);
    expect(await guidesOnScreen(page)).toBe(0);
    expect(await page.evaluate(() => (window as any).Compagnon.debug().guides)).toContain('work-tour');
    await page.reload();
    expect(await guidesOnScreen(page)).toBe(0);

    // The centre still works, and starts the tour by hand.
    const again = await openCentre(page);
    await again.getByRole('button', { name: 'Timesheet tour' }).click();
    const step = page.getByRole('dialog', { name: 'Fill in your timesheet' });
    await step.waitFor();
    await expect.poll(() => events.filter((e) => e.type === 'guide_started').map((e) => e.guide)).toEqual(['work-tour']);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('a tour the opted-out person started by hand from the centre resumes after a reload', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/help.html`);
    await auto(await openCentre(page)).uncheck();
    await expect.poll(async () => (await stored(page))?.optedOut).toBe(true);
    await page.goto(`${h.url}/work.html`);
    await (await openCentre(page)).getByRole('button', { name: 'Timesheet tour' }).click();
    const step = page.getByRole('dialog', { name: 'Fill in your timesheet' });
    await step.waitFor();
    await step.getByRole('button', { name: 'Next' }).click();
    await expect.poll(async () => (await stored(page))?.guides['work-tour']).toMatchObject({ status: 'active', step: 1 });
    await page.reload();
    // The person asked for this tour: opting out of AUTOMATIC guides should not stop it half-way.
    await page.getByRole('dialog', { name: 'Timesheet done' }).waitFor({ timeout: 5000 });
    await context.close();
  });

  it('opting out while an automatic tour is on screen: it does not come back after a reload; ticking again restores them', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/work.html`);
    await page.getByRole('dialog', { name: 'Fill in your timesheet' }).waitFor();
    const centre = await openCentre(page);
    await auto(centre).uncheck();
    await expect.poll(async () => (await stored(page))?.optedOut).toBe(true);

    await page.reload();
    expect(await guidesOnScreen(page)).toBe(0);
    expect((await stored(page)).guides['work-tour']).toMatchObject({ status: 'active' });

    await auto(await openCentre(page)).check();
    await expect.poll(async () => (await stored(page))?.optedOut).toBeFalsy();
    await page.reload();
    await page.getByRole('dialog', { name: 'Fill in your timesheet' }).waitFor();
    await context.close();
  });
});
