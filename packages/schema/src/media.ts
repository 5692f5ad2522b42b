import { exactlyOne, matches, minItems, numeric, oneOf, requires } from './checks.ts';
import { baseSchemas } from './base.ts';
import { tagged } from './keyed.ts';
import { HTTP_PATTERN } from './links.ts';
import { once } from './once.ts';
import { languages, textSchemas } from './text.ts';
import { z } from './z.ts';

export const QUESTION_KINDS = ['rating', 'nps', 'choice', 'text'] as const;

// Built on first use (see once.ts).
export const mediaSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const { uniqueIds } = baseSchemas();

  /** An absolute http(s) URL: what the UI loads (images, videos, photos). */
  const HttpUrlSchema = NonEmptySchema.check(matches(HTTP_PATTERN));

  /** WebVTT captions of a video: one file, or one per language (each a track; the reader's language is shown). */
  const CaptionFilesSchema = languages(HttpUrlSchema);
  const CaptionsSchema = z.union([HttpUrlSchema, CaptionFilesSchema]);

  const MediaSchema = z
    .strictObject({
      image: z.optional(HttpUrlSchema),
      video: z.optional(HttpUrlSchema),
      captions: z.optional(CaptionsSchema),
      alt: LocalizedTextSchema,
    })
    .check(exactlyOne('image', 'video'), requires('captions', 'video'));

  const RatingQuestionSchema = z.strictObject({ kind: oneOf(['rating']) });
  const NpsQuestionSchema = z.strictObject({ kind: oneOf(['nps']) });
  const ChoiceOptionSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });
  // Answers are reported by option id, so ids must be unique; one option would be no choice at all.
  const ChoiceQuestionSchema = z.strictObject({
    kind: oneOf(['choice']),
    options: z.array(ChoiceOptionSchema).check(minItems(2), uniqueIds),
  });
  // Bounded so that an answer always fits an event.
  const TextQuestionSchema = z.strictObject({
    kind: oneOf(['text']),
    maxLength: z.optional(numeric({ integer: true, minimum: 1, maximum: 5000 })),
  });

  const QuestionSchema = tagged('kind', QUESTION_KINDS, [
    RatingQuestionSchema,
    NpsQuestionSchema,
    ChoiceQuestionSchema,
    TextQuestionSchema,
  ]);

  return {
    HttpUrlSchema,
    CaptionFilesSchema,
    CaptionsSchema,
    MediaSchema,
    RatingQuestionSchema,
    NpsQuestionSchema,
    ChoiceOptionSchema,
    ChoiceQuestionSchema,
    TextQuestionSchema,
    QuestionSchema,
  };
});

type Schemas = ReturnType<typeof mediaSchemas>;
export type Captions = z.infer<Schemas['CaptionsSchema']>;
export type Media = z.infer<Schemas['MediaSchema']>;
export type Question = z.infer<Schemas['QuestionSchema']>;
