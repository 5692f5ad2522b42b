// 413 for a batch: the SDK splits it and every event still arrives, in batches the collector takes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOUR, clickThrough, emittedOnce, expectDelivered, expectDrained, openRig, start, storedAll, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

const MAX_EVENTS = 2;

it('splits a batch answered 413 until each part is accepted', async () => {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  // A short 503 first so the tour's events pile up in the outbox: the retry then carries more than 2 of them.
  collector.behave({ kind: 'unavailable', retryAfter: 2, times: 1 });
  expect(await start(page, TOUR.id)).toBe(true);
  await collector.waitFor(() => collector.requests().length > 0, 10_000);
  collector.behave({ kind: 'too-large', maxEvents: MAX_EVENTS });
  await clickThrough(page, TOUR.steps);
  await emittedOnce(profile, 'guide_completed', TOUR.id);
  expect(profile.emitted().length).toBeGreaterThan(MAX_EVENTS);

  await collector.waitFor(storedAll(collector, profile.emitted), 30_000);
  const requests = collector.requests();
  expect(requests.some((r) => r.status === 413)).toBe(true);
  expect(requests.filter((r) => r.status === 200 && r.events > MAX_EVENTS)).toEqual([]);
  expectDelivered(collector, profile.emitted());
  await expectDrained(page);
  expect(seen.pageErrors).toEqual([]);
  await profile.close();
});
