import { matches, nonEmptyText, refine } from './checks.ts';
import { once } from './once.ts';
import { z } from './z.ts';

export type Locale = 'en' | 'fr';

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** One `value` per language, at least one (`minProperties` in JSON Schema): texts, caption files. */
export const languages = <T extends z.core.$ZodType>(value: T) =>
  z
    .strictObject({ en: z.optional(value), fr: z.optional(value) })
    .check(refine<{ en?: unknown; fr?: unknown }>((o) => o.en !== undefined || o.fr !== undefined, 'lang', { minProperties: 1 }));

// Built on first use (see once.ts).
export const textSchemas = once(() => {
  /** Ids of guides, steps, items and populations: they end up in URLs, events and reports, so keep them plain. */
  const IdSchema = z.string().check(matches(ID_PATTERN, 64));
  const NonEmptySchema = z.string().check(nonEmptyText());
  const LanguagesSchema = languages(NonEmptySchema);
  const LocalizedTextSchema = z.union([NonEmptySchema, LanguagesSchema]);
  return { IdSchema, NonEmptySchema, LanguagesSchema, LocalizedTextSchema };
});

export type LocalizedText = z.infer<ReturnType<typeof textSchemas>['LocalizedTextSchema']>;

// Plain code beside lazy builders: the SDK imports it on every page, and importing it builds no schema.
/** The text in `locale`, else in the other language (authors often write only one). */
export function localize(text: LocalizedText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale === 'en' ? 'fr' : 'en'] ?? '';
}
