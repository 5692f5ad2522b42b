// axe-core (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA) on every guide type in its open state, in English and in French,
// in the default theme and in a dark one (the documented --compagnon-* custom properties). axe descends into
// our open shadow root, so the audit covers the host page and everything Compagnon draws on it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, openHarness, waitForCompagnon, type Harness } from '../harness.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const AXE = `${ROOT}node_modules/axe-core/axe.min.js`;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const bundle = JSON.parse(readFileSync(`${HERE}guides.json`, 'utf8'));

type Lang = 'en' | 'fr';
type Text = string | { en?: string; fr?: string };
const text = (t: Text, lang: Lang) => (typeof t === 'string' ? t : (t[lang] ?? t.en ?? t.fr ?? ''));
const guide = (id: string) => bundle.guides.find((g: { id: string }) => g.id === id);
const UI = {
  en: { next: 'Next', send: 'Send', help: 'Help', why: 'Why am I seeing this?', preview: 'Preview', noResults: 'No results' },
  fr: { next: 'Suivant', send: 'Envoyer', help: 'Aide', why: 'Pourquoi ce guide ?', preview: 'Aperçu', noResults: 'Aucun résultat' },
};

// An image the media steps and the ambassador's photo can load; everything else on the fake hosts is a 404.
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160"><rect width="320" height="160" fill="#cbd5e1"/></svg>';

// Caption files say which one was loaded; the media host answers with CORS, as the docs ask of a CDN.
const vtt = (name: string) => `WEBVTT\n\n00:00.000 --> 00:05.000\n${name}\n`;
async function serveMedia(context: BrowserContext) {
  await context.route(/^https:\/\/[a-z]+\.compagnon\.test\//, (route) => {
    const url = route.request().url();
    if (url.endsWith('.svg')) return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: SVG });
    if (url.endsWith('.vtt')) {
      return route.fulfill({ status: 200, contentType: 'text/vtt', headers: { 'access-control-allow-origin': '*' }, body: vtt(url.split('/').pop()!) });
    }
    return route.fulfill({ status: 404, body: '' });
  });
}

interface Violation { id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: unknown; html: string; summary: string }> }

