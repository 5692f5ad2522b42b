import { describe, expect, it } from 'vitest';
import { localize } from '../src/index.ts';

describe('localize', () => {
  it.each([
    { name: 'plain string, any locale', text: 'Hello', locale: 'fr', out: 'Hello' },
    { name: 'both languages, en', text: { en: 'Next', fr: 'Suivant' }, locale: 'en', out: 'Next' },
    { name: 'both languages, fr', text: { en: 'Next', fr: 'Suivant' }, locale: 'fr', out: 'Suivant' },
    { name: 'French only, asked in English', text: { fr: 'Suivant' }, locale: 'en', out: 'Suivant' },
    { name: 'English only, asked in French', text: { en: 'Next' }, locale: 'fr', out: 'Next' },
  ] as const)('$name', ({ text, locale, out }) => {
    expect(localize(text, locale)).toBe(out);
  });
});
