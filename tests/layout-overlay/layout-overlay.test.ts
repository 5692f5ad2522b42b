// A host overlay at z-index 2147483647 covering the whole page, and a modal <dialog> in the top layer, do not cover
// the step: what is at the dialog's centre is our host element, and its buttons take real clicks.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

/** What the page hits at the centre (and the four inner corners) of our dialog. */
const hits = (page: Page) => page.evaluate(() => {
  const dialog = document.querySelector('[data-compagnon]')!.shadowRoot!.querySelector('[role=dialog]')!.getBoundingClientRect();
  const at = (x: number, y: number) => {
    const el = document.elementFromPoint(x, y);
    return el?.hasAttribute('data-compagnon') ? 'compagnon' : `${el?.tagName.toLowerCase()}#${el?.id}.${el?.className}`;
  };
  const { left, top, right, bottom } = dialog;
  return [at((left + right) / 2, (top + bottom) / 2), at(left + 4, top + 4), at(right - 4, top + 4), at(left + 4, bottom - 4), at(right - 4, bottom - 4)];
});

it('shows every step above a z-index 2147483647 overlay that covers the page', async () => {
  const { page, context, seen } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  // The overlay really covers the page.
  expect(await page.evaluate(() => document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.id)).toBe('consent');
  await page.evaluate(() => (window as any).Compagnon.start('portal-tour'));
  const welcome = page.getByRole('dialog', { name: 'Welcome to the portal' });
  await welcome.waitFor();
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));
  // A real click (Playwright refuses to click an element covered by another one).
  await welcome.getByRole('button', { name: 'Next' }).click({ timeout: 3000 });

  const payslips = page.getByRole('dialog', { name: 'Your payslips' });
  await payslips.waitFor();
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));

  // The overlay is re-inserted (as consent scripts do) after our step showed: still under us.
  await page.evaluate(() => { const c = document.getElementById('consent')!; c.remove(); document.body.append(c); });
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));
  await payslips.getByRole('button', { name: 'Next' }).click({ timeout: 3000 });
  await page.getByRole('dialog', { name: "That's all" }).waitFor();
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

// KNOWN FAILING (reported to the lead): a popover outside an open modal <dialog> is inert (the modal blocks the
// rest of the document), so hit-testing skips our host even though it is in the top layer above the dialog.
it('is usable above a modal <dialog> the page has open in the top layer', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.evaluate(() => (document.getElementById('news') as HTMLDialogElement).showModal());
  await page.evaluate(() => (window as any).Compagnon.start('portal-tour'));
  const welcome = page.getByRole('dialog', { name: 'Welcome to the portal' });
  await welcome.waitFor();
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));
  await welcome.getByRole('button', { name: 'Next' }).click({ timeout: 3000 });
  await page.getByRole('dialog', { name: 'Your payslips' }).waitFor();
  expect(await hits(page)).toEqual(Array(5).fill('compagnon'));
  await context.close();
});
