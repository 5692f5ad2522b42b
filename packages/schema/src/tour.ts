import { booleanSchema, nonEmptyList, numeric, oneOf } from './checks.ts';
import { baseSchemas } from './base.ts';
import { mediaSchemas } from './media.ts';
import { once } from './once.ts';
import { targetSchemas } from './target.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

// Built on first use (see once.ts).
export const tourSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const { guideBase, inOrder, optionalText, PlacementSchema, uniqueIds } = baseSchemas();
  const { MediaSchema, QuestionSchema } = mediaSchemas();
  const { TargetSchema } = targetSchemas();

  // Besides the Next button; several may be given, the first to happen wins.
  const StepAdvanceSchema = z.strictObject({
    click: z.optional(booleanSchema()),
    event: z.optional(NonEmptySchema),
    url: z.optional(NonEmptySchema),
  });

  const TourStepSchema = z.strictObject({
    id: IdSchema,
    title: LocalizedTextSchema,
    body: optionalText,
    target: z.optional(TargetSchema),
    placement: z.optional(PlacementSchema),
    advance: z.optional(StepAdvanceSchema),
    modal: z.optional(booleanSchema()),
    wait: z.optional(numeric({ integer: true, minimum: 0 })),
    onMissing: z.optional(oneOf(['skip', 'pause'])),
    url: z.optional(NonEmptySchema),
    media: z.optional(MediaSchema),
    survey: z.optional(QuestionSchema),
  });

  const TourGuideSchema = z
    .strictObject({
      ...guideBase,
      type: oneOf(['tour']),
      steps: z.array(TourStepSchema).check(nonEmptyList(), uniqueIds),
      skippable: z.optional(booleanSchema()),
    })
    .check(inOrder);

  const TooltipGuideSchema = z
    .strictObject({
      ...guideBase,
      type: oneOf(['tooltip']),
      target: TargetSchema,
      body: optionalText,
      placement: z.optional(PlacementSchema),
    })
    .check(inOrder);

  return { StepAdvanceSchema, TourStepSchema, TourGuideSchema, TooltipGuideSchema };
});

type Schemas = ReturnType<typeof tourSchemas>;
export type StepAdvance = z.infer<Schemas['StepAdvanceSchema']>;
export type TourStep = z.infer<Schemas['TourStepSchema']>;
export type TourGuide = z.infer<Schemas['TourGuideSchema']>;
export type TooltipGuide = z.infer<Schemas['TooltipGuideSchema']>;
