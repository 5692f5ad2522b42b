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

/** The verdict kept for `app`, read on a connection of the test's own. */
const kept = (page: import('playwright-core').Page, app = 'broken') => page.evaluate((app) => new Promise<any>((resolve, reject) => {
  const open = indexedDB.open('compagnon');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const req = open.result.transaction('kv').objectStore('kv').get(`bundle:${app}`);
    req.onsuccess = () => { resolve(req.result); open.result.close(); };
    req.onerror = () => reject(req.error);
  };
}), app);

it('reads the verdict back on the next page while the bundle is the same, and validates again when it changes', async () => {
  const { page, context, seen } = await h.newPage();
  const dialog = page.getByRole('dialog', { name: 'Hello IT' });
  const debug = () => page.evaluate(() => (window as any).Compagnon.debug());
  await page.goto(`${h.url}/page.html`);
  await dialog.waitFor();
  expect((await debug()).bundle).toBe('validated');
  await expect.poll(async () => (await kept(page))?.errors.length).toBe(1);

  // Same text: the same guides run and the same error is reported, without validating.
  await page.reload();
  await dialog.waitFor();
  expect(await debug()).toMatchObject({ bundle: 'cache', guides: ['good-tour'], lastError: { path: 'guides[0].steps[0].target' } });
  expect(seen.consoleErrors.filter((m) => m.includes('guides[0].steps[0].target'))).toHaveLength(2);

  // A verdict from an SDK built on other schema sources is not trusted.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('compagnon');
    open.onsuccess = () => {
      const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
      const req = store.get('bundle:broken');
      req.onsuccess = () => {
        store.put({ ...req.result, schema: 'another-build' }, 'bundle:broken');
        store.transaction.oncomplete = () => { open.result.close(); resolve(); };
      };
      req.onerror = () => reject(req.error);
    };
  }));
  await page.reload();
  await dialog.waitFor();
  expect((await debug()).bundle).toBe('validated');

  // The author fixes the broken guide: the new text is validated, both guides run, no error.
  const fixed = (await (await fetch(`${h.url}/guides.json`)).text()).replace('"target": 42', '"target": "#help"');
  await page.route('**/guides.json', (route) => route.fulfill({ contentType: 'application/json', body: fixed }));
  await page.reload();
  await dialog.waitFor();
  expect(await debug()).toMatchObject({ bundle: 'validated', errors: 0 });
  expect((await debug()).guides.sort()).toEqual(['broken-tour', 'good-tour']);
  await expect.poll(async () => (await kept(page))?.text).toBe(fixed);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('reads the verdict back for a bundle passed as an object, as its JSON text', async () => {
  const { page, context, seen } = await h.newPage();
  const debug = () => page.evaluate(() => (window as any).Compagnon.debug());
  await page.goto(`${h.url}/object.html`);
  await page.getByRole('dialog', { name: 'Hello IT' }).waitFor();
  expect((await debug()).bundle).toBe('validated');
  await expect.poll(async () => (await kept(page, 'broken-object'))?.errors.length).toBe(1); // stored once idle
  await page.reload();
  await page.getByRole('dialog', { name: 'Hello IT' }).waitFor();
  expect(await debug()).toMatchObject({ bundle: 'cache', guides: ['good-tour'], lastError: { path: 'guides[0].steps[0].target' } });
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
