import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createFormat, type Format } from './format.ts';

export type Locale = 'en' | 'fr';

/** `<html lang>` first (the server sets it from Accept-Language or `?lang=`), then the browser's language. */
export function pickLocale(...candidates: Array<string | null | undefined>): Locale {
  for (const c of candidates) {
    if (!c) continue;
    const base = c.toLowerCase().split(/[-_]/)[0];
    if (base === 'fr') return 'fr';
    if (base === 'en') return 'en';
  }
  return 'en';
}

// Gettext-style, as packages/ui: the English text is the key. `{x}` placeholders are filled by `t(key, vars)`.
const fr = {
  'Compagnon adoption': 'Adoption Compagnon',
  'Adoption dashboard': "Tableau de bord de l'adoption",
  'Sign in': 'Se connecter',
  'Sign out': 'Se déconnecter',
  'Admin token': "Jeton d'administration",
  'The collector’s admin token (COMPAGNON_ADMIN_TOKEN). It is kept in this tab only.':
    "Le jeton d'administration du collecteur (COMPAGNON_ADMIN_TOKEN). Il n'est conservé que dans cet onglet.",
  'The token was refused. Enter it again.': 'Le jeton a été refusé. Saisissez-le à nouveau.',
  'Enter the token.': 'Saisissez le jeton.',
  App: 'Application',
  Show: 'Afficher',
  Filters: 'Filtres',
  Population: 'Population',
  Guide: 'Guide',
  From: 'Du',
  To: 'Au',
  'All populations': 'Toutes les populations',
  'All guides': 'Tous les guides',
  Reset: 'Réinitialiser',
  Everyone: 'Tout le monde',
  'Loading reports…': 'Chargement des rapports…',
  'Reports updated.': 'Rapports mis à jour.',
  'Could not load the reports: {message}': 'Impossible de charger les rapports : {message}',
  Retry: 'Réessayer',
  'Summary': 'Synthèse',
  'New hires onboarded': 'Nouveaux arrivants intégrés',
  '{a} of {b} completed a guide within {days} days': '{a} sur {b} ont terminé un guide en {days} jours',
  'Within': 'En',
  '{n} days': '{n} jours',
  'Ghosts reached': 'Fantômes atteints',
  '{a} of {b} people who never used the tool saw a guide': '{a} sur {b} personnes qui n’utilisaient pas l’outil ont vu un guide',
  'Ghosts converted': 'Fantômes convertis',
  '{a} of {b} reached came back on a later day': '{a} sur {b} atteints sont revenus un autre jour',
  'Guide completion': 'Guides terminés',
  '{a} completions for {b} starts': '{a} terminés pour {b} démarrés',
  'Daily active people': 'Personnes actives par jour',
  'average over {n} days, peak {peak}': 'moyenne sur {n} jours, pic {peak}',
  'population {p}': 'population {p}',
  'hidden (fewer than {k} people)': 'masqué (moins de {k} personnes)',
  '{n} groups hidden (fewer than {k} people)': '{n} groupes masqués (moins de {k} personnes)',
  '1 group hidden (fewer than {k} people)': '1 groupe masqué (moins de {k} personnes)',
  '{n} days hidden (fewer than {k} active people)': '{n} jours masqués (moins de {k} personnes actives)',
  'Adoption per day': 'Adoption par jour',
  'Active people': 'Personnes actives',
  Started: 'Démarrés',
  Completed: 'Terminés',
  Day: 'Jour',
  'Show the numbers': 'Afficher les chiffres',
  'No activity in this period.': 'Aucune activité sur cette période.',
  'Step funnel': 'Entonnoir des étapes',
  'Step funnel: {guide}': 'Entonnoir des étapes : {guide}',
  'The busiest guide is shown; choose another in the filters.': 'Le guide le plus suivi est affiché ; choisissez-en un autre dans les filtres.',
  Step: 'Étape',
  Viewed: 'Vues',
  Retention: 'Rétention',
  'No guide to show yet.': 'Aucun guide à afficher pour le moment.',
  'Guides per population': 'Guides par population',
  Offered: 'Proposés',
  Dismissed: 'Fermés',
  'Completion rate': 'Taux de complétion',
  'Median time to complete': 'Durée médiane',
  'No guide activity in this period.': 'Aucune activité de guide sur cette période.',
  'Adoption per day: active people, guides started and completed, {from} to {to}':
    'Adoption par jour : personnes actives, guides démarrés et terminés, du {from} au {to}',
  'Step funnel of {guide}: people who viewed and completed each step': 'Entonnoir de {guide} : personnes ayant vu et terminé chaque étape',
  'Skip to the reports': 'Aller aux rapports',
  'Aggregates only: no person is ever shown.': 'Uniquement des agrégats : aucune personne n’est jamais affichée.',
};

export type Key = keyof typeof fr;
export type Translate = (english: Key, vars?: Record<string, string | number>) => string;

export const translator =
  (locale: Locale): Translate =>
  (english, vars) => {
    const text = locale === 'fr' ? fr[english] : english;
    return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
  };

export interface I18n { locale: Locale; t: Translate; f: Format }

export const makeI18n = (locale: Locale): I18n => ({ locale, t: translator(locale), f: createFormat(locale) });

export const I18nContext = createContext<I18n>(makeI18n('en'));
export const useI18n = (): I18n => useContext(I18nContext);
