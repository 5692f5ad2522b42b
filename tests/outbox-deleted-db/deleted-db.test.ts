// The IndexedDB database is deleted while the page runs (a user clearing site data, a browser evicting it):
// the SDK reopens its store, guides keep working and new events are still delivered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CHECKLIST, TOUR, clickThrough, debug, emittedOnce, expectDelivered, expectDrained, openRig, start, storedAll, type Rig,
} from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

const deleteDatabase = () => new Promise<string>((resolve, reject) => {
  const request = indexedDB.deleteDatabase('compagnon');
  request.onsuccess = () => resolve('deleted');
  // Blocked means an open connection did not close on `versionchange`; the delete still happens once it does.
  request.onblocked = () => resolve('blocked');
  request.onerror = () => reject(request.error);
});

it('keeps guiding and delivering after its database is deleted', async () => {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  expect((await debug(page)).storage).toBe('indexeddb');
  expect(await start(page, TOUR.id)).toBe(true);
  await clickThrough(page, TOUR.steps, 0, 1);
  // What was emitted so far is delivered first: the point is the events that come after the deletion.
  await collector.waitFor(storedAll(collector, profile.emitted), 20_000);
  const before = profile.emitted().length;

  expect(['deleted', 'blocked']).toContain(await page.evaluate(deleteDatabase));
  await clickThrough(page, TOUR.steps, 1);
  await page.locator('#save').click();
  await page.locator('#export').click();
  await emittedOnce(profile, 'guide_completed', TOUR.id);
  await emittedOnce(profile, 'checklist_completed', CHECKLIST.id);
  expect(profile.emitted().length).toBeGreaterThan(before);

  await collector.waitFor(storedAll(collector, profile.emitted), 30_000);
  expectDelivered(collector, profile.emitted());
  await expectDrained(page);
  expect((await debug(page)).storage).toBe('indexeddb');
  expect(seen.pageErrors).toEqual([]);

  // The progress written after the deletion lives in the reopened database: the next load remembers it.
  const next = await profile.open();
  const guides = (await debug(next.page)).guides;
  expect(guides).not.toContain(TOUR.id);
  expect(guides).not.toContain(CHECKLIST.id);
  expect(next.seen.pageErrors).toEqual([]);
  await profile.close();
});
