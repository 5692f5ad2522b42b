// Targets inside a same-origin iframe and inside an open shadow root are found, pointed at and clickable.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

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
type Ev = { type: string; guide?: string; step?: string; props?: Record<string, unknown> };
type Box = { left: number; top: number; right: number; bottom: number };

/** The dialog's and the spotlight's boxes, and the target's box in the top page's viewport (frame offset added). */
const layout = (page: Page, find: string) => page.evaluate((find) => {
  const box = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const target = new Function(`return ${find}`)() as Element;
  const r = target.getBoundingClientRect();
  let dx = 0, dy = 0;
  for (let win = target.ownerDocument.defaultView!; win.frameElement; win = win.parent as typeof win) {
    const f = win.frameElement.getBoundingClientRect();
    dx += f.left + win.frameElement.clientLeft; dy += f.top + win.frameElement.clientTop;
  }
  const shadow = document.querySelector('[data-compagnon]')!.shadowRoot!;
  return {
    target: { left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy },
    dialog: box(shadow.querySelector('[role=dialog]')!.getBoundingClientRect()),
    hole: box(shadow.querySelector('.sp')!.getBoundingClientRect()),
  };
}, find);

const FRAME_BUTTON = `document.getElementById('settings').contentDocument.querySelector('button[type=submit]')`;

it('points a step at a button inside a same-origin iframe, and advances when it is clicked there', async () => {
  const { page, context, seen } = await h.newPage({ script: recordEvents });
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.frameLocator('#settings').getByRole('button', { name: 'Save settings' }).waitFor();
  await page.evaluate(() => (window as any).Compagnon.start('frame-tour'));
  const step = page.getByRole('dialog', { name: 'Save your choices' });
  await step.waitFor();

  // Placement top: the dialog's bottom sits just above the button, horizontally over it.
  await expect.poll(async () => { const l = await layout(page, FRAME_BUTTON); return l.target.top - l.dialog.bottom; })
    .toBeGreaterThanOrEqual(4);
  const l = await layout(page, FRAME_BUTTON);
  expect(l.target.top - l.dialog.bottom).toBeLessThanOrEqual(24);
  expect(l.dialog.left).toBeLessThan(l.target.right);
  expect(l.dialog.right).toBeGreaterThan(l.target.left);
  // The spotlight's hole is over the button as seen in the top page (not at its frame-relative coordinates).
  // KNOWN FAILING (reported): ui/src/position.ts cover() uses the frame-relative rect. Soft: the rest still runs.
  expect.soft(l.hole.left).toBeLessThanOrEqual(l.target.left);
  expect.soft(l.hole.top).toBeLessThanOrEqual(l.target.top);
  expect.soft(l.hole.right).toBeGreaterThanOrEqual(l.target.right);
  expect.soft(l.hole.bottom).toBeGreaterThanOrEqual(l.target.bottom);
  expect(l.hole.right - l.hole.left).toBeLessThan(l.target.right - l.target.left + 20);

  await page.frameLocator('#settings').getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => page.frameLocator('#settings').getByRole('status').textContent()).toBe('Saved');
  await page.getByRole('dialog', { name: 'Notifications saved' }).waitFor();
  const events = await page.evaluate(() => (window as any).__events as Ev[]);
  expect(events.filter((e) => e.type === 'target_not_found')).toEqual([]);
  expect(events.filter((e) => e.type === 'step_completed').map((e) => e.step)).toEqual(['save']);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('finds the target in an iframe that is embedded, and loads, after the step started waiting', async () => {
  const { page, context } = await h.newPage({ script: recordEvents });
  await page.goto(`${h.url}/page.html?late`);
  await waitForCompagnon(page);
  expect(await page.locator('#settings').count()).toBe(0);
  await page.evaluate(() => (window as any).Compagnon.start('frame-tour'));
  // The step waits for its target: no dialog yet, then the panel is embedded 1.5 s later.
  await page.waitForTimeout(1500);
  expect(await page.getByRole('dialog', { name: 'Save your choices' }).count()).toBe(0);
  await page.evaluate(() => (window as any).embedSettings());
  await page.getByRole('dialog', { name: 'Save your choices' }).waitFor({ timeout: 4500 });
  const l = await layout(page, FRAME_BUTTON);
  expect(l.target.top - l.dialog.bottom).toBeGreaterThanOrEqual(4);
  expect(l.target.top - l.dialog.bottom).toBeLessThanOrEqual(24);
  const events = await page.evaluate(() => (window as any).__events as Ev[]);
  expect(events.filter((e) => e.type === 'target_not_found')).toEqual([]);
  await context.close();
});

it('finds targets inside open shadow roots by selector, by role and by text', async () => {
  const { page, context, seen } = await h.newPage({ script: recordEvents });
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.evaluate(() => (window as any).Compagnon.start('shadow-tour'));
  const first = page.getByRole('dialog', { name: 'Write to a colleague' });
  await first.waitFor();

  const MESSAGE = `document.querySelector('user-card').shadowRoot.getElementById('message')`;
  // Placement right of the first card's ✉ button.
  const l = await layout(page, MESSAGE);
  expect(l.dialog.left - l.target.right).toBeGreaterThanOrEqual(4);
  expect(l.dialog.left - l.target.right).toBeLessThanOrEqual(24);
  expect(l.hole.left).toBeLessThanOrEqual(l.target.left);
  expect(l.hole.right).toBeGreaterThanOrEqual(l.target.right);

  // advance.click on an element inside a shadow root.
  await page.getByRole('button', { name: 'Message Awa Diallo' }).click();
  await page.getByRole('dialog', { name: 'Or call them' }).waitFor();
  const call = await layout(page, `document.querySelector('user-card').shadowRoot.querySelector('.call')`);
  expect(call.dialog.left - call.target.right).toBeGreaterThanOrEqual(4);
  expect(call.dialog.left - call.target.right).toBeLessThanOrEqual(24);

  await page.getByRole('dialog', { name: 'Or call them' }).getByRole('button', { name: 'Next' }).click();
  await page.getByRole('dialog', { name: 'Payroll contact' }).waitFor();
  // { text: "Payroll" }: the smallest element showing it, the second card's role label.
  const payroll = await layout(page, `document.querySelectorAll('user-card')[1].shadowRoot.querySelector('.role')`);
  expect(payroll.hole.left).toBeLessThanOrEqual(payroll.target.left);
  expect(payroll.hole.top).toBeLessThanOrEqual(payroll.target.top);
  expect(payroll.hole.bottom).toBeGreaterThanOrEqual(payroll.target.bottom);
  expect(payroll.hole.bottom - payroll.hole.top).toBeLessThan(payroll.target.bottom - payroll.target.top + 20);

  const events = await page.evaluate(() => (window as any).__events as Ev[]);
  expect(events.filter((e) => e.type === 'target_not_found')).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
