import { guideBase, optionalText, PlacementSchema, uniqueIds } from './base.ts';
import { IdSchema, IntSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

export const StepAdvanceSchema = z.strictObject({ click: z.optional(z.boolean()) });

export const TourStepSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: optionalText,
  target: z.optional(NonEmptySchema),
  placement: z.optional(PlacementSchema),
  advance: z.optional(StepAdvanceSchema),
  modal: z.optional(z.boolean()),
  wait: z.optional(IntSchema.check(z.minimum(0))),
});
export type TourStep = z.infer<typeof TourStepSchema>;

export const TourGuideSchema = z.strictObject({
  ...guideBase,
  type: z.literal('tour'),
  steps: z.array(TourStepSchema).check(z.minLength(1), uniqueIds),
});
export type TourGuide = z.infer<typeof TourGuideSchema>;

export const TooltipGuideSchema = z.strictObject({
  ...guideBase,
  type: z.literal('tooltip'),
  target: NonEmptySchema,
  body: optionalText,
  placement: z.optional(PlacementSchema),
});
export type TooltipGuide = z.infer<typeof TooltipGuideSchema>;
