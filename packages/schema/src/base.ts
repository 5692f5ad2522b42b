import { BooleanSchema, nonEmptyList, numeric, oneOf } from './checks.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

export const PLACEMENTS = [
  'top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end',
  'left', 'left-start', 'left-end', 'right', 'right-start', 'right-end',
] as const;
export const PlacementSchema = oneOf(PLACEMENTS);
export type Placement = z.infer<typeof PlacementSchema>;

export const TriggerSchema = z.strictObject({
  url: z.optional(z.union([NonEmptySchema, z.array(NonEmptySchema).check(nonEmptyList)])),
  manual: z.optional(BooleanSchema),
});
export type Trigger = z.infer<typeof TriggerSchema>;

export const optionalText = z.optional(LocalizedTextSchema);

/** Fields every guide kind has. `priority` defaults to 0 and `version` to 1, applied by the engine. */
export const guideBase = {
  id: IdSchema,
  title: LocalizedTextSchema,
  description: optionalText,
  // Absent means everyone; an empty list would mean no one, which is never what the author meant.
  audience: z.optional(z.array(IdSchema).check(nonEmptyList)),
  trigger: z.optional(TriggerSchema),
  priority: z.optional(numeric({ integer: true })),
  version: z.optional(numeric({ integer: true, minimum: 1 })),
};

// Steps and items are addressed by id in progress records and events, so ids must be unique within their guide.
// JSON Schema cannot say this (uniqueItems compares whole items): only zod checks it.
export const uniqueIds = z.check<{ id: string }[]>((p) => {
  const seen = new Set<string>();
  p.value.forEach(({ id }, i) => {
    if (seen.has(id)) p.issues.push({ code: 'custom', input: id, path: [i, 'id'], params: { m: 'dup', v: id } });
    seen.add(id);
  });
});
