import { exactlyOne, matches, oneOf } from './checks.ts';
import { guideBase, inOrder, optionalText } from './base.ts';
import { HREF_PATTERN } from './links.ts';
import { MediaSchema, QuestionSchema } from './media.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

/** The announcement's button: follows a link or starts another guide of the bundle (checked by `parseBundle`). */
export const AnnouncementActionSchema = z
  .strictObject({
    label: LocalizedTextSchema,
    href: z.optional(NonEmptySchema.check(matches(HREF_PATTERN))),
    guide: z.optional(IdSchema),
  })
  .check(exactlyOne('href', 'guide'));

export const AnnouncementGuideSchema = z
  .strictObject({
    ...guideBase,
    type: oneOf(['announcement']),
    display: z.optional(oneOf(['modal', 'banner'])),
    body: optionalText,
    media: z.optional(MediaSchema),
    action: z.optional(AnnouncementActionSchema),
  })
  .check(inOrder);
export type AnnouncementGuide = z.infer<typeof AnnouncementGuideSchema>;

// The guide's title is the question.
export const SurveyGuideSchema = z
  .strictObject({ ...guideBase, type: oneOf(['survey']), body: optionalText, question: QuestionSchema })
  .check(inOrder);
export type SurveyGuide = z.infer<typeof SurveyGuideSchema>;
