// The example's issue-5 additions with the real SDK: the tour across the Time off single-page app, the resource
// centre's ambassadors per population, the home banner, and the rating after a new hire's first expense.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, en, openHarness, readIdb, waitForCompagnon, type Harness } from '../harness.ts';

const bundle = JSON.parse(readFileSync(`${EXAMPLE}/guides.json`, 'utf8'));
const guide = (id: string) => bundle.guides.find((g: { id: string }) => g.id === id);
const steps: string[] = guide('leave-tour').steps.map((s: { title: string }) => en(s.title));
const persona = (key: string) => `localStorage.setItem('acme.persona', '${key}')`;
const day = (n: number) => new Date(Date.now() + n * 864e5).toISOString().slice(0, 10);

let h: Harness;
beforeAll(async () => { h = await openHarness(EXAMPLE); });
afterAll(async () => { await h?.close(); });

describe('Time off: a tour across single-page routes', () => {
  it('follows pushState from view to view, survives a reload, and ends with a rating that reaches the events', async () => {
    const { page, context, seen } = await h.newPage({ script: persona('sam') });
    const events: string[] = [];
    await page.exposeFunction('recordEvent', (e: string) => events.push(e));
    await page.addInitScript(() => addEventListener('DOMContentLoaded', () => (window as any).Compagnon?.on('event', (e: any) =>
      (window as any).recordEvent(`${e.type}:${e.guide}${e.step ? '/' + e.step : ''}${e.props?.value !== undefined ? '=' + e.props.value : ''}`))));
    await page.goto(`${h.url}/leave.html`);
    const step = (i: number) => page.getByRole('dialog', { name: steps[i] });
    await step(0).getByRole('button', { name: 'Next' }).click();
    await step(1).waitFor();
    await page.evaluate(() => { (window as any).sameDocument = true; });
    await page.locator('.sub-nav').getByRole('link', { name: 'New request' }).click(); // advance: { url }
    await step(2).waitFor();
    expect(new URL(page.url()).search).toBe('?view=new');

    // A reload on a route: the tour resumes on the same step of the same view.
    await page.reload();
    await step(2).waitFor();
    await page.fill('#leave-from', day(10));
    await page.fill('#leave-to', day(11));
    await page.click('#leave-submit'); // the app pushes ?view=requests: the step advances by URL
    await step(3).waitFor();
    expect(new URL(page.url()).search).toBe('?view=requests');
    await step(3).getByRole('button', { name: 'Next' }).click();
    await step(4).getByRole('radio', { name: '4', exact: true }).click();
    await step(4).getByRole('button', { name: 'Send' }).click();
    await step(4).waitFor({ state: 'detached' });
    await expect.poll(() => events).toContain('survey_answered:leave-tour/useful=4');
    // The completion is reported once its progress write settles, which a loaded machine may delay past the answer.
    await expect.poll(() => events).toContain('guide_completed:leave-tour');
    const stored = await readIdb(page, 'progress:intranet-rh:u-sam') as { guides: Record<string, { status: string }> };
    expect(stored.guides['leave-tour']?.status).toBe('completed');
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });
});

describe('resource centre', () => {
  it.each([
    { name: 'marc', shown: ['Hugo Petit', 'Nina Roy'], hidden: ['Awa Diallo'] },
    { name: 'nadia', shown: ['Awa Diallo', 'Nina Roy'], hidden: ['Hugo Petit'] },
    { name: 'paul', shown: ['Nina Roy'], hidden: ['Awa Diallo', 'Hugo Petit'] },
  ])('lists the ambassadors of $name\'s populations only', async ({ name, shown, hidden }) => {
    const { page, context } = await h.newPage({ script: persona(name) });
    await page.goto(`${h.url}/profile.html`);
    await page.getByRole('button', { name: 'Help', exact: true }).click();
    const centre = page.getByRole('dialog', { name: 'Help' });
    await centre.waitFor();
    for (const who of shown) await centre.getByRole('link', { name: who }).waitFor();
    for (const who of hidden) expect(await centre.getByRole('link', { name: who }).count()).toBe(0);
    await context.close();
  });
});

describe('campaigns', () => {
  it('shows the Time off banner on the home page to everyone', async () => {
    const { page, context } = await h.newPage({ script: persona('sam') });
    await page.goto(`${h.url}/`);
    const banner = page.getByRole('region', { name: en(guide('leave-launch').title) });
    await banner.waitFor();
    await Promise.all([page.waitForURL('**/leave.html'), banner.getByRole('button', { name: 'Try it' }).click()]);
    await context.close();
  });

  it('asks a new hire to rate her first expense once submitted, after the tour', async () => {
    const { page, context } = await h.newPage({ script: persona('nadia') });
    await page.goto(`${h.url}/expenses.html`);
    const tour = page.getByRole('dialog', { name: en(guide('expense-tour').steps[0].title) });
    await tour.getByRole('button', { name: 'Skip tour' }).click();
    await tour.waitFor({ state: 'detached' });
    await page.click('#new-expense');
    await page.selectOption('#expense-category', 'meals');
    await page.fill('#expense-amount', '18');
    await page.fill('#expense-description', 'Lunch with a supplier');
    await page.click('#submit-expense');
    const survey = page.getByRole('dialog', { name: en(guide('expense-rating').title) });
    await survey.waitFor();
    await survey.getByRole('radio', { name: '5', exact: true }).click();
    await survey.getByRole('button', { name: 'Send' }).click();
    await survey.waitFor({ state: 'detached' });
    await waitForCompagnon(page);
    await context.close();
  });
});
