// Debian's Chromium driven by playwright-core: never a downloaded browser.
import { chromium, type Browser, type LaunchOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google hosts this sandbox refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Collects what the host page would see from us: uncaught errors and console output. */
export function watchPage(page: Page): { pageErrors: string[]; consoleErrors: string[]; consoleWarnings: string[] } {
  const seen = { pageErrors: [] as string[], consoleErrors: [] as string[], consoleWarnings: [] as string[] };
  page.on('pageerror', (e) => seen.pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
    if (m.type() === 'warning') seen.consoleWarnings.push(m.text());
  });
  return seen;
}
