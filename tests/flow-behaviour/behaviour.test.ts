// Behaviour rules: a population of people who did something (`track('report-exported')` at least once), counted on
// this browser and kept across reloads; and its opposite ({ lte: 0 }).
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const debug = (page: Page) => page.evaluate(() => (window as any).Compagnon.debug());
const settle = async (page: Page) => { await waitForCompagnon(page); await page.waitForTimeout(400); };

describe('behaviour rule', () => {
  it('the guide appears only once the person exported a report, and the count outlives a reload', async () => {
    const { page, context, seen } = await h.newPage();
    await page.goto(`${h.url}/page.html`);
    await settle(page);
    const step = page.getByRole('dialog', { name: 'Schedule it instead' });
    await expect(step.count()).resolves.toBe(0);
    expect((await debug(page)).populations).toEqual(['never-exported']);
    const beacon = page.getByRole('button', { name: 'Try exporting' });
    await beacon.waitFor();

    // Another event changes nothing.
    await page.evaluate(() => (window as any).Compagnon.track('report-printed'));
    await settle(page);
    await expect(step.count()).resolves.toBe(0);

    await page.locator('#export').click(); // the app calls track('report-exported')
    await step.waitFor();
    expect((await debug(page)).populations).toEqual(['exporters']);
    await beacon.waitFor({ state: 'detached' });
    await expect.poll(async () => ((await readIdb(page, 'progress:behaviour:u-beh')) as any)?.counts)
      .toEqual({ 'report-printed': 1, 'report-exported': 1 });

    await page.reload();
    await step.waitFor();
    expect((await debug(page)).populations).toEqual(['exporters']);
    await expect(page.getByRole('button', { name: 'Try exporting' }).count()).resolves.toBe(0);
    await step.getByRole('button', { name: 'Close' }).click();

    // Another page, another guide for the same population: still counted after the reloads.
    await page.goto(`${h.url}/reports.html`);
    await page.getByRole('dialog', { name: 'Exports now in PDF' }).waitFor();
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('a person who never exported gets neither guide, on either page', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/reports.html`);
    await settle(page);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect((await debug(page)).guides).not.toContain('exporters-news');
    await page.goto(`${h.url}/page.html`);
    await settle(page);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Try exporting' }).count()).resolves.toBe(1);
    await context.close();
  });
});
