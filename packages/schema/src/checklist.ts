import { matches, nonEmptyList, oneOf } from './checks.ts';
import { guideBase, optionalText, uniqueIds } from './base.ts';
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

// Links the UI follows: http(s), mailto or relative, never `javascript:`. Whitespace and control characters are
// refused because URL parsers drop them (" java\tscript:" is still a script URL). Lowercase schemes only: JSON
// Schema patterns carry no `i` flag, and both validators must agree.
export const HREF_PATTERN = /^(?:(?:https?|mailto):|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\x00-\x1f\x7f]*$/;

export const ChecklistItemSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: optionalText,
  doneWhen: DoneWhenSchema,
  href: z.optional(NonEmptySchema.check(matches(HREF_PATTERN))),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const ChecklistGuideSchema = z.strictObject({
  ...guideBase,
  type: oneOf(['checklist']),
  items: z.array(ChecklistItemSchema).check(nonEmptyList, uniqueIds),
});
export type ChecklistGuide = z.infer<typeof ChecklistGuideSchema>;
