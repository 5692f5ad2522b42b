import type { Locale } from './types.ts';

// Only the renderer's own words; guide texts arrive already localised from the SDK.
const en = {
  next: 'Next',
  back: 'Back',
  done: 'Done',
  close: 'Close',
  of: 'of',
  finished: 'done',
  dismissList: 'Dismiss checklist',
};

export type Strings = typeof en;

const fr: Strings = {
  next: 'Suivant',
  back: 'Précédent',
  done: 'Terminer',
  close: 'Fermer',
  of: 'sur',
  finished: 'terminé',
  dismissList: 'Masquer la liste',
};

export const strings = (locale: Locale): Strings => (locale === 'fr' ? fr : en);

/** "2 of 5" / "2 sur 5". */
export const progress = (t: Strings, n: number, total: number): string => `${n} ${t.of} ${total}`;
