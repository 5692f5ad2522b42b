// The collector stores a batch and the connection drops before the answer: the SDK resends it, and the
// collector's dedupe keeps each event stored once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TOUR, clickThrough, emittedOnce, expectDelivered, expectDrained, openRig, start, storedAll, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

it('resends a batch whose acknowledgement was lost, and it is stored once', async () => {
  const profile = await rig.profile();
  const { collector } = profile;
  const { page, seen } = await profile.open();
  collector.behave({ kind: 'drop-after-store', times: 1 });
  expect(await start(page, TOUR.id)).toBe(true);
  await clickThrough(page, TOUR.steps);
  await emittedOnce(profile, 'guide_completed', TOUR.id);

  await collector.waitFor(storedAll(collector, profile.emitted), 30_000);
  // The last request is answered, so the outbox knows everything is acknowledged.
  await collector.waitFor(() => collector.requests().at(-1)?.status === 200, 30_000);
  const requests = collector.requests();
  const lost = requests.findIndex((r) => r.status === 0);
  expect(lost).toBeGreaterThanOrEqual(0);
  expect(requests.slice(lost + 1).some((r) => r.status === 200)).toBe(true);
  // The lost batch came again: its events were delivered twice and stored once.
  expect(collector.deliveries()).toBeGreaterThanOrEqual(collector.events().length + requests[lost]!.events);
  expectDelivered(collector, profile.emitted());
  await expectDrained(page);
  expect(seen.pageErrors).toEqual([]);
  await profile.close();
});
