// The interruption budget: at most N automatic guides per session (and per day), "Remind me tomorrow", and no
// automatic guide while the person types.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const TITLES = ['First news', 'Second tour step', 'Third: how is it going?', 'Fourth news'];
/** The foreground dialog on screen, once the SDK has decided (none: null). */
async function foreground(page: Page): Promise<string | null> {
  await waitForCompagnon(page);
  await page.waitForTimeout(400);
  for (const t of TITLES) if (await page.getByRole('dialog', { name: t }).count()) return t;
  return null;
}
const closeIt = async (page: Page, title: string) => {
  const d = page.getByRole('dialog', { name: title });
  await d.getByRole('button', { name: 'Close' }).click();
  await d.waitFor({ state: 'detached' });
};

describe('interruption budget', () => {
  it('holds back the third automatic guide of a session, across page loads; a new session gets one more, up to the day cap', async () => {
    const { page, context, seen } = await h.newPage();
    await page.goto(`${h.url}/page.html`);
    expect(await foreground(page)).toBe('First news');
    // Checklists are never limited.
    await expect(page.getByRole('button', { name: 'Getting started' }).count()).resolves.toBe(1);
    await closeIt(page, 'First news');

    await page.reload();
    expect(await foreground(page)).toBe('Second tour step');
    await closeIt(page, 'Second tour step');

    await page.reload();
    expect(await foreground(page)).toBeNull();
    const debug = await page.evaluate(() => (window as any).Compagnon.debug());
    expect(debug.guides).toEqual(expect.arrayContaining(['third', 'fourth'])); // eligible, held back by the budget
    await expect(page.getByRole('button', { name: 'Getting started' }).count()).resolves.toBe(1);
    const stored = (await readIdb(page, 'progress:budget-page:u-budget')) as any;
    expect(stored.shown).toMatchObject({ inSession: 2, today: 2 });
    await page.reload();
    expect(await foreground(page)).toBeNull();

    // A new tab is a new session: one more guide, which reaches the day's cap of 3.
    const tab = await context.newPage();
    await tab.goto(`${h.url}/page.html`);
    expect(await foreground(tab)).toBe('Third: how is it going?');
    await closeIt(tab, 'Third: how is it going?');
    await tab.reload();
    expect(await foreground(tab)).toBeNull();
    expect(((await readIdb(tab, 'progress:budget-page:u-budget')) as any).shown).toMatchObject({ inSession: 1, today: 3 });
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('a guide left on screen resumes on the next page load without spending the budget', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/page.html`);
    await closeIt(page, 'First news');
    await page.reload();
    expect(await foreground(page)).toBe('Second tour step');
    await page.reload(); // the tour is not finished: it resumes
    expect(await foreground(page)).toBe('Second tour step');
    expect(((await readIdb(page, 'progress:budget-page:u-budget')) as any).shown).toMatchObject({ inSession: 2 });
    await context.close();
  });
});

describe('remind me tomorrow', () => {
  it('snoozes the guide: gone after a reload, back a day later', async () => {
    const { page, context } = await h.newPage();
    await page.clock.install();
    await page.goto(`${h.url}/snooze.html`);
    const step = page.getByRole('dialog', { name: 'Add a note' });
    await step.waitFor();
    await step.getByRole('button', { name: 'Remind me tomorrow' }).click();
    await step.waitFor({ state: 'detached' });
    const record = async () => ((await readIdb(page, 'progress:budget-snooze:u-budget')) as any)?.guides['later-tour'];
    await expect.poll(async () => (await record())?.snoozedUntil).toBeGreaterThan(Date.now() + 23 * 3600_000);

    await page.reload();
    await waitForCompagnon(page);
    await page.waitForTimeout(400);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as any).Compagnon.debug().guides)).not.toContain('later-tour');

    await page.clock.fastForward('25:00:00');
    await page.reload();
    await expect.poll(() => page.getByRole('dialog', { name: 'Add a note' }).isVisible()).toBe(true);
    await context.close();
  });

  it('snoozes an announcement the same way', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/snooze.html?notice`);
    const notice = page.getByRole('dialog', { name: 'Receipts by photo' });
    await notice.getByRole('button', { name: 'Remind me tomorrow' }).click();
    await notice.waitFor({ state: 'detached' });
    const record = async () => ((await readIdb(page, 'progress:budget-snooze:u-budget')) as any)?.guides['later-notice'];
    await expect.poll(async () => (await record())?.snoozedUntil).toBeGreaterThan(Date.now() + 23 * 3600_000);
    // Back on the page: the tour (lower priority, waiting behind the notice) comes, the notice does not.
    await page.reload();
    await page.getByRole('dialog', { name: 'Add a note' }).waitFor();
    await expect(notice.count()).resolves.toBe(0);
    await context.close();
  });
});

describe('typing', () => {
  /** Types one key every ~150 ms for `ms`, asserting that no dialog opens meanwhile. */
  async function typeFor(page: Page, ms: number) {
    const input = page.locator('#note');
    await input.focus();
    const end = Date.now() + ms;
    while (Date.now() < end) {
      await page.keyboard.type('a');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.waitForTimeout(150);
    }
  }

  it('no automatic guide starts while the person types; it starts once they stop', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/typing.html`);
    await waitForCompagnon(page);
    await typeFor(page, 4000); // the guide's delay (1.5 s) runs out mid-typing
    const stopped = Date.now();
    const dialog = page.getByRole('dialog', { name: 'Receipts by photo' });
    await dialog.waitFor({ timeout: 8000 });
    expect(Date.now() - stopped).toBeGreaterThan(1000);
    await expect(page.locator('#note').inputValue()).resolves.toMatch(/^a{5,}$/);
    await context.close();
  });

  it('(control) a guide triggered by a track() event starts at once when nobody types', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/typing.html?event`);
    const news = page.getByRole('dialog', { name: 'Receipts by photo' });
    await news.waitFor({ timeout: 5000 });
    await news.getByRole('button', { name: 'Close' }).click();
    await page.evaluate(() => (window as any).Compagnon.track('note-edited'));
    await page.getByRole('dialog', { name: 'Your note is saved' }).waitFor({ timeout: 3000 });
    await context.close();
  });

  it('a guide triggered by a track() event that arrives while typing starts once the typing stops', async () => {
    const { page, context } = await h.newPage();
    await page.goto(`${h.url}/typing.html?event`);
    await waitForCompagnon(page);
    await page.getByRole('dialog', { name: 'Receipts by photo' }).waitFor({ timeout: 5000 });
    await page.getByRole('dialog', { name: 'Receipts by photo' }).getByRole('button', { name: 'Close' }).click();
    await typeFor(page, 3000); // each keystroke tracks 'note-edited'
    await page.getByRole('dialog', { name: 'Your note is saved' }).waitFor({ timeout: 8000 });
    await context.close();
  });
});
