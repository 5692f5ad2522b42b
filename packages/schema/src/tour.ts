import { BooleanSchema, nonEmptyList, numeric, oneOf } from './checks.ts';
import { guideBase, inOrder, optionalText, PlacementSchema, uniqueIds } from './base.ts';
import { MediaSchema, QuestionSchema } from './media.ts';
import { TargetSchema } from './target.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

// Besides the Next button; several may be given, the first to happen wins.
export const StepAdvanceSchema = z.strictObject({
  click: z.optional(BooleanSchema),
  event: z.optional(NonEmptySchema),
  url: z.optional(NonEmptySchema),
});
export type StepAdvance = z.infer<typeof StepAdvanceSchema>;

export const TourStepSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: optionalText,
  target: z.optional(TargetSchema),
  placement: z.optional(PlacementSchema),
  advance: z.optional(StepAdvanceSchema),
  modal: z.optional(BooleanSchema),
  wait: z.optional(numeric({ integer: true, minimum: 0 })),
  onMissing: z.optional(oneOf(['skip', 'pause'])),
  url: z.optional(NonEmptySchema),
  media: z.optional(MediaSchema),
  survey: z.optional(QuestionSchema),
});
export type TourStep = z.infer<typeof TourStepSchema>;

export const TourGuideSchema = z
  .strictObject({
    ...guideBase,
    type: oneOf(['tour']),
    steps: z.array(TourStepSchema).check(nonEmptyList, uniqueIds),
    skippable: z.optional(BooleanSchema),
  })
  .check(inOrder);
export type TourGuide = z.infer<typeof TourGuideSchema>;

export const TooltipGuideSchema = z
  .strictObject({
    ...guideBase,
    type: oneOf(['tooltip']),
    target: TargetSchema,
    body: optionalText,
    placement: z.optional(PlacementSchema),
  })
  .check(inOrder);
export type TooltipGuide = z.infer<typeof TooltipGuideSchema>;
