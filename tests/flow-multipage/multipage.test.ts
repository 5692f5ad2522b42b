// A tour that crosses pages: it starts on page A, moves on when the person reaches page B (`advance.url`),
// and resumes there after the full navigation, at the step that lives on B.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness, recordEvents as recordEventsOf } from '../harness.ts';

interface Ev { type: string; guide?: string; step?: string; url?: string }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

/** Every event of every page load of this tab, in order. */
const recordEvents = (page: Page) => recordEventsOf<Ev>(page, ['type', 'guide', 'step', 'url']);
const record = async (page: Page) =>
  ((await readIdb(page, 'progress:multi:u-multi')) as { guides: Record<string, { status: string; step: number }> } | undefined)
    ?.guides['cross-tour'];

describe('multi-page tour', () => {
  it('starts on page A, advances on reaching page B and resumes there', async () => {
    const { page, context, seen } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/a.html`);
    const first = page.getByRole('dialog', { name: 'Open the approvals' });
    await first.waitFor();
    await expect(first.getByText('1 of 3').count()).resolves.toBe(1);

    await page.locator('#to-b').click();
    await page.waitForURL('**/b.html');
    await waitForCompagnon(page);
    // Reaching /b.html (a full navigation) is what `advance.url` waits for: the tour must move to step 2 here.
    expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('cross-tour');
    await expect.poll(async () => (await record(page))?.step, {
      message: 'advance.url "/b.html" reached by a full page load should move the resumed tour to its next step',
    }).toBe(1);
    const second = page.getByRole('dialog', { name: 'Approve in one click' });
    await expect.poll(() => second.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(second.getByText('2 of 3').count()).resolves.toBe(1);
    await expect(page.getByRole('dialog', { name: 'Open the approvals' }).count()).resolves.toBe(0);
    await expect.poll(async () => (await record(page))?.step).toBe(1);

    await second.getByRole('button', { name: 'Next' }).click();
    const last = page.getByRole('dialog', { name: 'You are all set' });
    await last.getByRole('button', { name: 'Done' }).click();
    await last.waitFor({ state: 'detached' });
    await expect.poll(async () => (await record(page))?.status).toBe('completed');

    await expect.poll(() => events.at(-1)?.type).toBe('guide_completed');
    const mine = events.filter((e) => e.guide === 'cross-tour');
    expect(mine.filter((e) => e.type === 'guide_started')).toHaveLength(1);
    expect(mine.filter((e) => e.type === 'step_viewed').map((e) => e.step)).toEqual(['menu', 'approve', 'end']);
    expect(mine.find((e) => e.type === 'step_viewed' && e.step === 'approve')?.url).toMatch(/\/b\.html$/);
    expect(mine.at(-1)?.type).toBe('guide_completed');
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('waits off screen on a page the current step does not live on, and shows it back there', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/a.html`);
    const first = page.getByRole('dialog', { name: 'Open the approvals' });
    // Next on A: the following step lives on B, so the tour leaves the screen and stays in progress.
    await first.getByRole('button', { name: 'Next' }).click();
    await first.waitFor({ state: 'detached' });
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect.poll(async () => (await record(page))?.step).toBe(1);
    await page.locator('#to-b').click();
    await page.waitForURL('**/b.html');
    await expect.poll(() => page.getByRole('dialog', { name: 'Approve in one click' }).isVisible()).toBe(true);

    // Back on A: the step lives on B, so nothing shows, and the tour is still in progress at that step.
    await page.locator('#to-a').click();
    await page.waitForURL('**/a.html');
    await waitForCompagnon(page);
    await page.waitForTimeout(500);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(await record(page)).toMatchObject({ status: 'active', step: 1 });
    expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('cross-tour');

    await page.goto(`${h.url}/b.html`);
    await expect.poll(() => page.getByRole('dialog', { name: 'Approve in one click' }).isVisible()).toBe(true);
    await context.close();
  });
});
