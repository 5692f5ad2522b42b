// `compagnon check` against the example intranet in headless Chromium: its guides pass; a copy with one target
// renamed fails, naming the guide and the step, in the table and in the JUnit XML.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { createStaticServer } from '../../../tooling/static-server.mjs';
import { main } from '../src/cli.ts';
import { CHROMIUM_ARGS, formatJunit, type StepResult } from '../src/check.ts';

const EXAMPLE = fileURLToPath(new URL('../../../examples/intranet/', import.meta.url));
const GUIDES = join(EXAMPLE, 'guides.json');

let server: { url: string; close(): Promise<void> };
let dir: string;
let setup: string;

beforeAll(async () => {
  server = await createStaticServer({ root: EXAMPLE });
  dir = await mkdtemp(join(tmpdir(), 'compagnon-check-'));
  // The "login": the team page is for managers. The intranet keeps who is logged in in localStorage.
  setup = join(dir, 'login.mjs');
  await writeFile(setup, `export default async function (page, baseUrl) {
  await page.addInitScript(() => localStorage.setItem('acme.persona', 'marc'));
  if (typeof baseUrl !== 'string') throw new Error('no base URL');
}\n`);
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), exit() {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Well-formed XML, by a real XML parser (Chromium's). */
async function parseXml(text: string): Promise<{ error: string | null; failures: string[]; cases: number }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    return await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const failures = [...doc.querySelectorAll('testcase')].filter((c) => c.querySelector('failure')).map((c) => `${c.getAttribute('classname')} ${c.getAttribute('name')}: ${c.querySelector('failure')!.getAttribute('message')}`);
      return { error, failures, cases: doc.querySelectorAll('testcase').length };
    }, text);
  } finally {
    await browser.close();
  }
}

