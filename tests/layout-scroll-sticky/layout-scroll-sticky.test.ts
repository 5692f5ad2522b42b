// A target deep in a scrolled panel, in a transformed card, under a sticky toolbar: scrolled into view, not under
// the toolbar, followed while the panel and the page scroll; usable at 375 px wide and mirrored in RTL.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

type Box = { left: number; top: number; right: number; bottom: number; width: number };
interface Layout {
  target: Box; dialog: Box; toolbar: Box; list: Box; hole: Box;
  /** What a click at the target's centre hits: the target itself, not the toolbar nor our layer. */
  hit: boolean; vw: number; vh: number; hostDir: string; dialogDir: string;
}
const layout = (page: Page): Promise<Layout> => page.evaluate(() => {
  const box = (el: Element): Box => { const r = el.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width }; };
  const target = document.querySelector('[data-invoice=INV-2026-0150] .ref')!;
  const host = document.querySelector('[data-compagnon]') as HTMLElement;
  const dialog = host.shadowRoot!.querySelector('[role=dialog]')!;
  const t = target.getBoundingClientRect();
  return {
    target: box(target), dialog: box(dialog), toolbar: box(document.querySelector('.toolbar')!), list: box(document.getElementById('list')!),
    hole: box(host.shadowRoot!.querySelector('.sp')!),
    hit: document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2) === target,
    vw: document.documentElement.clientWidth, vh: innerHeight, hostDir: host.dir, dialogDir: getComputedStyle(dialog).direction,
  };
});

/** Waits for smooth scrolling and autoUpdate to settle: two equal layouts in a row. */
async function settled(page: Page): Promise<Layout> {
  let prev = '';
  for (let i = 0; i < 40; i++) {
    const l = await layout(page);
    const now = JSON.stringify([l.target, l.dialog]);
    if (now === prev) return l;
    prev = now;
    await page.waitForTimeout(100);
  }
  throw new Error('layout never settled');
}

function expectReachable(l: Layout) {
  // Scrolled into view inside the panel and the viewport, below the sticky toolbar, clickable.
  expect(l.target.top).toBeGreaterThanOrEqual(l.list.top);
  expect(l.target.bottom).toBeLessThanOrEqual(l.list.bottom);
  expect(l.target.top).toBeGreaterThanOrEqual(l.toolbar.bottom);
  expect(l.target.bottom).toBeLessThanOrEqual(l.vh);
  expect(l.hit).toBe(true);
  // The dialog is entirely on screen and attached to the target (below it, or above it once flipped).
  expect(l.dialog.left).toBeGreaterThanOrEqual(0);
  expect(l.dialog.right).toBeLessThanOrEqual(l.vw);
  expect(l.dialog.top).toBeGreaterThanOrEqual(0);
  expect(l.dialog.bottom).toBeLessThanOrEqual(l.vh);
  const gap = l.dialog.top >= l.target.bottom ? l.dialog.top - l.target.bottom : l.target.top - l.dialog.bottom;
  expect(gap).toBeGreaterThanOrEqual(4);
  expect(gap).toBeLessThanOrEqual(24);
  // The spotlight frames the target.
  expect(l.hole.left).toBeLessThanOrEqual(l.target.left);
  expect(l.hole.top).toBeLessThanOrEqual(l.target.top);
  expect(l.hole.right).toBeGreaterThanOrEqual(l.target.right);
  expect(l.hole.bottom).toBeGreaterThanOrEqual(l.target.bottom);
}

async function open(width: number, height: number, query = '') {
  const { page, context, seen } = await h.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`${h.url}/page.html${query}`);
  await waitForCompagnon(page);
  // The 150th of 200 rows is far below the panel's fold before the tour starts.
  const before = await page.evaluate(() => {
    const t = document.querySelector('[data-invoice=INV-2026-0150]')!.getBoundingClientRect();
    return t.top - document.getElementById('list')!.getBoundingClientRect().bottom;
  });
  expect(before).toBeGreaterThan(1000);
  await page.evaluate(() => (window as any).Compagnon.start('approve-tour'));
  await page.getByRole('dialog', { name: 'Check this invoice' }).waitFor();
  return { page, context, seen };
}

