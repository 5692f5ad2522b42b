// A single-page app on the history API (three routes): the tour follows pushState navigations (`advance.url`),
// a step moves on when the app calls `track()` (`advance.event`), and back/forward keep it on the right route.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, type Harness, recordEvents as recordEventsOf } from '../harness.ts';

interface Ev { type: string; guide?: string; step?: string; url?: string }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const recordEvents = (page: Page) => recordEventsOf<Ev>(page, ['type', 'guide', 'step', 'url']);
const step = (page: Page, title: string) => page.getByRole('dialog', { name: title });
const stepIndex = async (page: Page) =>
  ((await readIdb(page, 'progress:spa:u-spa')) as any)?.guides['spa-tour'] as { status: string; step: number } | undefined;

describe('single-page app tour', () => {
  it('crosses three routes, advancing on pushState URLs and on a track() event', async () => {
    const { page, context, seen } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/spa/`);
    await step(page, 'Open your orders').waitFor();
    // Next is there, but reaching the route is enough.
    await page.getByRole('link', { name: 'Orders' }).click();
    expect(new URL(page.url()).pathname).toBe('/spa/orders');
    const create = step(page, 'Create an order');
    await create.waitFor();
    await expect(step(page, 'Open your orders').count()).resolves.toBe(0);

    // The app tracks 'order-created' when the button is used: that advances the step.
    await page.locator('#new-order').click();
    await expect.poll(() => page.locator('#orders-count').textContent()).toBe('1 orders');
    await step(page, 'Now the settings').waitFor();
    await expect(create.count()).resolves.toBe(0);

    await page.getByRole('link', { name: 'Settings' }).click();
    const theme = step(page, 'Pick a theme');
    await theme.waitFor();
    expect(await theme.getByText('4 of 4').count()).toBe(1);
    await theme.getByRole('button', { name: 'Done' }).click();
    await theme.waitFor({ state: 'detached' });
    await expect.poll(async () => (await stepIndex(page))?.status).toBe('completed');

    await expect.poll(() => events.at(-1)?.type).toBe('guide_completed');
    const mine = events.filter((e) => e.guide === 'spa-tour');
    expect(mine.filter((e) => e.type === 'step_viewed').map((e) => e.step)).toEqual(['go-orders', 'create', 'go-settings', 'theme']);
    expect(mine.filter((e) => e.type === 'step_completed').map((e) => e.step)).toEqual(['go-orders', 'create', 'go-settings', 'theme']);
    expect(mine.find((e) => e.step === 'theme')?.url).toMatch(/\/spa\/settings$/);
    expect(mine.at(-1)?.type).toBe('guide_completed');
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('an unrelated track() does not advance; going back hides the step, forward shows it again', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/spa/`);
    await step(page, 'Open your orders').waitFor();
    await page.getByRole('link', { name: 'Orders' }).click();
    const create = step(page, 'Create an order');
    await create.waitFor();

    await page.evaluate(() => (window as any).Compagnon.track('something-else'));
    await page.waitForTimeout(300);
    await expect(create.isVisible()).resolves.toBe(true);
    expect((await stepIndex(page))?.step).toBe(1);

    // Back to home: the step lives on /spa/orders, so it leaves the screen; the tour stays on that step.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/spa/');
    await create.waitFor({ state: 'detached' });
    await expect(step(page, 'Open your orders').count()).resolves.toBe(0);
    expect((await stepIndex(page))).toMatchObject({ status: 'active', step: 1 });

    await page.goForward();
    await create.waitFor();
    await context.close();
  });
});
