// `compagnon check --base-url <url> guides.json [--setup login.mjs] [--junit out.xml]`: guides tested like code.
// Each tour and tooltip is opened in headless Chromium on its page, and every target must resolve — as the SDK
// resolves it (@compagnon/dom's resolver, built with the CLI as dist/probe.js) — to exactly one visible element.
//
// Pages: a step's `url`, else the guide's `trigger.url`; a pattern without `*` is the page itself, a glob is
// the first link of the home page (`/`) that matches it, and `/` when none does. A tour's steps run in order in
// one page, as a person would take the tour: when a step advances on click, its target is clicked before the
// next step is checked (so a form that a button opens is checked open); a step with a `url` the current page
// does not match is checked after navigating there.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { matchUrl } from '@compagnon/core';
import type { Guide, Target } from '@compagnon/schema';
import type { Io } from './io.ts';
import { checkFile } from './validate.ts';

export interface CheckOptions {
  file: string;
  baseUrl: string;
  /** A module whose default export `(page, baseUrl) => Promise<void>` runs first in each guide's browser context. */
  setup?: string;
  /** Where to write JUnit XML. */
  junit?: string;
  /** Longest wait for a target, in ms (a step's own `wait` is used when shorter). @default 5000 */
  timeout?: number;
  /** @default $CHROMIUM_PATH or /usr/bin/chromium */
  chromium?: string;
}

export type Outcome = 'ok' | 'missing' | 'ambiguous' | 'hidden' | 'not-reached';

export interface StepResult {
  guide: string;
  /** The step's id; a tooltip's is `(tooltip)`. */
  step: string;
  /** The path opened (or reached by the steps before). */
  page: string;
  outcome: Outcome;
  /** For `ambiguous`: how many elements match. */
  matches?: number;
  /** What was looked for, spec by spec, or why the step was not reached. */
  detail: string;
  /** Seconds spent on this step. */
  time: number;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

const passed = (r: StepResult) => r.outcome === 'ok';

// ---------------------------------------------------------------------------------------------------------------
// In the page: the resolver of @compagnon/dom (what the SDK runs), and a count of what the matching spec matches.

interface Probe {
  locate(target: Target, doc: Document): { element: Element; index: number } | null;
  roleOf(el: Element): string;
  nameOf(el: Element): string;
  describeTarget(target: Target): string[];
}

/** The resolver for the page, built with the CLI (src/probe.ts → dist/probe.js). */
function probeScript(): Promise<string> {
  return readFile(createRequire(import.meta.url).resolve('@compagnon/cli/probe.js'), 'utf8');
}

type Inspection = { outcome: 'missing'; tried: string[] } | { outcome: 'ok' | 'hidden' | 'ambiguous'; matches: number; tried: string[] };

/** Runs in the page (serialised by playwright): no closure, only `__compagnonCheck`. */
function inspect(target: Target): Inspection {
  const probe = (globalThis as unknown as { __compagnonCheck: Probe }).__compagnonCheck;
  const tried = probe.describeTarget(target);
  const found = probe.locate(target, document);
  if (!found) return { outcome: 'missing', tried };
  const spec = (Array.isArray(target) ? target : [target])[found.index]!;
  const key = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '').toLowerCase();
  const rendered = (el: Element) => el.getClientRects().length > 0;
  const roots: (Document | ShadowRoot)[] = [];
  const walk = (root: Document | ShadowRoot) => {
    roots.push(root);
    for (const el of root.querySelectorAll('*')) {
      if (el.hasAttribute('data-compagnon')) continue; // the SDK's own UI, if the app runs it
      let inner: Document | ShadowRoot | null = el.shadowRoot;
      try {
        inner ??= (el as HTMLIFrameElement).contentDocument ?? null;
      } catch {}
      if (inner) walk(inner);
    }
  };
  walk(document);
  let matches = 0;
  if (typeof spec === 'string') {
    for (const root of roots) matches += [...root.querySelectorAll(spec)].filter(rendered).length;
  } else if ('role' in spec) {
    const role = spec.role.toLowerCase();
    const name = spec.name == null ? null : key(spec.name);
    for (const root of roots)
      for (const el of root.querySelectorAll('*'))
        if (probe.roleOf(el) === role && rendered(el) && !el.closest('[aria-hidden=true]') && (name == null || key(probe.nameOf(el)) === name))
          matches++;
  } else {
    // The resolver takes the deepest element showing the text with the shortest text: a tie is a coin toss.
    const needle = key(spec.text);
    const lengths: number[] = [];
    for (const root of roots)
      for (const el of root.querySelectorAll('*')) {
        const text = key(el.textContent);
        if (rendered(el) && text.includes(needle) && ![...el.children].some((c) => rendered(c) && key(c.textContent).includes(needle)))
          lengths.push(text.length);
      }
    const shortest = Math.min(...lengths);
    matches = lengths.filter((n) => n === shortest).length;
  }
  matches = Math.max(matches, 1);
  if (matches > 1) return { outcome: 'ambiguous', matches, tried: tried.slice(0, found.index + 1) };
  const el = found.element;
  const box = el.getBoundingClientRect();
  const check = (el as Element & { checkVisibility?(o: object): boolean }).checkVisibility;
  const visible = box.width > 0 && box.height > 0 && (!check || check.call(el, { opacityProperty: true, visibilityProperty: true }));
  return { outcome: visible ? 'ok' : 'hidden', matches, tried: tried.slice(0, found.index + 1) };
}

