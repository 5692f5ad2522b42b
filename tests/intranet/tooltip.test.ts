// The managers' tooltip: shown to a manager, never to a new hire.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, en, openHarness, waitForCompagnon, type Harness } from '../harness.ts';

const bundle = JSON.parse(readFileSync(`${EXAMPLE}/guides.json`, 'utf8'));
const tip = bundle.guides.find((g: { id: string }) => g.id === 'export-tip');
const title = en(tip.title);

let h: Harness;
beforeAll(async () => { h = await openHarness(EXAMPLE); });
afterAll(async () => { await h?.close(); });

describe('manager tooltip', () => {
  it('shows a beacon to a manager that opens the tip, and closing it completes the guide', async () => {
    const { page, context } = await h.newPage({ script: "localStorage.setItem('acme.persona', 'marc')" });
    const events: string[] = [];
    await page.exposeFunction('recordEvent', (t: string) => events.push(t));
    await page.addInitScript(() => addEventListener('DOMContentLoaded', () => {
      const w = window as any;
      const hook = () => w.Compagnon?.on('event', (e: { type: string; guide?: string }) => w.recordEvent(`${e.type}:${e.guide}`));
      hook();
    }));
    await page.goto(`${h.url}/team.html`);
    const beacon = page.getByRole('button', { name: title });
    await beacon.waitFor();
    await beacon.click();
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The visit first (session_started has no guide), then the tip's own events.
    await expect.poll(() => events).toEqual(['session_started:undefined', 'tooltip_opened:export-tip', 'guide_completed:export-tip']);
    await beacon.waitFor({ state: 'detached' });
    await context.close();
  });

  it('never shows it to a new hire', async () => {
    const { page, context } = await h.newPage({ script: "localStorage.setItem('acme.persona', 'nadia')" });
    await page.goto(`${h.url}/team.html`);
    await waitForCompagnon(page);
    await expect(page.locator('[data-action=export]').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: title }).count()).resolves.toBe(0);
    expect(await page.evaluate(() => (window as any).Compagnon.debug().populations)).not.toContain('managers');
    await context.close();
  });
});
