// IndexedDB unavailable (`indexedDB.open` throwing, as in some private modes): guides still run, nothing escapes.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const breakIndexedDB = () => {
  const escaped: string[] = [];
  (window as any).__escaped = escaped;
  addEventListener('error', (e) => escaped.push(`error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => escaped.push(`rejection: ${String(e.reason)}`));
  IDBFactory.prototype.open = function open() {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
};

it('runs the tour from memory and lets nothing reach window.onerror', async () => {
  const { page, context, seen } = await h.newPage({ script: breakIndexedDB });
  await page.goto(`${h.url}/page.html`);
  const step = page.getByRole('dialog', { name: 'Submit your week' });
  await step.waitFor();
  await step.getByRole('button', { name: 'Done' }).click();
  await step.waitFor({ state: 'detached' });
  const debug = await page.evaluate(() => (window as any).Compagnon.debug());
  expect(debug.storage).toBe('memory');
  expect(debug.guides).toEqual([]);
  expect(await page.evaluate(() => (window as any).__escaped)).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  expect(seen.consoleWarnings.some((m) => m.includes('[compagnon]'))).toBe(true);
  await context.close();
});