/** Clicks what `target` resolves to, as a person would (a DOM click: an overlay cannot intercept it). */
function clickTarget(target: Target): boolean {
  const probe = (globalThis as unknown as { __compagnonCheck: Probe }).__compagnonCheck;
  const el = probe.locate(target, document)?.element;
  if (!el) return false;
  if (el instanceof HTMLElement) el.click();
  else el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  return true;
}

// ---------------------------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Inspects until the target is found or `timeout` passes (the page may still be rendering, or navigating). */
async function probeTarget(page: Page, target: Target, timeout: number): Promise<Inspection> {
  const deadline = Date.now() + timeout;
  let last: Inspection = { outcome: 'missing', tried: [] };
  for (;;) {
    try {
      last = await page.evaluate(inspect, target);
      if (last.outcome !== 'missing') return last;
    } catch {
      // The execution context went away with a navigation: try again in the new page.
    }
    if (Date.now() >= deadline) return last;
    await sleep(100);
  }
}

const isGlob = (pattern: string) => pattern.includes('*');
const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** A concrete page for patterns: the first without `*`, else the first link of the home page matching one. */
async function pageFor(patterns: string | string[] | undefined, page: Page, base: string, cache: Map<string, string>): Promise<string> {
  const list = [patterns ?? []].flat();
  if (!list.length) return '/';
  const concrete = list.find((p) => !isGlob(p));
  if (concrete) return concrete;
  const key = list.join('\n');
  const known = cache.get(key);
  if (known) return known;
  await page.goto(base + '/', { waitUntil: 'load' });
  const origin = new URL(base).origin;
  const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
  let found = '/';
  for (const href of links) {
    const u = new URL(href);
    if (u.origin === origin && list.some((p) => matchUrl(p, u))) {
      found = u.pathname + u.search;
      break;
    }
  }
  cache.set(key, found);
  return found;
}

type SetupFn = (page: Page, baseUrl: string) => unknown;

async function checkGuide(
  guide: Guide,
  browser: Browser,
  o: { base: string; probe: string; setup?: SetupFn; timeout: number },
  links: Map<string, string>,
): Promise<StepResult[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(o.probe);
    if (o.setup) await o.setup(page, o.base);
    const results: StepResult[] = [];
    const triggerUrl = guide.trigger?.url;
    let loaded = false;
    const go = async (patterns: string | string[] | undefined) => {
      const path = await pageFor(patterns, page, o.base, links);
      await page.goto(o.base + (path.startsWith('/') ? path : '/' + path), { waitUntil: 'load' });
      loaded = true;
    };
    const here = () => (loaded ? pathOf(page.url()) : '');
    const run = async (step: string, target: Target | undefined, wait: number | undefined): Promise<StepResult> => {
      const started = Date.now();
      const base = { guide: guide.id, step, page: here() };
      if (target === undefined) return { ...base, outcome: 'ok', detail: 'no target: a centred dialog', time: 0 };
      const r = await probeTarget(page, target, Math.min(wait ?? 10_000, o.timeout));
      const detail = r.tried.join(' | ');
      return { ...base, page: here(), outcome: r.outcome, ...('matches' in r ? { matches: r.matches } : {}), detail, time: (Date.now() - started) / 1000 };
    };

    // A page that does not load (server down, DNS, TLS) fails the step that needed it.
    const unreachable = (step: string, err: unknown): StepResult => ({
      guide: guide.id, step, page: here(), outcome: 'missing', time: 0,
      detail: `the page did not load: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`,
    });

    if (guide.type === 'tooltip') {
      try {
        await go(triggerUrl);
        results.push(await run('(tooltip)', guide.target, undefined));
      } catch (err) {
        results.push(unreachable('(tooltip)', err));
      }
    } else if (guide.type === 'tour') {
      let blocked: string | null = null;
      for (const [i, step] of guide.steps.entries()) {
        const prev = guide.steps[i - 1];
        if (blocked) {
          results.push({ guide: guide.id, step: step.id, page: here(), outcome: 'not-reached', detail: blocked, time: 0 });
          continue;
        }
        if (prev?.advance?.click && prev.target !== undefined) {
          // The person clicks the previous step's target: whatever it opens (or wherever it leads) comes next.
          await page.evaluate(clickTarget, prev.target).catch(() => false);
          await sleep(100);
          await page.waitForLoadState('load').catch(() => {});
        }
        let result: StepResult;
        try {
          const url = new URL(page.url());
          if (!loaded) await go(step.url ?? triggerUrl);
          else if (step.url && !matchUrl(step.url, url)) await go(step.url);
          result = await run(step.id, step.target, step.wait);
        } catch (err) {
          result = unreachable(step.id, err);
          blocked = `step "${step.id}": the page did not load`;
        }
        results.push(result);
        // A step that advances on click cannot be clicked when missing: the steps after it are not reached.
        if (!passed(result) && step.advance?.click) blocked = `step "${step.id}" (advances on click) failed`;
      }
    }
    return results;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reports

const describe = (r: StepResult): string =>
  r.outcome === 'ambiguous'
    ? `ambiguous (${r.matches} matches)`
    : r.outcome === 'not-reached'
      ? `not reached: ${r.detail}`
      : r.outcome;

/** The human table: guide, step, page, result (and what was looked for, for failures). */
export function formatTable(results: StepResult[]): string[] {
  const rows = [['GUIDE', 'STEP', 'PAGE', 'RESULT'], ...results.map((r) => [r.guide, r.step, r.page || '-', describe(r) + (passed(r) || r.outcome === 'not-reached' ? '' : `: ${r.detail}`)])];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd());
}

