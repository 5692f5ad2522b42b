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
  'Skip tour': 'Passer la visite',
  'Remind me tomorrow': 'Me le rappeler demain',
  'Why am I seeing this?': 'Pourquoi ce guide ?',
  'Shown to: ': 'Affiché pour : ',
  Preview: 'Aperçu',
  Send: 'Envoyer',
  'Not likely': 'Peu probable',
  'Very likely': 'Très probable',
  Help: 'Aide',
  Search: 'Rechercher',
  'No results': 'Aucun résultat',
  'Your ambassadors': 'Vos ambassadeurs',
  'Learn more': 'Pour aller plus loin',
  'Show guides automatically': 'Afficher les guides automatiquement',
  New: 'Nouveau',
  'In progress': 'En cours',
  Completed: 'Terminé',
  Video: 'Vidéo',
  Captions: 'Sous-titres',
  Webinar: 'Webinaire',
  Link: 'Lien',
};

/** Words spelt the same in both languages, kept out of the table. */
type Same = 'Guides' | 'E-learning' | 'FAQ';

export type Translate = (english: keyof typeof fr | Same) => string;

export const translator =
  (locale: Locale): Translate =>
  (english) =>
    (locale === 'fr' && fr[english as keyof typeof fr]) || english;

/** "2 of 5" / "2 sur 5". */
export const progress = (t: Translate, n: number, total: number): string => `${n} ${t('of')} ${total}`;