/** Runs axe on the whole document (open shadow roots included) and returns its violations. */
async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  // Let positioning (floating elements are placed on the next frame) and media layout settle.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: any }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations', 'incomplete'] });
    // AXE_INCOMPLETE=1 also lists what axe could not decide (e.g. a contrast over an image): for a human to check.
    (window as any).axeIncomplete = result.incomplete.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(' ')}`);
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n: any) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
  }, TAGS);
}

/** One readable block per violation: rule, impact, where (a list means: host, then inside its shadow root), why. */
function report(violations: Violation[]): string {
  return violations.map((v) => [
    `${v.id} (${v.impact}): ${v.help}  ${v.helpUrl}`,
    ...v.nodes.flatMap((n) => [
      `  at ${JSON.stringify(n.target)}${JSON.stringify(n.target).includes('data-compagnon') ? '  [Compagnon UI]' : '  [host page]'}`,
      `     ${n.html.slice(0, 200)}`,
      ...n.summary.split('\n').map((line) => `     ${line}`),
    ]),
  ].join('\n')).join('\n\n');
}

interface Variant { name: string; lang: Lang; dark: boolean }
const VARIANTS: Variant[] = [
  { name: 'English', lang: 'en', dark: false },
  { name: 'French', lang: 'fr', dark: false },
  { name: 'English, dark theme', lang: 'en', dark: true },
  { name: 'French, dark theme', lang: 'fr', dark: true },
];

interface State {
  name: string;
  /** The `g` query parameter: which guide's trigger matches (each guide has its own). */
  g: string;
  preview?: boolean;
  /** Brings the guide to the state audited; returns when it is on screen. */
  open(page: Page, lang: Lang): Promise<void>;
}

const dialog = (page: Page, title: Text, lang: Lang) => page.getByRole('dialog', { name: text(title, lang), exact: true });
const tour = guide('tour');
const step = (page: Page, i: number, lang: Lang) => dialog(page, tour.steps[i].title, lang);
async function tourTo(page: Page, lang: Lang, i: number) {
  await step(page, 0, lang).waitFor();
  for (let k = 0; k < i; k++) {
    const current = step(page, k, lang);
    if (tour.steps[k].survey) {
      await current.getByRole('radio', { name: '4', exact: true }).click();
      await current.getByRole('button', { name: UI[lang].send }).click();
    } else await current.getByRole('button', { name: UI[lang].next }).click();
    await step(page, k + 1, lang).waitFor();
  }
}
async function pick(page: Page, id: string, lang: Lang, choose: string) {
  const box = dialog(page, guide(id).title, lang);
  await box.waitFor();
  await box.getByRole('radio', { name: choose, exact: true }).click();
  await expect.poll(() => box.getByRole('radio', { name: choose, exact: true }).getAttribute('aria-checked')).toBe('true');
}

const STATES: State[] = [
  { name: 'tour step with a target', g: 'tour', open: (p, l) => tourTo(p, l, 0) },
  {
    name: 'tour step, "why am I seeing this?" expanded', g: 'tour',
    async open(p, l) {
      await tourTo(p, l, 0);
      await step(p, 0, l).getByRole('button', { name: UI[l].why }).click();
      await expect.poll(() => step(p, 0, l).getByRole('button', { name: UI[l].why }).getAttribute('aria-expanded')).toBe('true');
    },
  },
  { name: 'tour step centred (modal)', g: 'tour', open: (p, l) => tourTo(p, l, 1) },
  {
    name: 'tour survey step (rating, answered)', g: 'tour',
    async open(p, l) {
      await tourTo(p, l, 2);
      await step(p, 2, l).getByRole('radio', { name: '4', exact: true }).click();
    },
  },
  { name: 'tour step with an image', g: 'tour', open: (p, l) => tourTo(p, l, 3) },
  { name: 'tour step with a video', g: 'tour', open: (p, l) => tourTo(p, l, 4) },
  {
    name: 'tour step in preview mode', g: 'tour', preview: true,
    async open(p, l) {
      await step(p, 0, l).waitFor();
      await step(p, 0, l).getByText(UI[l].preview, { exact: true }).waitFor();
    },
  },
  { name: 'tooltip beacon', g: 'tip', open: (p, l) => p.getByRole('button', { name: text(guide('tip').title, l), exact: true }).waitFor() },
  {
    name: 'tooltip open', g: 'tip',
    async open(p, l) {
      await p.getByRole('button', { name: text(guide('tip').title, l), exact: true }).click();
      await dialog(p, guide('tip').title, l).waitFor();
    },
  },
  { name: 'checklist launcher', g: 'list', open: (p, l) => p.getByRole('button', { name: text(guide('list').title, l) }).waitFor() },
  {
    name: 'checklist open', g: 'list',
    async open(p, l) {
      await p.getByRole('button', { name: text(guide('list').title, l) }).click();
      await dialog(p, guide('list').title, l).waitFor();
    },
  },
  { name: 'announcement modal (video, action)', g: 'modal', open: (p, l) => dialog(p, guide('modal').title, l).waitFor() },
  { name: 'announcement banner', g: 'banner', open: (p, l) => p.getByRole('region', { name: text(guide('banner').title, l), exact: true }).waitFor() },
  { name: 'survey: rating', g: 'rating', open: (p, l) => pick(p, 'rating', l, '5') },
  { name: 'survey: NPS', g: 'nps', open: (p, l) => pick(p, 'nps', l, '9') },
  { name: 'survey: choice', g: 'choice', open: (p, l) => pick(p, 'choice', l, text(guide('choice').question.options[1].label, l)) },
  {
    name: 'survey: free text', g: 'text',
    async open(p, l) {
      const box = dialog(p, guide('text').title, l);
      await box.getByRole('textbox').fill('Fewer clicks');
      await expect.poll(() => box.getByRole('button', { name: UI[l].send }).isEnabled()).toBe(true);
    },
  },
  { name: 'resource centre launcher', g: 'help', open: (p, l) => p.getByRole('button', { name: UI[l].help, exact: true }).waitFor() },
  {
    name: 'resource centre open (ambassadors of my populations, resources)', g: 'help',
    async open(p, l) {
      await p.getByRole('button', { name: UI[l].help, exact: true }).click();
      const box = dialog(p, guide('help').title, l);
      await box.waitFor();
      // Finance and managers: Awa and Hugo, plus the one for everyone; never the IT ambassador.
      for (const name of ['Awa Diallo', 'Hugo Petit', 'Service desk']) await box.getByRole('link', { name }).waitFor();
      expect(await box.getByRole('link', { name: 'Nina Roy' }).count()).toBe(0);
      await box.getByRole('link', { name: text(guide('help').resources[0].title, l) }).waitFor();
    },
  },
  {
    name: 'resource centre searched, no results', g: 'help',
    async open(p, l) {
      await p.getByRole('button', { name: UI[l].help, exact: true }).click();
      const box = dialog(p, guide('help').title, l);
      await box.getByRole('searchbox').fill('zzzz');
      await box.getByText(UI[l].noResults).waitFor();
    },
  },
];

let h: Harness;
beforeAll(async () => { h = await openHarness(HERE); });
afterAll(async () => { await h?.close(); });

describe.each(VARIANTS)('axe: every guide type, $name', ({ lang, dark }) => {
  it.each(STATES)('$name has no WCAG 2.2 AA violation', async (state) => {
    const { page, context, seen } = await h.newPage();
    await serveMedia(context);
    const errors: string[] = [];
    await page.exposeFunction('compagnonError', (m: string) => errors.push(m));
    await page.addInitScript(() => addEventListener('DOMContentLoaded', () =>
      (window as any).Compagnon?.on('error', (e: { message: string }) => (window as any).compagnonError(e.message))));
    const query = new URLSearchParams({ g: state.g, lang, ...(dark ? { theme: 'dark' } : {}), ...(state.preview ? { 'compagnon-preview': state.g } : {}) });
    await page.goto(`${h.url}/page.html?${query}`);
    await waitForCompagnon(page);
    await state.open(page, lang);

    const violations = await audit(page);
    if (process.env.AXE_INCOMPLETE) console.log(`${state.name} (${lang}${dark ? ', dark' : ''}): needs review`, await page.evaluate(() => (window as any).axeIncomplete));
    expect(violations, `axe found ${violations.length} violation(s):\n\n${report(violations)}\n`).toEqual([]);
    // Videos carry captions: axe's video-caption rule, which cannot decide without them, has nothing to ask.
    const review: string[] = await page.evaluate(() => (window as any).axeIncomplete);
    expect(review.filter((r) => r.startsWith('video-caption'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  });
});

describe.each(['en', 'fr'] as const)('captions (%s)', (lang) => {
  it("a video's captions track in the reader's language is on and loads from the media host", async () => {
    const { page, context } = await h.newPage();
    await serveMedia(context);
    await page.goto(`${h.url}/page.html?g=tour&lang=${lang}`);
    await waitForCompagnon(page);
    await tourTo(page, lang, 4);
    const state = () => page.evaluate(() => {
      const video = document.querySelector('[data-compagnon]')!.shadowRoot!.querySelector('video')!;
      return {
        crossOrigin: video.crossOrigin,
        tracks: [...video.querySelectorAll('track')].map((t) => ({ lang: t.srclang, label: t.label, mode: t.track.mode, ready: t.readyState, cue: (t.track.cues?.[0] as VTTCue | undefined)?.text })),
      };
    });
    await expect.poll(async () => (await state()).tracks[0]?.ready, { timeout: 5000 }).toBe(2); // HTMLTrackElement.LOADED
    const other = lang === 'en' ? 'fr' : 'en';
    expect(await state()).toEqual({
      crossOrigin: 'anonymous',
      tracks: [
        { lang, label: lang === 'en' ? 'English' : 'Français', mode: 'showing', ready: 2, cue: `receipt.${lang}.vtt` },
        { lang: other, label: other === 'en' ? 'English' : 'Français', mode: 'disabled', ready: 0, cue: undefined },
      ],
    });
    await context.close();
  });
});