const xml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** JUnit XML: one suite per guide, one test case per step (or tooltip). */
export function formatJunit(results: StepResult[], file: string): string {
  const guides = [...new Set(results.map((r) => r.guide))];
  const failures = results.filter((r) => !passed(r) && r.outcome !== 'not-reached').length;
  const skipped = results.filter((r) => r.outcome === 'not-reached').length;
  const total = results.reduce((t, r) => t + r.time, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="compagnon check ${xml(file)}" tests="${results.length}" failures="${failures}" skipped="${skipped}" time="${total.toFixed(3)}">`,
  ];
  for (const g of guides) {
    const own = results.filter((r) => r.guide === g);
    const f = own.filter((r) => !passed(r) && r.outcome !== 'not-reached').length;
    const s = own.filter((r) => r.outcome === 'not-reached').length;
    lines.push(`  <testsuite name="${xml(g)}" tests="${own.length}" failures="${f}" skipped="${s}" time="${own.reduce((t, r) => t + r.time, 0).toFixed(3)}">`);
    for (const r of own) {
      const open = `    <testcase classname="${xml(g)}" name="${xml(`${r.step} on ${r.page || '-'}`)}" time="${r.time.toFixed(3)}"`;
      if (passed(r)) lines.push(`${open}/>`);
      else if (r.outcome === 'not-reached') lines.push(`${open}>`, `      <skipped message="${xml(r.detail)}"/>`, '    </testcase>');
      else
        lines.push(
          `${open}>`,
          `      <failure type="${r.outcome}" message="${xml(`${g} › ${r.step}: ${describe(r)}`)}">${xml(`target: ${r.detail}\npage: ${r.page}`)}</failure>`,
          '    </testcase>',
        );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------

export async function check(o: CheckOptions, io: Io): Promise<number> {
  let base: string;
  try {
    const u = new URL(o.baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error();
    base = u.href.replace(/\/+$/, '');
  } catch {
    io.stderr(`check: --base-url must be an http(s) URL, got ${JSON.stringify(o.baseUrl)}`);
    return 2;
  }
  const checked = await checkFile(o.file, io);
  if (!checked.ok) {
    io.stderr(`${o.file}: not checked: fix the errors above first`);
    return 1;
  }
  let setup: SetupFn | undefined;
  if (o.setup) {
    const mod = (await import(pathToFileURL(resolve(o.setup)).href)) as { default?: unknown };
    if (typeof mod.default !== 'function') {
      io.stderr(`check: ${o.setup} must export a default function (page, baseUrl)`);
      return 2;
    }
    setup = mod.default as SetupFn;
  }
  const guides = checked.bundle.guides.filter((g) => g.type === 'tooltip' || (g.type === 'tour' && g.steps.some((s) => s.target !== undefined)));
  if (!guides.length) {
    io.stdout(`${o.file}: no tour or tooltip with a target: nothing to check`);
    return 0;
  }

  const probe = await probeScript();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: o.chromium ?? io.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const results: StepResult[] = [];
  try {
    const links = new Map<string, string>();
    for (const guide of guides) results.push(...(await checkGuide(guide, browser, { base, probe, ...(setup ? { setup } : {}), timeout: o.timeout ?? 5000 }, links)));
  } finally {
    await browser.close();
  }

  for (const line of formatTable(results)) io.stdout(line);
  const broken = [...new Set(results.filter((r) => !passed(r)).map((r) => r.guide))];
  io.stdout('');
  io.stdout(
    broken.length
      ? `${broken.length} of ${guides.length} guides broken: ${broken.join(', ')}`
      : `${guides.length} guide${guides.length === 1 ? '' : 's'} checked: every target resolves to exactly one visible element`,
  );
  if (o.junit) {
    await writeFile(o.junit, formatJunit(results, o.file));
    io.stdout(`JUnit report: ${o.junit}`);
  }
  return broken.length ? 1 : 0;
}
