// 30 s offline while a tour and a checklist are completed, then back online: every event arrives, stored once.
import { afterAll, beforeAll, it } from 'vitest';
import { offlineFlow, openRig, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

it('keeps every event through a 30 s outage and delivers each exactly once when back online', () => offlineFlow(rig), 130_000);
