// A target inserted 1 s after the tour starts is waited for, without any polling timer.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

// Records every timer and frame request made from our script (identified by its file in the stack).
const recordTimers = () => {
  const calls: Array<{ kind: string; delay: number; at: number }> = [];
  (window as any).__timers = calls;
  const ours = () => /compagnon\.iife\.js/.test(new Error().stack ?? '');
  const wrap = (kind: 'setTimeout' | 'setInterval' | 'requestAnimationFrame') => {
    const original = (window as any)[kind].bind(window);
    (window as any)[kind] = (fn: unknown, delay?: number, ...rest: unknown[]) => {
      if (ours()) calls.push({ kind, delay: Number(delay ?? 0), at: performance.now() });
      return original(fn, delay, ...rest);
    };
  };
  wrap('setTimeout'); wrap('setInterval'); wrap('requestAnimationFrame');
};

it('waits for the late target and shows the step once it is inserted, with no polling', async () => {
  const { page, context, seen } = await h.newPage({ script: recordTimers });
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('late-tour');
  await expect(page.getByRole('dialog', { name: 'Your toolbar' }).count()).resolves.toBe(0);

  const waitStarted = await page.evaluate(() => performance.now());
  await page.waitForTimeout(1000);
  const insertedAt = await page.evaluate(() => {
    const bar = document.createElement('nav');
    bar.id = 'late-toolbar';
    bar.textContent = 'Export · Share · Print';
    document.getElementById('app')!.append(bar);
    return performance.now();
  });
  await page.getByRole('dialog', { name: 'Your toolbar' }).waitFor();

  const timers = await page.evaluate(() => (window as any).__timers as Array<{ kind: string; delay: number; at: number }>);
  const duringWait = timers.filter((t) => t.at >= waitStarted && t.at < insertedAt);
  expect(timers.filter((t) => t.kind === 'setInterval')).toEqual([]);
  // Nothing ran on a timer or a frame while the page was idle: the wait rides on the MutationObserver alone.
  expect(duringWait).toEqual([]);
  // The only timer for the wait is its timeout (10 s), not a short polling period.
  expect(timers.filter((t) => t.kind === 'setTimeout' && t.delay > 0 && t.delay < 10_000)).toEqual([]);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
