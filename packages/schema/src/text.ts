import { z } from './z.ts';

export type Locale = 'en' | 'fr';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Ids of guides, steps, items and populations: they end up in URLs, events and reports, so keep them plain. */
export const IdSchema = z.string().check(z.regex(ID_PATTERN), z.maxLength(64));

export const NonEmptySchema = z.string().check(z.minLength(1));

// Integers are numbers with this check rather than `z.int()`, whose number-format machinery would cost the browser
// bundle about 1 kB. json-schema.ts writes the check back as `"type": "integer"` within the safe range, as for z.int().
export const isInteger = z.check<number>((p) => {
  if (!Number.isSafeInteger(p.value)) p.issues.push({ code: 'invalid_type', expected: 'int', input: p.value });
});
export const IntSchema = z.number().check(isInteger);

// The refine says "at least one language"; the JSON Schema says it with `minProperties` (see json-schema.ts).
export const LanguagesSchema = z
  .strictObject({ en: z.optional(NonEmptySchema), fr: z.optional(NonEmptySchema) })
  .check(z.refine((o) => o.en !== undefined || o.fr !== undefined, { params: { m: 'lang' } }));

export const LocalizedTextSchema = z.union([NonEmptySchema, LanguagesSchema]);

export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The text in `locale`, else in the other language (authors often write only one). */
export function localize(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale === 'en' ? 'fr' : 'en'] ?? '';
}
