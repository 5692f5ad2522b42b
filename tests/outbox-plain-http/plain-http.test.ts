// A plain-http origin that is not localhost, as many intranets are: no secure context, so no crypto.randomUUID
// and no Web Locks. The offline and tab-closed flows must pass here too, posting cross-origin to the collector.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HOSTNAME, offlineFlow, openRig, resentOnNextLoadFlow, tabClosedFlow, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig({ plainHttp: true }); });
afterAll(async () => { await rig?.close(); });

it('runs on an insecure origin without randomUUID or Web Locks', async () => {
  const profile = await rig.profile();
  const { page } = await profile.open();
  expect(new URL(page.url()).hostname).toBe(HOSTNAME);
  expect(await page.evaluate(() => ({
    secure: window.isSecureContext,
    randomUUID: typeof (crypto as { randomUUID?: unknown }).randomUUID,
    locks: typeof (navigator as { locks?: unknown }).locks,
    broadcast: typeof BroadcastChannel,
  }))).toEqual({ secure: false, randomUUID: 'undefined', locks: 'undefined', broadcast: 'function' });
  expect((await page.evaluate(() => (window as any).Compagnon.debug())).initialised).toBe(true);
  await profile.close();
});

it('keeps every event through a 30 s outage there', () => offlineFlow(rig), 130_000);

it('delivers the completion there when the tab closes right after Done', () => tabClosedFlow(rig));

it('resends the completion there on the next load when the beacon was not acknowledged', () => resentOnNextLoadFlow(rig));
