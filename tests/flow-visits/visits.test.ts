// A named person's visit is reported once per session (`session_started`), guides or not: it is what counts daily
// active people and ghost users who came back. A second page within 30 minutes is the same visit; an anonymous
// visitor or an author's preview sends nothing.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, recordEvents, waitForCompagnon, type Harness } from '../harness.ts';

interface Ev { type: string; user?: string; guide?: string; session?: string }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const MINUTE = 60_000;

describe('session_started', () => {
  it('is sent on the first page of a visit only, and again after 30 minutes without a page', async () => {
    const { page, context } = await h.newPage();
    await page.clock.install({ time: new Date('2026-11-24T09:00:00Z') });
    const events = await recordEvents<Ev>(page, ['type', 'user', 'guide']);
    await page.goto(`${h.url}/page.html?user=u-1`);
    await expect.poll(() => events).toEqual([{ type: 'session_started', user: 'u-1' }]);
    // The visit is kept in the person's progress, which every tab and page reads.
    const start = Date.parse('2026-11-24T09:00:00Z');
    await expect.poll(async () => (await readIdb(page, 'progress:visits:u-1') as { lastVisitAt?: number })?.lastVisitAt)
      .toSatisfy((t: number | undefined) => t !== undefined && t >= start && t < start + MINUTE);

    await page.clock.fastForward(29 * MINUTE);
    await page.goto(`${h.url}/page.html?user=u-1&p=2`);
    await waitForCompagnon(page);
    await page.waitForTimeout(300);
    expect(events).toHaveLength(1);

    await page.clock.fastForward(31 * MINUTE);
    await page.goto(`${h.url}/page.html?user=u-1`);
    await expect.poll(() => events.length).toBe(2);
    expect(events[1]).toEqual({ type: 'session_started', user: 'u-1' });
    await context.close();
  });

  it('is not sent for an anonymous visitor, nor in preview mode', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents<Ev>(page, ['type', 'user']);
    await page.goto(`${h.url}/page.html`);
    await waitForCompagnon(page);
    await page.goto(`${h.url}/page.html?user=author&compagnon-preview=tip`);
    await waitForCompagnon(page);
    await page.waitForTimeout(500);
    expect(events).toEqual([]);
    // (control) the same author outside preview mode is counted.
    await page.goto(`${h.url}/page.html?user=author`);
    await expect.poll(() => events).toEqual([{ type: 'session_started', user: 'author' }]);
    await context.close();
  });
});
