import { exactlyOne, matches, minItems, numeric, oneOf, requires } from './checks.ts';
import { uniqueIds } from './base.ts';
import { tagged } from './keyed.ts';
import { HTTP_PATTERN } from './links.ts';
import { IdSchema, languages, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

/** An absolute http(s) URL: what the UI loads (images, videos, photos). */
export const HttpUrlSchema = NonEmptySchema.check(matches(HTTP_PATTERN));

/** WebVTT captions of a video: one file, or one per language (each a track; the reader's language is shown). */
export const CaptionFilesSchema = languages(HttpUrlSchema);
export const CaptionsSchema = z.union([HttpUrlSchema, CaptionFilesSchema]);
export type Captions = z.infer<typeof CaptionsSchema>;

export const MediaSchema = z
  .strictObject({
    image: z.optional(HttpUrlSchema),
    video: z.optional(HttpUrlSchema),
    captions: z.optional(CaptionsSchema),
    alt: LocalizedTextSchema,
  })
  .check(exactlyOne('image', 'video'), requires('captions', 'video'));
export type Media = z.infer<typeof MediaSchema>;

export const RatingQuestionSchema = z.strictObject({ kind: oneOf(['rating']) });
export const NpsQuestionSchema = z.strictObject({ kind: oneOf(['nps']) });
export const ChoiceOptionSchema = z.strictObject({ id: IdSchema, label: LocalizedTextSchema });
// Answers are reported by option id, so ids must be unique; one option would be no choice at all.
export const ChoiceQuestionSchema = z.strictObject({
  kind: oneOf(['choice']),
  options: z.array(ChoiceOptionSchema).check(minItems(2), uniqueIds),
});
// Bounded so that an answer always fits an event.
export const TextQuestionSchema = z.strictObject({
  kind: oneOf(['text']),
  maxLength: z.optional(numeric({ integer: true, minimum: 1, maximum: 5000 })),
});

export const QUESTION_KINDS = ['rating', 'nps', 'choice', 'text'] as const;
export const QuestionSchema = tagged('kind', QUESTION_KINDS, [
  RatingQuestionSchema,
  NpsQuestionSchema,
  ChoiceQuestionSchema,
  TextQuestionSchema,
]);
export type Question = z.infer<typeof QuestionSchema>;
