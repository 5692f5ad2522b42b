import { matches, nonEmptyList, oneOf } from './checks.ts';
import { baseSchemas } from './base.ts';
import { HREF_PATTERN } from './links.ts';
import { keyed } from './keyed.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

// Built on first use (see once.ts).
export const checklistSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const { guideBase, inOrder, optionalText, uniqueIds } = baseSchemas();

  const DoneGuideSchema = z.strictObject({ guide: IdSchema });
  const DoneUrlSchema = z.strictObject({ url: NonEmptySchema });
  const DoneClickSchema = z.strictObject({ click: NonEmptySchema });
  const DoneEventSchema = z.strictObject({ event: NonEmptySchema });

  const DoneWhenSchema = keyed(
    ['guide', 'url', 'click', 'event'],
    [DoneGuideSchema, DoneUrlSchema, DoneClickSchema, DoneEventSchema],
  );

  const ChecklistItemSchema = z.strictObject({
    id: IdSchema,
    title: LocalizedTextSchema,
    body: optionalText,
    doneWhen: DoneWhenSchema,
    href: z.optional(NonEmptySchema.check(matches(HREF_PATTERN))),
  });

  const ChecklistGuideSchema = z
    .strictObject({
      ...guideBase,
      type: oneOf(['checklist']),
      items: z.array(ChecklistItemSchema).check(nonEmptyList(), uniqueIds),
    })
    .check(inOrder);

  return {
    DoneGuideSchema,
    DoneUrlSchema,
    DoneClickSchema,
    DoneEventSchema,
    DoneWhenSchema,
    ChecklistItemSchema,
    ChecklistGuideSchema,
  };
});

type Schemas = ReturnType<typeof checklistSchemas>;
export type DoneWhen = z.infer<Schemas['DoneWhenSchema']>;
export type ChecklistItem = z.infer<Schemas['ChecklistItemSchema']>;
export type ChecklistGuide = z.infer<Schemas['ChecklistGuideSchema']>;
