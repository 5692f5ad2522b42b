// The tab is closed right after the last step: the completion still reaches the collector, at once by beacon,
// or on the next load when the beacon was lost.
import { afterAll, beforeAll, it } from 'vitest';
import { openRig, resentOnNextLoadFlow, tabClosedFlow, type Rig } from '../outbox-shared.ts';

let rig: Rig;
beforeAll(async () => { rig = await openRig(); });
afterAll(async () => { await rig?.close(); });

it('delivers the completion when the tab closes right after Done', () => tabClosedFlow(rig));

it('resends the completion on the next load when the beacon was not acknowledged', () => resentOnNextLoadFlow(rig));
