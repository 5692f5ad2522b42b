import { CONTACT_PATTERN, HTTP_PATTERN, PAGE_PATTERN } from './links.ts';
import { ID_PATTERN } from './text.ts';

export interface Message {
  en: string;
  fr: string;
}
export type Issue = { code?: string; path?: PropertyKey[]; input?: unknown; [k: string]: any };

// en with article, en bare, fr noun (only "chaîne" is feminine).
const TYPES: Record<string, [string, string, string]> = {
  string: ['a string', 'string', 'chaîne'],
  number: ['a number', 'number', 'nombre'],
  int: ['an integer', 'integer', 'entier'],
  boolean: ['a boolean', 'boolean', 'booléen'],
  object: ['an object', 'object', 'objet'],
  record: ['an object', 'object', 'objet'],
  array: ['an array', 'array', 'tableau'],
  null: ['null', 'null', 'null'],
};
const type = (t: string) => TYPES[t] ?? [t, t, t];
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const q = (v: unknown) => JSON.stringify(v);
// "a, b or c"
const list = (items: string[], or: string) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`;

/** "expected a string or an object, got number" from the expected types of a failed check. */
export function expected(types: string[], input: unknown): Message {
  const en = list(types.map((t) => type(t)[0]), 'or');
  const fr = list(types.map((t) => type(t)[2]), 'ou') + (types.join() === 'string' ? ' attendue' : ' attendu');
  if (input === undefined) return { en: `missing, expected ${en}`, fr: `manquant, ${fr}` };
  const got = type(kind(input));
  return { en: `expected ${en}, got ${got[1]}`, fr: `${fr}, reçu : ${got[2]}` };
}

const CUSTOM: Record<string, (v: string, k?: string) => Message> = {
  lang: () => ({ en: 'needs "en" or "fr"', fr: '« en » ou « fr » requis' }),
  needOp: () => ({ en: 'needs an operator: eq, in, contains, gte, lte or withinDays', fr: 'opérateur requis : eq, in, contains, gte, lte ou withinDays' }),
  bound: () => ({ en: 'needs gte or lte', fr: 'gte ou lte requis' }),
  op: (v) => ({ en: `unknown operator "${v}"`, fr: `opérateur inconnu « ${v} »` }),
  one: (v, k) => ({
    en: `${k ? `unknown key "${k}", ` : ''}expected one of ${v}`,
    fr: `${k ? `clé inconnue « ${k} », ` : ''}attendu : ${v}`,
  }),
  dup: (v) => ({ en: `duplicate id "${v}"`, fr: `identifiant « ${v} » en double` }),
  pop: (v) => ({ en: `unknown or invalid population "${v}"`, fr: `population « ${v} » inconnue ou invalide` }),
  guide: (v) => ({ en: `unknown or invalid guide "${v}"`, fr: `guide « ${v} » inconnu ou invalide` }),
  xor: (v) => {
    const [a, b] = v.split('|');
    return { en: `needs exactly one of "${a}" and "${b}"`, fr: `exactement un de « ${a} » et « ${b} » requis` };
  },
  with: (v) => {
    const [a, b] = v.split('|');
    return { en: `"${a}" needs "${b}"`, fr: `« ${a} » exige « ${b} »` };
  },
  date: () => ({ en: 'expected an ISO 8601 date (2026-03-01) or date-time (2026-03-01T09:00:00Z)', fr: 'date ISO 8601 attendue (2026-03-01 ou 2026-03-01T09:00:00Z)' }),
  order: () => ({ en: 'must not be before startAt', fr: 'ne doit pas précéder startAt' }),
};

// By pattern: what each link rule allows (links.ts). Anything else is a link a page follows (`href`).
const LINKS: [RegExp, string, string][] = [
  [HTTP_PATTERN, 'invalid URL: http(s) only, without spaces', 'URL invalide : http(s) uniquement, sans espaces'],
  [PAGE_PATTERN, 'invalid link: http(s) or relative, without spaces', 'lien invalide : http(s) ou relatif, sans espaces'],
  [CONTACT_PATTERN, 'invalid contact: mailto:, tel: or http(s), without spaces', 'contact invalide : mailto:, tel: ou http(s), sans espaces'],
];

function size(i: Issue, big: boolean): Message {
  const n: number = big ? i.maximum : i.minimum;
  const unit = i.origin === 'string' ? [' characters', ' caractères'] : i.origin === 'array' ? [' items', ' éléments'] : ['', ''];
  if (!big && n === 1 && unit[0]) return { en: 'must not be empty', fr: 'ne doit pas être vide' };
  // Every bound in the format is inclusive (minLength, maxLength, minimum, maximum): no "less than" to say.
  return big ? { en: `at most ${n}${unit[0]}`, fr: `au plus ${n}${unit[1]}` } : { en: `at least ${n}${unit[0]}`, fr: `au moins ${n}${unit[1]}` };
}

function format(i: Issue): Message {
  if (i.format === 'regex') {
    const p = String(i.pattern);
    if (p === String(ID_PATTERN)) return { en: 'invalid id: letters, digits, "-" and "_", starting with a letter or digit', fr: 'identifiant invalide : lettres, chiffres, « - » et « _ », commençant par une lettre ou un chiffre' };
    const [, en, fr] = LINKS.find(([r]) => p === String(r)) ?? [, 'invalid link: http(s), mailto or relative, without spaces', 'lien invalide : http(s), mailto ou relatif, sans espaces'];
    return { en, fr };
  }
  return { en: `invalid ${i.format}`, fr: `format ${i.format} invalide` };
}

/** Both languages for one zod issue, once narrowed (see issue.ts). */
export function message(i: Issue): Message {
  switch (i.code) {
    case 'invalid_type':
      return expected([i.expected].flat(), i.input);
    case 'too_small':
    case 'too_big':
      return size(i, i.code === 'too_big');
    case 'invalid_value': {
      const v = (i.values as unknown[]).map(q);
      const got = i.input === undefined ? ['', ''] : [`, got ${q(i.input)}`, `, reçu : ${q(i.input)}`];
      return { en: `expected ${list(v, 'or')}${got[0]}`, fr: `attendu : ${list(v, 'ou')}${got[1]}` };
    }
    case 'invalid_format':
      return format(i);
    case 'unrecognized_keys':
      return { en: `unknown key "${i.keys[0]}"`, fr: `clé inconnue « ${i.keys[0]} »` };
    case 'custom': {
      const c = CUSTOM[i.params?.m];
      if (c) return c(String(i.params.v), i.params.k);
    }
  }
  return { en: 'invalid value', fr: 'valeur invalide' };
}
