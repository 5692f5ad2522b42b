// A new hire on the example intranet: the expense tour, clicked through, resumed, finished and not re-offered.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, en, openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

const bundle = JSON.parse(readFileSync(`${EXAMPLE}/guides.json`, 'utf8'));
const tour = bundle.guides.find((g: { id: string }) => g.id === 'expense-tour');
const titles: string[] = tour.steps.map((s: { title: string }) => en(s.title));
const persona = (key: string) => `localStorage.setItem('acme.persona', '${key}')`;

let h: Harness;
beforeAll(async () => { h = await openHarness(EXAMPLE); });
afterAll(async () => { await h?.close(); });

describe('new hire on the expenses page', () => {
  it('sees the tour, advances by clicking its target, goes Back and Next, finishes, and is not re-offered', async () => {
    const { page, context, seen } = await h.newPage({ script: persona('nadia') });
    await page.goto(`${h.url}/expenses.html`);
    const step = (i: number) => page.getByRole('dialog', { name: titles[i] });

    await expect.poll(() => step(0).isVisible()).toBe(true);
    await expect(step(0).getByRole('button', { name: 'Back' }).count()).resolves.toBe(0);
    await page.locator('#new-expense').click(); // advance: { click: true }
    await step(1).waitFor();
    await step(1).getByRole('button', { name: 'Back' }).click();
    await step(0).waitFor();
    await step(0).getByRole('button', { name: 'Next' }).click();
    await step(1).waitFor();
    for (let i = 1; i < titles.length - 1; i++) {
      await step(i).getByRole('button', { name: 'Next' }).click();
      await step(i + 1).waitFor();
    }
    const last = step(titles.length - 1);
    await expect(last.getByRole('button', { name: 'Next' }).count()).resolves.toBe(0);
    await last.getByRole('button', { name: 'Done' }).click();
    await last.waitFor({ state: 'detached' });

    const stored = await readIdb(page, 'progress:intranet-rh:u-nadia') as { guides: Record<string, { status: string }> };
    expect(stored.guides['expense-tour']?.status).toBe('completed');

    await page.reload();
    await waitForCompagnon(page);
    await expect(page.getByRole('dialog', { name: titles[0] }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as any).Compagnon.debug().guides)).not.toContain('expense-tour');
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('resumes at the same step after a reload in the middle of the tour', async () => {
    const { page, context } = await h.newPage({ script: persona('nadia') });
    await page.goto(`${h.url}/expenses.html`);
    await page.getByRole('dialog', { name: titles[0] }).waitFor();
    await page.locator('#new-expense').click();
    await page.getByRole('dialog', { name: titles[1] }).getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: titles[2] }).waitFor();
    await expect.poll(async () => ((await readIdb(page, 'progress:intranet-rh:u-nadia')) as any)?.guides['expense-tour']?.step).toBe(2);

    await page.reload();
    await page.locator('#new-expense').click(); // the form the step points into is closed after a reload
    await expect.poll(() => page.getByRole('dialog', { name: titles[2] }).isVisible()).toBe(true);
    await expect(page.getByRole('dialog', { name: titles[0] }).count()).resolves.toBe(0);
    await context.close();
  });
});
