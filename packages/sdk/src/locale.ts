import type { Locale } from '@compagnon/schema';

/** The locale order of ARCHITECTURE.md: option (`data-locale`), else `<html lang>`, else the browser, else English. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const c of candidates) {
    const lang = c?.trim().toLowerCase();
    if (!lang) continue;
    if (lang.startsWith('fr')) return 'fr';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}
