import { matches, nonEmptyList, oneOf } from './checks.ts';
import { guideBase, inOrder, optionalText, uniqueIds } from './base.ts';
import { HREF_PATTERN } from './links.ts';
import { keyed } from './keyed.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

export const DoneGuideSchema = z.strictObject({ guide: IdSchema });
export const DoneUrlSchema = z.strictObject({ url: NonEmptySchema });
export const DoneClickSchema = z.strictObject({ click: NonEmptySchema });
export const DoneEventSchema = z.strictObject({ event: NonEmptySchema });

export const DoneWhenSchema = keyed(
  ['guide', 'url', 'click', 'event'],
  [DoneGuideSchema, DoneUrlSchema, DoneClickSchema, DoneEventSchema],
);
export type DoneWhen = z.infer<typeof DoneWhenSchema>;

export const ChecklistItemSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: optionalText,
  doneWhen: DoneWhenSchema,
  href: z.optional(NonEmptySchema.check(matches(HREF_PATTERN))),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistGuideSchema = z
  .strictObject({
    ...guideBase,
    type: oneOf(['checklist']),
    items: z.array(ChecklistItemSchema).check(nonEmptyList, uniqueIds),
  })
  .check(inOrder);
export type ChecklistGuide = z.infer<typeof ChecklistGuideSchema>;
