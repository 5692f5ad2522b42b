// Micro-surveys: a standalone rating shown automatically, choice / NPS / free text started by hand, and survey
// steps inside a tour. Every answer reaches the events as `survey_answered` with `props: { kind, value }`.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, readIdb, waitForCompagnon, type Harness, recordEvents as recordEventsOf } from '../harness.ts';

interface Ev { type: string; guide?: string; step?: string; props?: Record<string, unknown> }
let h: Harness;
beforeAll(async () => { h = await openHarness(fileURLToPath(new URL('.', import.meta.url))); });
afterAll(async () => { await h?.close(); });

const recordEvents = (page: Page) => recordEventsOf<Ev>(page, ['type', 'guide', 'step', 'props']);
const progress = async (page: Page) => ((await readIdb(page, 'progress:survey:u-survey')) as any)?.guides ?? {};
const start = (page: Page, id: string) => page.evaluate((g) => (window as any).Compagnon.start(g), id);

describe('standalone surveys', () => {
  it('a rating survey shows by itself, sends its answer as an event and is not asked again', async () => {
    const { page, context, seen } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html`);
    const dialog = page.getByRole('dialog', { name: 'How easy was filing your expense?' });
    await dialog.waitFor();
    const group = dialog.getByRole('radiogroup');
    await expect(group.getByRole('radio').count()).resolves.toBe(5);
    const send = dialog.getByRole('button', { name: 'Send' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await group.getByRole('radio', { name: '4' }).click();
    await expect(group.getByRole('radio', { name: '4' }).getAttribute('aria-checked')).resolves.toBe('true');
    await send.click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => events.filter((e) => e.guide === 'ease').map((e) => e.type))
      .toEqual(['guide_started', 'survey_answered', 'guide_completed']);
    expect(events.find((e) => e.type === 'survey_answered')?.props).toEqual({ kind: 'rating', value: 4 });
    await expect.poll(async () => (await progress(page)).ease).toMatchObject({ status: 'completed', answer: 4 });

    await page.reload();
    await waitForCompagnon(page);
    await page.waitForTimeout(300);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });

  it('choice, NPS and free-text answers reach the events with their kind and value', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/other.html`);
    await waitForCompagnon(page);

    await start(page, 'channel');
    const choice = page.getByRole('dialog', { name: 'Where did you hear about the new tool?' });
    await choice.getByRole('radio', { name: 'The intranet' }).click();
    await choice.getByRole('button', { name: 'Send' }).click();
    await choice.waitFor({ state: 'detached' });

    await start(page, 'recommend');
    const nps = page.getByRole('dialog', { name: 'Would you recommend the expenses tool?' });
    await expect(nps.getByRole('radio').count()).resolves.toBe(11);
    await expect(nps.getByText('Not likely').count()).resolves.toBe(1);
    await nps.getByRole('radio', { name: '9' }).click();
    await nps.getByRole('button', { name: 'Send' }).click();
    await nps.waitFor({ state: 'detached' });

    await start(page, 'missing');
    const text = page.getByRole('dialog', { name: 'What is missing?' });
    const box = text.getByRole('textbox', { name: 'What is missing?' });
    await expect(box.getAttribute('maxlength')).resolves.toBe('80');
    await box.fill('  Scanning receipts  ');
    await text.getByRole('button', { name: 'Send' }).click();
    await text.waitFor({ state: 'detached' });

    await expect.poll(() => events.filter((e) => e.type === 'survey_answered').map((e) => [e.guide, e.props])).toEqual([
      ['channel', { kind: 'choice', value: 'intranet' }],
      ['recommend', { kind: 'nps', value: 9 }],
      ['missing', { kind: 'text', value: 'Scanning receipts' }],
    ]);
    await expect.poll(() => events.filter((e) => e.type === 'guide_completed').map((e) => e.guide)).toEqual(['channel', 'recommend', 'missing']);
    const stored = await progress(page);
    expect(stored.channel.answer).toBe('intranet');
    expect(stored.recommend.answer).toBe(9);
    await context.close();
  });

  it('closing a survey dismisses it without an answer', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/page.html`);
    const dialog = page.getByRole('dialog', { name: 'How easy was filing your expense?' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => events.map((e) => e.type)).toEqual(['session_started', 'guide_started', 'guide_dismissed']);
    await context.close();
  });
});

describe('survey steps in a tour', () => {
  it('answering a step moves the tour on and reports the answer with the step id', async () => {
    const { page, context } = await h.newPage();
    const events = await recordEvents(page);
    await page.goto(`${h.url}/other.html`);
    await waitForCompagnon(page);
    await start(page, 'onboarding');
    await page.getByRole('dialog', { name: 'Welcome aboard' }).getByRole('button', { name: 'Next' }).click();

    const team = page.getByRole('dialog', { name: 'Which team are you in?' });
    await team.waitFor();
    // A survey step has no Next: the answer moves it on.
    await expect(team.getByRole('button', { name: 'Next' }).count()).resolves.toBe(0);
    await team.getByRole('radio', { name: 'Operations' }).click();
    await team.getByRole('button', { name: 'Send' }).click();

    const rate = page.getByRole('dialog', { name: 'How useful was this tour?' });
    await rate.waitFor();
    await rate.getByRole('radio', { name: '5' }).click();
    await rate.getByRole('button', { name: 'Send' }).click();
    await rate.waitFor({ state: 'detached' });

    await expect.poll(() => events.filter((e) => e.guide === 'onboarding' && e.type === 'survey_answered')
      .map((e) => [e.step, e.props])).toEqual([
      ['team', { kind: 'choice', value: 'ops' }],
      ['rate', { kind: 'rating', value: 5 }],
    ]);
    await expect.poll(() => events.at(-1)).toMatchObject({ type: 'guide_completed', guide: 'onboarding' });
    await context.close();
  });
});
