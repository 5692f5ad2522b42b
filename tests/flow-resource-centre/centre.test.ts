// The resource centre behind the "Help" launcher: the ambassadors and resources of MY population only, the guides
// I may (re)start, and a search box that filters them.
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused, openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

async function openCentre(page: Page, who: string): Promise<Locator> {
  await page.goto(`${h.url}/page.html?who=${who}`);
  await waitForCompagnon(page);
  const help = page.getByRole('button', { name: 'Help' });
  await help.click();
  await expect(help.getAttribute('aria-expanded')).resolves.toBe('true');
  const centre = page.getByRole('dialog', { name: 'Help centre' });
  await centre.waitFor();
  return centre;
}
const links = (centre: Locator) => centre.getByRole('link').allTextContents();
const guideButtons = async (centre: Locator) =>
  (await centre.getByRole('button').allTextContents()).filter((t) => t.endsWith('tour') || t === "What's new");

describe('resource centre', () => {
  it('shows a finance person the finance ambassador, resources and guides, not the HR ones', async () => {
    const { page, context, seen } = await h.newPage();
    const centre = await openCentre(page, 'finance');
    expect(await page.evaluate(() => (window as any).Compagnon.debug().populations)).toEqual(['finance']);
    await expect(centre.getByRole('heading', { name: 'Your ambassadors' }).count()).resolves.toBe(1);
    await expect(centre.getByRole('heading', { name: 'Learn more' }).count()).resolves.toBe(1);
    expect(await links(centre)).toEqual(['Awa Diallo', 'Chloé Martin', 'Budgets in ten minutes', 'Monthly Q&A']);
    await expect(centre.getByRole('link', { name: 'Awa Diallo' }).getAttribute('href')).resolves.toBe('mailto:awa@example.org');
    await expect(centre.getByText('Finance ambassador').count()).resolves.toBe(1);
    await expect(centre.getByText('Bruno Petit').count()).resolves.toBe(0);
    await expect(centre.getByText('Recruiting with the new tool').count()).resolves.toBe(0);
    expect(await guideButtons(centre)).toEqual(['Budget tour', "What's new"]);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('shows an HR person the HR ambassador and resources, not the finance ones', async () => {
    const { page, context } = await h.newPage();
    const centre = await openCentre(page, 'hr');
    expect(await links(centre)).toEqual(['Bruno Petit', 'Chloé Martin', 'Recruiting with the new tool', 'Monthly Q&A']);
    await expect(centre.getByRole('link', { name: 'Bruno Petit' }).getAttribute('href')).resolves.toBe('tel:+33100000000');
    await expect(centre.getByText('Awa Diallo').count()).resolves.toBe(0);
    await expect(centre.getByText('Budgets in ten minutes').count()).resolves.toBe(0);
    expect(await guideButtons(centre)).toEqual(['People tour', "What's new"]);
    await context.close();
  });

  it('the search box filters guides, ambassadors and resources, and says when nothing matches', async () => {
    const { page, context } = await h.newPage();
    const centre = await openCentre(page, 'finance');
    const search = centre.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute('type');
    })).toBe('search');
    await search.fill('budget');
    await expect.poll(() => links(centre)).toEqual(['Budgets in ten minutes']);
    expect(await guideButtons(centre)).toEqual(['Budget tour']);
    await search.fill('chloe'); // accents and case do not matter
    await expect.poll(() => links(centre)).toEqual(['Chloé Martin']);
    expect(await guideButtons(centre)).toEqual([]);
    await search.fill('webinar'); // the resource's kind is searchable
    await expect.poll(() => links(centre)).toEqual(['Monthly Q&A']);
    await search.fill('zzz');
    await expect.poll(() => centre.getByRole('status').textContent()).toBe('No results');
    await search.fill('');
    await expect.poll(async () => (await links(centre)).length).toBe(4);
    await context.close();
  });

  it('starts a guide from the centre, and restarts it once completed', async () => {
    const { page, context } = await h.newPage();
    const centre = await openCentre(page, 'finance');
    await expect(centre.getByText('New', { exact: true }).count()).resolves.toBeGreaterThan(0);
    await centre.getByRole('button', { name: 'Budget tour' }).click();
    const first = page.getByRole('dialog', { name: 'Your budgets' });
    await first.waitFor();
    await first.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('dialog', { name: 'Budget tour done' }).getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => ((await readIdb(page, 'progress:rc:u-farid')) as any)?.guides['budget-tour']?.status).toBe('completed');

    await page.reload();
    const again = await openCentre(page, 'finance');
    await expect(again.getByText('Completed', { exact: true }).count()).resolves.toBe(1);
    await again.getByRole('button', { name: 'Budget tour' }).click();
    await page.getByRole('dialog', { name: 'Your budgets' }).waitFor();
    await context.close();
  });

  it('Esc closes the centre and gives focus back to the launcher', async () => {
    const { page, context } = await h.newPage();
    const centre = await openCentre(page, 'hr');
    await page.keyboard.press('Escape');
    await centre.waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: 'Help' }).getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => focused(page)).toMatchObject({ inCompagnon: true, name: 'Help' });
    await context.close();
  });
});