it('scrolls the target into view in its panel, clear of the sticky toolbar, and keeps the dialog on it while scrolling', async () => {
  const { page, context, seen } = await open(1280, 800);
  const l = await settled(page);
  expectReachable(l);
  // bottom-start in a left-to-right document: the dialog's left edge lines up with the target's.
  expect(Math.abs(l.dialog.left - l.target.left)).toBeLessThanOrEqual(2);

  // The person scrolls the panel a little: the dialog follows the target (autoUpdate), same offset.
  await page.evaluate(() => { document.getElementById('list')!.scrollTop -= 60; });
  const moved = await settled(page);
  expect(moved.target.top).toBeCloseTo(l.target.top + 60, 0);
  expect(moved.dialog.top - moved.target.bottom).toBeCloseTo(l.dialog.top - l.target.bottom, 0);
  expect(moved.hole.top).toBeCloseTo(l.hole.top + 60, 0);

  // Then the page itself scrolls, under the sticky toolbar: still attached.
  await page.mouse.move(10, 10);
  await page.evaluate(() => window.scrollBy(0, 120));
  const paged = await settled(page);
  expect(paged.target.top).toBeCloseTo(moved.target.top - 120, 0);
  expect(paged.dialog.top - paged.target.bottom).toBeCloseTo(l.dialog.top - l.target.bottom, 0);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('fits a 375 px wide viewport', async () => {
  const { page, context, seen } = await open(375, 667);
  const l = await settled(page);
  expectReachable(l);
  expect(l.dialog.width).toBeLessThanOrEqual(375 - 16);
  // The buttons are all reachable on screen.
  const buttons = await page.getByRole('dialog', { name: 'Check this invoice' }).getByRole('button').evaluateAll((els) =>
    els.map((b) => { const r = b.getBoundingClientRect(); return [r.left, r.right]; }));
  for (const [left, right] of buttons) {
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(375);
  }
  await page.getByRole('dialog', { name: 'Check this invoice' }).getByRole('button', { name: 'Next' }).click();
  await page.getByRole('dialog', { name: 'All done' }).waitFor();
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('mirrors in a right-to-left document, wide and at 375 px', async () => {
  const { page, context, seen } = await open(1280, 800, '?rtl');
  const l = await settled(page);
  expectReachable(l);
  expect(l.hostDir).toBe('rtl');
  expect(l.dialogDir).toBe('rtl');
  // bottom-start in RTL starts at the right: the dialog's right edge lines up with the target's.
  expect(Math.abs(l.dialog.right - l.target.right)).toBeLessThanOrEqual(2);
  // In RTL "next" is to the left: ArrowLeft moves on.
  await page.getByRole('dialog', { name: 'Check this invoice' }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.getByRole('dialog', { name: 'All done' }).waitFor();
  await context.close();

  const narrow = await open(375, 667, '?rtl');
  const n = await settled(narrow.page);
  expectReachable(n);
  expect(n.dialogDir).toBe('rtl');
  expect(seen.pageErrors).toEqual([]);
  expect(narrow.seen.pageErrors).toEqual([]);
  await narrow.context.close();
});

it('jumps to a target more than a screen away and glides to a nearer one', async () => {
  const scrolls = async (nearBy: number | null) => {
    const { page, context, seen } = await h.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${h.url}/page.html`);
    await waitForCompagnon(page);
    await page.evaluate((nearBy) => {
      const list = document.getElementById('list')!;
      // Brought to `nearBy` px below the viewport's bottom edge (null: left 1,000+ px below, as it loads).
      if (nearBy !== null) {
        const t = document.querySelector('[data-invoice=INV-2026-0150]')!.getBoundingClientRect();
        list.scrollTop += t.top - innerHeight - nearBy;
      }
      (window as any).scrolls = 0;
      list.addEventListener('scroll', () => (window as any).scrolls++);
    }, nearBy);
    await page.evaluate(() => (window as any).Compagnon.start('approve-tour'));
    await page.getByRole('dialog', { name: 'Check this invoice' }).waitFor();
    expectReachable(await settled(page));
    const n = await page.evaluate(() => (window as any).scrolls as number);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
    return n;
  };
  // One jump is one scroll event; a smooth scroll fires one per frame while it moves.
  expect(await scrolls(null)).toBe(1);
  expect(await scrolls(500)).toBeGreaterThan(1);
});
