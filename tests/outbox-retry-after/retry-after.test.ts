// 503 or 429 with Retry-After, then 200: everything arrives, and nothing is retried before the time asked.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOUR, clickThrough, emittedOnce, debug, expectDelivered, expectDrained, openRig, start, storedAll, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

const RETRY_AFTER = 3;

it.each([
  { name: '503', status: 503 as const },
  { name: '429', status: 429 as const },
])('waits the Retry-After of a $name before sending again, then delivers everything', async ({ status }) => {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  collector.behave({ kind: 'unavailable', status, retryAfter: RETRY_AFTER, times: 1 });
  expect(await start(page, TOUR.id)).toBe(true);
  await clickThrough(page, TOUR.steps);
  await emittedOnce(profile, 'guide_completed', TOUR.id);

  await collector.waitFor(storedAll(collector, profile.emitted), 30_000);
  const [refused, ...later] = collector.requests();
  expect(refused?.status).toBe(status);
  expect(later.length).toBeGreaterThan(0);
  // Every later request, whatever batch it carries, came after the time the collector asked for.
  expect(later.filter((r) => r.at - refused!.at < RETRY_AFTER * 1000)).toEqual([]);
  expect(later.every((r) => r.status === 200)).toBe(true);
  expectDelivered(collector, profile.emitted());
  await expectDrained(page);
  expect((await debug(page)).guides).not.toContain(TOUR.id);
  expect(seen.pageErrors).toEqual([]);
  await profile.close();
});