describe('compagnon check', { timeout: 120_000 }, () => {
  it('passes for the example intranet, steps after a click checked after clicking', async () => {
    const junit = join(dir, 'ok.xml');
    const { code, out, err } = await run('check', '--base-url', server.url, GUIDES, '--setup', setup, '--junit', junit);
    expect(err).toBe('');
    expect(code).toBe(0);
    // Every tour step and tooltip is listed, on its page.
    for (const [guide, step, page] of [
      ['expense-tour', 'new', '/expenses.html'],
      ['expense-tour', 'amount', '/expenses.html'], // inside the form `new` opens
      ['expense-tour', 'save', '/expenses.html'],
      ['export-tip', '(tooltip)', '/team.html'],
      ['approval-pilot', 'status', '/expenses.html'],
      ['welcome-back', 'news', '/'],
      ['service-desk-tip', '(tooltip)', '/'],
    ])
      expect(out).toMatch(new RegExp(`^${guide}\\s+${step!.replace(/[()]/g, '\\$&')}\\s+${page}\\s+ok$`, 'm'));
    // The example grows: count what its bundle holds (tours with a target, tooltips; checklists have none).
    const { guides } = JSON.parse(await readFile(GUIDES, 'utf8')) as { guides: { type: string; steps?: { target?: unknown }[] }[] };
    const checked = guides.filter((g) => g.type === 'tooltip' || (g.type === 'tour' && g.steps!.some((s) => s.target)));
    const cases = checked.reduce((n, g) => n + (g.type === 'tour' ? g.steps!.length : 1), 0);
    expect(out).toContain(`${checked.length} guides checked: every target resolves to exactly one visible element`);
    const xml = await parseXml(await readFile(junit, 'utf8'));
    expect(xml.error).toBeNull();
    expect(xml.failures).toEqual([]);
    expect(xml.cases).toBe(cases);
  });

  it('fails, naming the step, for a copy with one target renamed', async () => {
    const bundle = JSON.parse(await readFile(GUIDES, 'utf8'));
    bundle.$schema = undefined;
    const step = bundle.guides.find((g: { id: string }) => g.id === 'expense-tour').steps.find((s: { id: string }) => s.id === 'amount');
    step.target = '#expense-amount-renamed';
    const file = join(dir, 'renamed.json');
    await writeFile(file, JSON.stringify(bundle, null, 2));
    const junit = join(dir, 'broken.xml');
    const { code, out } = await run('check', '--base-url', server.url, file, '--setup', setup, '--junit', junit);
    expect(code).toBe(1);
    expect(out).toMatch(/^expense-tour\s+amount\s+\/expenses\.html\s+missing: #expense-amount-renamed$/m);
    expect(out).toMatch(/^expense-tour\s+save\s+\/expenses\.html\s+ok$/m);
    expect(out).toMatch(/^1 of \d+ guides broken: expense-tour$/m);
    const xml = await parseXml(await readFile(junit, 'utf8'));
    expect(xml.error).toBeNull();
    expect(xml.failures).toEqual(['expense-tour amount on /expenses.html: expense-tour › amount: missing']);
  });

  it('reports ambiguous and hidden targets, and steps a failed click leaves unreached', async () => {
    const site = join(dir, 'site');
    await rm(site, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(site));
    await writeFile(join(site, 'index.html'), `<!doctype html><title>t</title>
<button class="dup">Export</button><button class="dup">Export</button>
<p id="ghost" style="visibility:hidden">Boo</p><p id="flat" style="height:0;overflow:hidden;padding:0;margin:0"></p>
<a href="/deep/page.html">deep</a>`);
    const file = join(dir, 'edge.json');
    await writeFile(file, JSON.stringify({
      version: 1,
      guides: [
        { id: 'dup', type: 'tooltip', title: 'Dup', target: { role: 'button', name: 'Export' } },
        { id: 'ghost', type: 'tooltip', title: 'Ghost', target: '#ghost' },
        { id: 'flat', type: 'tooltip', title: 'Flat', target: ['#nope', '#flat'] },
        { id: 'glob', type: 'tooltip', title: 'Glob', trigger: { url: '/deep/*' }, target: 'h1' },
        { id: 'tour', type: 'tour', title: 'Tour', steps: [
          { id: 'a', title: 'A', target: '#gone', advance: { click: true } },
          { id: 'b', title: 'B', target: '.dup' },
        ] },
      ],
    }));
    const local = await createStaticServer({ root: site });
    try {
      const { code, out } = await run('check', '--base-url', local.url, file, '--timeout', '300');
      expect(code).toBe(1);
      expect(out).toMatch(/^dup\s+\(tooltip\)\s+\/\s+ambiguous \(2 matches\): role=button\[name="Export"\]$/m);
      expect(out).toMatch(/^ghost\s+\(tooltip\)\s+\/\s+hidden: #ghost$/m);
      expect(out).toMatch(/^flat\s+\(tooltip\)\s+\/\s+hidden: #nope \| #flat$/m);
      // A glob page: the first matching link of the home page (here missing: a 404 page has no h1).
      expect(out).toMatch(/^glob\s+\(tooltip\)\s+\/deep\/page\.html\s+missing: h1$/m);
      expect(out).toMatch(/^tour\s+a\s+\/\s+missing: #gone$/m);
      expect(out).toMatch(/^tour\s+b\s+\/\s+not reached: step "a" \(advances on click\) failed$/m);
      expect(out).toMatch(/5 of 5 guides broken/);
    } finally {
      await local.close();
    }
  });

  it('needs a base URL and one file', async () => {
    expect((await run('check', GUIDES)).code).toBe(2);
    expect((await run('check', '--base-url', 'ftp://x', GUIDES)).code).toBe(2);
  });
});

describe('formatJunit', { timeout: 60_000 }, () => {
  it('escapes what XML cannot carry as is', async () => {
    const results: StepResult[] = [
      { guide: 'g', step: 's', page: '/a?b=1&c=<2>', outcome: 'missing', detail: 'text="\u0001 \'quoted\' & <b>"', time: 0.5 },
      { guide: 'g', step: 't', page: '/', outcome: 'ok', detail: '', time: 0.1 },
    ];
    const text = formatJunit(results, 'a&b.json');
    expect(text).toContain('failures="1"');
    expect(text).not.toContain('\u0001');
    const xml = await parseXml(text);
    expect(xml.error).toBeNull();
    expect(xml.failures).toEqual(['g s on /a?b=1&c=<2>: g › s: missing']);
  });
});
