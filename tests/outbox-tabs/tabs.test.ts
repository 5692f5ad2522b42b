// Three tabs of the same person finish different guides at once: every event arrives once, and each tab
// learns of the others' progress (BroadcastChannel), whichever tab flushes.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clickThrough, debug, emittedOnce, expectDelivered, openRig, start, storedAll, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig({ guides: fileURLToPath(new URL('guides.json', import.meta.url)) }); });
afterAll(async () => { await rig?.close(); });

const TOURS = [
  { id: 'expense-tour', steps: ['Start here', 'That is it'] },
  { id: 'draft-tour', steps: ['Save as you go', 'Draft saved'] },
  { id: 'export-tour', steps: ['Export to CSV', 'Exported'] },
];

it('delivers what three tabs finish at once, once each, and shows each tab the others\' progress', async () => {
  const profile = await rig.profile();
  const { collector } = profile;
  const tabs = await Promise.all(TOURS.map(() => profile.open()));
  for (const { page } of tabs) expect((await debug(page)).guides).toEqual(expect.arrayContaining(TOURS.map((t) => t.id)));

  await Promise.all(tabs.map(async (tab, i) => {
    const tour = TOURS[i]!;
    expect(await start(tab.page, tour.id)).toBe(true);
    await clickThrough(tab.page, tour.steps);
    await emittedOnce(tab, 'guide_completed', tour.id);
  }));

  await collector.waitFor(storedAll(collector, profile.emitted), 30_000);
  expectDelivered(collector, profile.emitted());
  // One completion per guide: a tab that learns of another's completion does not report it again.
  const completed = collector.events().filter((e) => e.type === 'guide_completed').map((e) => e.guide).sort();
  expect(completed).toEqual(TOURS.map((t) => t.id).sort());
  for (const { page } of tabs) {
    await expect.poll(async () => (await debug(page)).guides, { timeout: 10_000 }).toEqual([]);
  }
  for (const { seen } of tabs) expect(seen.pageErrors).toEqual([]);
  await profile.close();
});
