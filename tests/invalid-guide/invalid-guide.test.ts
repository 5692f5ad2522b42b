// One invalid guide never stops the others, and the console error names its JSON path.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

it('runs the valid guide and reports the invalid one by its JSON path', async () => {
  const { page, context, seen } = await h.newPage();
  await page.goto(`${h.url}/page.html`);
  await page.getByRole('dialog', { name: 'Hello IT' }).waitFor();
  expect(seen.consoleErrors.some((m) => m.includes('guides[0].steps[0].target') && m.includes('broken-tour'))).toBe(true);
  const debug = await page.evaluate(() => (window as any).Compagnon.debug());
  expect(debug.guides).toEqual(['good-tour']);
  expect(debug.lastError.path).toBe('guides[0].steps[0].target');
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
