// Keyboard only: Tab reaches the step's buttons, arrows navigate, Esc dismisses, focus returns where it was.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { focused, openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

it('moves focus into the step, reaches its buttons with Tab, dismisses with Esc and gives focus back', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.locator('#search').focus();
  await page.evaluate(() => (window as any).Compagnon.start('kb-tour'));
  const step = page.getByRole('dialog', { name: 'Filters' });
  await step.waitFor();
  await expect.poll(async () => (await focused(page)).inCompagnon).toBe(true);

  await page.keyboard.press('ArrowRight');
  await page.getByRole('dialog', { name: 'Done already' }).waitFor();
  await page.keyboard.press('ArrowLeft');
  await step.waitFor();

  // Tab walks the step's buttons (no trap: the step is not modal, so we stop once both are seen).
  const names = new Set<string>();
  for (let i = 0; i < 4 && !(names.has('Next') && names.has('Close')); i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.inCompagnon) names.add(f.name);
  }
  expect(names).toContain('Next');
  expect(names).toContain('Close');

  await page.keyboard.press('Escape');
  await step.waitFor({ state: 'detached' });
  await expect.poll(() => focused(page)).toEqual({ inCompagnon: false, name: expect.any(String), id: 'search' });
  const record = await page.evaluate(() => (window as any).Compagnon.debug());
  expect(record.guides).not.toContain('kb-tour');
  await context.close();
});

it('speaks French when the page does', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.url}/page.html?lang=fr`);
  await waitForCompagnon(page);
  await page.evaluate(() => (window as any).Compagnon.start('kb-tour'));
  const step = page.getByRole('dialog', { name: 'Filters' });
  await step.getByRole('button', { name: 'Suivant' }).click();
  const last = page.getByRole('dialog', { name: 'Done already' });
  await expect(last.getByRole('button', { name: 'Précédent' }).count()).resolves.toBe(1);
  await expect(last.getByRole('button', { name: 'Terminer' }).count()).resolves.toBe(1);
  await expect(last.getByRole('button', { name: 'Fermer' }).count()).resolves.toBe(1);
  await context.close();
});
