// A step whose targets never appear: `target_not_found` says what was tried and for how long; `onMissing: skip`
// moves to the next step, `pause` takes the tour off screen with its progress kept, and it resumes where the target exists.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

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
    set(v) { api = v; v.on('event', (e: unknown) => events.push({ ...(e as object), at: performance.now() })); },
  });
};
type Ev = { type: string; guide?: string; step?: string; props?: Record<string, unknown>; at: number };
const events = (page: import('playwright-core').Page) => page.evaluate(() => (window as any).__events as Ev[]);

it('onMissing skip: reports every target tried and the wait, then shows the next step', async () => {
  const { page, context, seen } = await h.newPage({ script: recordEvents });
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  const startedAt = await page.evaluate(() => { (window as any).Compagnon.start('skip-tour'); return performance.now(); });
  const next = page.getByRole('dialog', { name: 'Upload a document' });
  await next.waitFor();
  // The missing step was never on screen.
  expect(await page.getByRole('dialog', { name: 'Archive old files' }).count()).toBe(0);

  const all = await events(page);
  const missing = all.filter((e) => e.type === 'target_not_found');
  expect(missing).toHaveLength(1);
  expect(missing[0]).toMatchObject({
    guide: 'skip-tour', step: 'archive',
    props: { targets: ['#archive-button', 'role=button[name="Archive"]', 'text="Archived items"'] },
  });
  const waited = missing[0]!.props!.waitedMs as number;
  expect(waited).toBeGreaterThanOrEqual(1500);
  expect(waited).toBeLessThan(2500);
  // Reported after the wait really elapsed, not before.
  expect(missing[0]!.at - startedAt).toBeGreaterThanOrEqual(1450);
  // Then the next step: viewed after the report, and the tour is still the active one.
  const order = all.map((e) => `${e.type}:${e.step ?? ''}`);
  expect(order.indexOf('step_viewed:upload')).toBeGreaterThan(order.indexOf('target_not_found:archive'));
  // KNOWN FAILING (reported): core reports step_viewed when it moves to a step, before the sdk finds its target,
  // so a step that was never on screen counts as viewed. Soft, so that the checks below still run.
  expect.soft(order).not.toContain('step_viewed:archive');
  expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('skip-tour');
  const record = await readIdb(page, 'progress:missing:u-missing') as { guides: Record<string, { status: string; step?: number }> };
  expect(record.guides['skip-tour']).toMatchObject({ status: 'active', step: 1 });
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});

it('onMissing pause: hides the tour, keeps it active at that step, and resumes it on a page where the target exists', async () => {
  const { page, context, seen } = await h.newPage({ script: recordEvents });
  await page.goto(`${h.url}/page.html`);
  await waitForCompagnon(page);
  await page.evaluate(() => (window as any).Compagnon.start('pause-tour'));
  await page.getByRole('dialog', { name: 'Share a document' }).getByRole('button', { name: 'Next' }).click();

  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'target_not_found').length, { timeout: 5000 }).toBe(1);
  const missing = (await events(page)).find((e) => e.type === 'target_not_found')!;
  expect(missing).toMatchObject({ guide: 'pause-tour', step: 'archive', props: { targets: ['role=button[name="Archive"]'] } });
  expect(missing.props!.waitedMs).toBeGreaterThanOrEqual(1000);
  expect(missing.props!.waitedMs).toBeLessThan(2000);
  // Reported a full wait after the step began (both times taken in the page, as the events arrived).
  const leftShare = (await events(page)).find((e) => e.type === 'step_completed' && e.step === 'share')!;
  expect(missing.at - leftShare.at).toBeGreaterThanOrEqual(950);

  // Off screen: no dialog of ours, no active tour on this page view; not dismissed, not completed.
  expect(await page.getByRole('dialog').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBeUndefined();
  const types = (await events(page)).map((e) => e.type);
  expect(types).not.toContain('guide_dismissed');
  expect(types).not.toContain('guide_completed');
  await expect.poll(async () => ((await readIdb(page, 'progress:missing:u-missing')) as any)?.guides?.['pause-tour'])
    .toMatchObject({ status: 'active', step: 1 });
  // Later mutations on this page view do not bring it back half-way (paused for this page view).
  await page.evaluate(() => document.getElementById('docs')!.append(Object.assign(document.createElement('li'), { textContent: 'New.pdf' })));
  await page.waitForTimeout(300);
  expect(await page.getByRole('dialog').count()).toBe(0);

  // Next page view, where the archive feature exists: the tour resumes at that step, not from the start.
  await page.goto(`${h.url}/page.html?archive`);
  await waitForCompagnon(page);
  const resumed = page.getByRole('dialog', { name: 'Then archive it' });
  await resumed.waitFor();
  expect(await page.getByRole('dialog', { name: 'Share a document' }).count()).toBe(0);
  expect(await page.evaluate(() => (window as any).Compagnon.debug().activeTour)).toBe('pause-tour');
  expect((await events(page)).filter((e) => e.type === 'target_not_found')).toEqual([]);
  await resumed.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('dialog', { name: 'Archiving done' }).getByRole('button', { name: 'Done' }).click();
  await expect.poll(async () => ((await readIdb(page, 'progress:missing:u-missing')) as any)?.guides?.['pause-tour']?.status).toBe('completed');
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
