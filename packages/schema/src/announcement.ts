import { exactlyOne, matches, oneOf } from './checks.ts';
import { baseSchemas } from './base.ts';
import { HREF_PATTERN } from './links.ts';
import { mediaSchemas } from './media.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

// Built on first use (see once.ts).
export const announcementSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const { guideBase, inOrder, optionalText } = baseSchemas();
  const { MediaSchema, QuestionSchema } = mediaSchemas();

  /** The announcement's button: follows a link or starts another guide of the bundle (checked by `parseBundle`). */
  const AnnouncementActionSchema = z
    .strictObject({
      label: LocalizedTextSchema,
      href: z.optional(NonEmptySchema.check(matches(HREF_PATTERN))),
      guide: z.optional(IdSchema),
    })
    .check(exactlyOne('href', 'guide'));

  const AnnouncementGuideSchema = z
    .strictObject({
      ...guideBase,
      type: oneOf(['announcement']),
      display: z.optional(oneOf(['modal', 'banner'])),
      body: optionalText,
      media: z.optional(MediaSchema),
      action: z.optional(AnnouncementActionSchema),
    })
    .check(inOrder);

  // The guide's title is the question.
  const SurveyGuideSchema = z
    .strictObject({ ...guideBase, type: oneOf(['survey']), body: optionalText, question: QuestionSchema })
    .check(inOrder);

  return { AnnouncementActionSchema, AnnouncementGuideSchema, SurveyGuideSchema };
});

type Schemas = ReturnType<typeof announcementSchemas>;
export type AnnouncementGuide = z.infer<Schemas['AnnouncementGuideSchema']>;
export type SurveyGuide = z.infer<Schemas['SurveyGuideSchema']>;
