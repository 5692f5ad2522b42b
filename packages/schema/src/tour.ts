import { BooleanSchema, nonEmptyList, numeric, oneOf } from './checks.ts';
import { guideBase, optionalText, PlacementSchema, uniqueIds } from './base.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

export const StepAdvanceSchema = z.strictObject({ click: z.optional(BooleanSchema) });

export const TourStepSchema = z.strictObject({
  id: IdSchema,
  title: LocalizedTextSchema,
  body: optionalText,
  target: z.optional(NonEmptySchema),
  placement: z.optional(PlacementSchema),
  advance: z.optional(StepAdvanceSchema),
  modal: z.optional(BooleanSchema),
  wait: z.optional(numeric({ integer: true, minimum: 0 })),
});
export type TourStep = z.infer<typeof TourStepSchema>;

export const TourGuideSchema = z.strictObject({
  ...guideBase,
  type: oneOf(['tour']),
  steps: z.array(TourStepSchema).check(nonEmptyList, uniqueIds),
});
export type TourGuide = z.infer<typeof TourGuideSchema>;

export const TooltipGuideSchema = z.strictObject({
  ...guideBase,
  type: oneOf(['tooltip']),
  target: NonEmptySchema,
  body: optionalText,
  placement: z.optional(PlacementSchema),
});
export type TooltipGuide = z.infer<typeof TooltipGuideSchema>;
