// The author's picker in real Chromium, driven with the mouse: hover outlines, a click proposes a target that
// resolves (with @compagnon/dom's resolveTarget, as the SDK will) to the clicked element alone; a two-step tour
// is built, previewed with the SDK's UI, exported, and the JSON passes `compagnon validate`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '@compagnon/testing';
import { main } from '../../packages/cli/src/cli.ts';
import { createStaticServer } from '../../tooling/static-server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let bundle: string;
let dir: string;

beforeAll(async () => {
  // The picker as the extension ships it: one bundle, everything inside (the UI's preact included).
  const out = await build({
    stdin: {
      contents: `import { createPicker, countMatches } from './packages/extension/src/picker/index.ts';
import { resolveTarget } from '@compagnon/dom';
window.__test = { picker: createPicker({ meta: { id: 'expenses-tour', title: 'Your expenses', url: '/page.html', app: 'demo' } }), resolveTarget, countMatches };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { __DEV__: 'false' },
    write: false,
    logLevel: 'silent',
  });
  bundle = out.outputFiles[0]!.text;
  server = await createStaticServer({ root: HERE });
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'compagnon-picker-'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(`${server.url}/page.html`);
  await page.addScriptTag({ content: bundle });
  return page;
}

const center = async (page: Page, selector: string) => {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
};

/** The highlight box, read from the picker's shadow root. */
const outline = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-compagnon-picker]')!.shadowRoot!.querySelector('.box') as HTMLElement;
    const r = box.getBoundingClientRect();
    return { shown: getComputedStyle(box).display !== 'none', x: r.x, y: r.y, width: r.width, height: r.height };
  });

/** Hovers, clicks, and checks the proposal in the page: what resolveTarget finds is the element clicked, alone. */
async function pickWithMouse(page: Page, selector: string, expected: string) {
  const { x, y, box } = await center(page, selector);
  await page.mouse.move(x, y);
  const hovered = await outline(page);
  expect(hovered.shown).toBe(true);
  await page.mouse.click(x, y);
  const seen = await page.evaluate((expected) => {
    const t = (window as any).__test;
    const proposal = t.picker.proposal();
    const clicked = document.querySelector(expected);
    return {
      target: proposal.target,
      matches: proposal.matches,
      pickedIsExpected: proposal.element === clicked,
      resolvesToIt: t.resolveTarget(proposal.target, document) === clicked,
      countOnPage: t.countMatches(proposal.target, document),
      shownCount: document.querySelector('[data-compagnon-picker]')!.shadowRoot!.querySelector('[data-picker=matches]')!.textContent,
      pageClicks: (window as any).pageClicks,
    };
  }, expected);
  expect(seen.pickedIsExpected).toBe(true);
  expect(seen.resolvesToIt).toBe(true);
  expect(seen.matches).toBe(1);
  expect(seen.countOnPage).toBe(1);
  expect(seen.shownCount).toContain('1 match on this page');
  // The click picked: the page never saw it.
  expect(seen.pageClicks).toBe(0);
  return { ...seen, box, hovered };
}

describe('the author picker in Chromium', () => {
  it('proposes targets that resolve to the clicked element alone, builds a tour, previews and exports it', async () => {
    const page = await open();

    // Hovering outlines the element under the pointer, and follows it.
    const home = await center(page, 'nav a[href="#home"]');
    await page.mouse.move(home.x, home.y);
    const onHome = await outline(page);
    expect(onHome).toMatchObject({ shown: true });
    expect(Math.abs(onHome.x - home.box.x)).toBeLessThan(2);
    expect(Math.abs(onHome.width - home.box.width)).toBeLessThan(2);

    // A link by role and name: hashed classes ignored.
    const first = await pickWithMouse(page, 'nav a[href="#reports"]', 'nav a[href="#reports"]');
    expect(first.target).toEqual({ role: 'link', name: 'Reports' });
    expect(Math.abs(first.hovered.y - first.box.y)).toBeLessThan(2);

    await page.locator('[data-picker=title]').fill('Your reports');
    await page.locator('[data-picker=body]').fill('Every **report** lives here.');
    await page.locator('[data-picker=placement]').selectOption('bottom-start');
    await page.locator('[data-picker=advance]').check();
    await page.locator('[data-picker=add]').click();

    // The second "Delete" (clicked on its label, inside the button): not unique by name, a generated id, hashed
    // classes — a short CSS path of stable parts.
    const second = await pickWithMouse(page, 'button#ember2041 span', 'button#ember2041');
    expect(second.target).toBe('div.row:nth-of-type(2) > button');
    expect(second.target).not.toMatch(/css-|ember|sc-|_a1/);

    await page.locator('[data-picker=title]').fill('Delete a line');
    await page.locator('[data-picker=add]').click();
    expect(await page.locator('[data-picker=steps] li').count()).toBe(2);

    // Preview: the SDK's own step dialog, marked as a preview, on the first step's target.
    await page.locator('[data-picker=preview]').click();
    const dialog = page.locator('[data-compagnon] [role=dialog]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Your reports');
    expect(await dialog.textContent()).toContain('Preview');
    expect(await page.evaluate(() => (window as any).__test.picker.previewing())).toBe(0);
    await page.locator('[data-compagnon] button', { hasText: 'Next' }).click();
    await expect.poll(() => page.evaluate(() => (window as any).__test.picker.previewing())).toBe(1);
    expect(await page.locator('[data-compagnon] [role=dialog]').textContent()).toContain('Delete a line');

    // Export: the JSON shown in the panel, valid for `compagnon validate`.
    await page.locator('[data-picker=export]').click();
    const json = await page.locator('[data-picker=json]').inputValue();
    const exported = JSON.parse(json);
    expect(exported.guides[0]).toMatchObject({
      id: 'expenses-tour',
      type: 'tour',
      trigger: { url: '/page.html' },
      steps: [
        { id: 'step-1', title: 'Your reports', target: { role: 'link', name: 'Reports' }, placement: 'bottom-start', advance: { click: true } },
        { id: 'step-2', title: 'Delete a line', target: 'div.row:nth-of-type(2) > button' },
      ],
    });
    const file = join(dir, 'tour.json');
    await writeFile(file, json);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['validate', file], { stdout: (l) => out.push(l), stderr: (l) => err.push(l), exit() {} });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toContain('valid (1 guide, 0 populations)');
    await page.close();
  });
});
