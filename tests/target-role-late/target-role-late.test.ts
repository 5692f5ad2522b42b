// A role + name target, in an app that renders late (a SPA): found once rendered, and the right element among decoys.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

// Every event the SDK emits, from the first one on (the listener is attached as the IIFE assigns window.Compagnon).
const recordEvents = () => {
  const events: unknown[] = [];
  (window as any).__events = events;
  let api: any;
  Object.defineProperty(window, 'Compagnon', {
    configurable: true,
    get: () => api,
    set(v) { api = v; v.on('event', (e: unknown) => events.push(e)); },
  });
};
/** Holds the app's API call until `release()`: the view renders when the test says so. */
async function holdApi(page: import('playwright-core').Page) {
  let release!: () => void;
  const released = new Promise<void>((r) => { release = r; });
  await page.route('**/api/expenses.json', async (route) => { await released; await route.continue(); });
  return release;
}
type Ev = { type: string; guide?: string; step?: string; props?: Record<string, unknown> };

it('finds { role: button, name: "New expense" } after the late render, skipping hidden, collapsed and longer-named buttons', async () => {
  const { page, context, seen } = await h.newPage({ script: recordEvents });
  const release = await holdApi(page);
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  // The view is not rendered yet: the tour is active, its first step waits for its target.
  expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('expense-tour');
  await page.waitForTimeout(1500);
  expect(await page.getByRole('dialog', { name: 'Start here' }).count()).toBe(0);
  expect(await page.locator('[data-which=real]').count()).toBe(0);

  release();
  const step = page.getByRole('dialog', { name: 'Start here' });
  await step.waitFor();
  // The step points at the real button: it sits right under it (placement bottom, 12 px gap), and the spotlight hole covers it.
  const geometry = await page.evaluate(() => {
    const host = document.querySelector('[data-compagnon]')!.shadowRoot!;
    const dialog = host.querySelector('[role=dialog]')!.getBoundingClientRect();
    const hole = host.querySelector('.sp')!.getBoundingClientRect();
    const real = document.querySelector('[data-which=real]')!.getBoundingClientRect();
    return { dialogTop: dialog.top, realBottom: real.bottom, hole: [hole.left, hole.top, hole.right, hole.bottom] as const, real: [real.left, real.top, real.right, real.bottom] as const };
  });
  expect(geometry.dialogTop - geometry.realBottom).toBeGreaterThanOrEqual(4);
  expect(geometry.dialogTop - geometry.realBottom).toBeLessThanOrEqual(24);
  expect(geometry.hole[0]).toBeLessThanOrEqual(geometry.real[0]);
  expect(geometry.hole[1]).toBeLessThanOrEqual(geometry.real[1]);
  expect(geometry.hole[2]).toBeGreaterThanOrEqual(geometry.real[2]);
  expect(geometry.hole[3]).toBeGreaterThanOrEqual(geometry.real[3]);
  expect(geometry.hole[2] - geometry.hole[0]).toBeLessThan(geometry.real[2] - geometry.real[0] + 20);

  // advance.click is bound to the resolved element: clicking a decoy does nothing, clicking the real one moves on.
  await page.locator('[data-which=report]').click();
  await page.waitForTimeout(300);
  expect(await step.count()).toBe(1);
  await page.locator('[data-which=real]').click();

  // The next view renders 600 ms later; its textbox is named by a wrapping <label>.
  const amount = page.getByRole('dialog', { name: 'Enter the amount' });
  await amount.waitFor();
  const near = await page.evaluate(() => {
    const dialog = document.querySelector('[data-compagnon]')!.shadowRoot!.querySelector('[role=dialog]')!.getBoundingClientRect();
    const input = document.querySelector('[data-which=amount]')!.getBoundingClientRect();
    return dialog.top - input.bottom;
  });
  expect(near).toBeGreaterThanOrEqual(4);
  expect(near).toBeLessThanOrEqual(24);

  const events = await page.evaluate(() => (window as any).__events as Ev[]);
  expect(events.filter((e) => e.type === 'target_not_found')).toEqual([]);
  expect(events.filter((e) => e.type === 'step_viewed').map((e) => e.step)).toEqual(['new', 'amount']);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('a render 4 s late, within the step\'s wait (8 s), is not a missing target', async () => {
  const { page, context } = await h.newPage({ script: recordEvents });
  const release = await holdApi(page);
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.waitForTimeout(4000);
  release();
  await page.getByRole('dialog', { name: 'Start here' }).waitFor();
  const events = await page.evaluate(() => (window as any).__events as Ev[]);
  expect(events.map((e) => e.type)).not.toContain('target_not_found');
  await context.close();
});
