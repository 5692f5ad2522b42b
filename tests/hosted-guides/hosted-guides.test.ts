// Guides hosted by the collector: published once, loaded by the SDK from `GET /v1/apps/:app/guides` (ETag,
// revalidated with a 304 on the next load), and the events of the tour go back to the same collector.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../packages/collector/src/server.ts';
import { openHarness, waitForCompagnon, type Harness } from '../harness.ts';

const ADMIN = 'hosted-admin';
const bundle = {
  version: 1,
  app: 'timesheets',
  guides: [{
    id: 'week-tour', type: 'tour', title: 'Your timesheet',
    steps: [{ id: 'submit', target: { role: 'button', name: 'Submit week' }, title: 'Send it on Fridays' }],
  }],
};

let h: Harness;
let collector: RunningServer;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'compagnon-hosted-'));
  collector = await startServer({
    db: join(scratch, 'c.db'), adminToken: ADMIN, port: 0, host: '127.0.0.1',
    apps: [{ id: 'timesheets', writeKey: 'pk_hosted' }], forwarding: false, print: null, env: {},
  });
  const res = await fetch(`${collector.url}/v1/apps/timesheets/guides`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }, body: JSON.stringify(bundle),
  });
  expect(res.status).toBe(201);
  h = await openHarness(fileURLToPath(new URL('.', import.meta.url)));
});

afterAll(async () => {
  await h?.close();
  await collector?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it('loads the published guides from the collector, revalidates them by ETag, and reports there', async () => {
  const { page, context, seen } = await h.newPage();
  const validators: Array<Promise<string | undefined>> = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/v1/apps/timesheets/guides')) validators.push(r.allHeaders().then((headers) => headers['if-none-match']));
  });
  await page.goto(`${h.url}/page.html?collector=${encodeURIComponent(collector.url)}`);
  const step = page.getByRole('dialog', { name: 'Send it on Fridays' });
  await step.waitFor();
  await step.getByRole('button', { name: 'Done' }).click();
  await step.waitFor({ state: 'detached' });

  await expect.poll(async () => {
    const rows = await collector.db.kysely.selectFrom('events').select(['type', 'guide']).where('app', '=', 'timesheets').execute();
    return rows.filter((r) => r.guide === 'week-tour').map((r) => r.type).sort();
  }, { timeout: 20_000 }).toEqual(['guide_completed', 'guide_started', 'step_completed', 'step_viewed']);

  await page.reload();
  await waitForCompagnon(page);
  // The first load downloads the bundle; the next one revalidates it with its ETag (the collector answers 304).
  const [first, again] = await Promise.all(validators);
  expect(first).toBeUndefined();
  expect(again).toMatch(/^(W\/)?"/);
  expect(seen.pageErrors).toEqual([]);
  await context.close();
});
