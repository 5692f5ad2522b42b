import type { Locale } from './types.ts';

// Only the renderer's own words; guide texts arrive already localised from the SDK. Gettext-style: the English
// text is the key, so it is written once, where it is shown.
const fr = {
  Next: 'Suivant',
  Back: 'Précédent',
  Done: 'Terminer',
  Close: 'Fermer',
  of: 'sur',
  done: 'terminé',
  'Dismiss checklist': 'Masquer la liste',
};

export type Translate = (english: keyof typeof fr) => string;

export const translator =
  (locale: Locale): Translate =>
  (english) =>
    locale === 'fr' ? fr[english] : english;

/** "2 of 5" / "2 sur 5". */
export const progress = (t: Translate, n: number, total: number): string => `${n} ${t('of')} ${total}`;
