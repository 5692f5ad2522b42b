import { booleanSchema, nonEmptyList, numeric, oneOf, refine } from './checks.ts';
import { DATE_PATTERN } from './links.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

export const PLACEMENTS = [
  'top', 'top-start', 'top-end', 'bottom', 'bottom-start', 'bottom-end',
  'left', 'left-start', 'left-end', 'right', 'right-start', 'right-end',
] as const;

// The pattern says the shape (both validators); only zod also refuses days a month lacks (`2026-02-30`), which
// Date.parse would silently roll over into March. A date alone parses as UTC, so its round trip is exact.
const isDate = (v: string) => DATE_PATTERN.test(v) && new Date(v.slice(0, 10)).toISOString().startsWith(v.slice(0, 10));

// A campaign that ends before it starts is never offered: surely a typo. JSON Schema cannot compare two fields.
// A date alone is compared as local midnight, like a date-time without offset, so that the verdict on
// `2026-03-01` against `2026-03-01T00:30` does not depend on the time zone of the machine that validates.
const time = (v: string) => Date.parse(v.length > 10 ? v : `${v}T00:00`);

// Built on first use (see once.ts).
export const baseSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const PlacementSchema = oneOf(PLACEMENTS);

  // Every condition present must hold; `delay` then counts from the moment they all do.
  const TriggerSchema = z.strictObject({
    url: z.optional(z.union([NonEmptySchema, z.array(NonEmptySchema).check(nonEmptyList())])),
    manual: z.optional(booleanSchema()),
    element: z.optional(NonEmptySchema),
    event: z.optional(NonEmptySchema),
    delay: z.optional(numeric({ integer: true, minimum: 0 })),
  });

  const optionalText = z.optional(LocalizedTextSchema);

  const DateSchema = z.string().check(refine(isDate, 'date', { pattern: DATE_PATTERN.source }));

  /** Fields every guide kind has. `priority` defaults to 0 and `version` to 1, applied by the engine. */
  const guideBase = {
    id: IdSchema,
    title: LocalizedTextSchema,
    description: optionalText,
    // Absent means everyone; an empty list would mean no one, which is never what the author meant.
    audience: z.optional(z.array(IdSchema).check(nonEmptyList())),
    trigger: z.optional(TriggerSchema),
    priority: z.optional(numeric({ integer: true })),
    version: z.optional(numeric({ integer: true, minimum: 1 })),
    startAt: z.optional(DateSchema),
    endAt: z.optional(DateSchema),
  };

  /** endAt not before startAt (see `time`). */
  const inOrder = z.check<{ startAt?: string; endAt?: string }>((p) => {
    const { startAt, endAt } = p.value;
    if (startAt && endAt && time(endAt) < time(startAt)) {
      p.issues.push({ code: 'custom', input: endAt, path: ['endAt'], params: { m: 'order' } });
    }
  });

  // Steps and items are addressed by id in progress records and events, so ids must be unique within their guide.
  // JSON Schema cannot say this (uniqueItems compares whole items): only zod checks it.
  const uniqueIds = z.check<{ id: string }[]>((p) => {
    const seen = new Set<string>();
    p.value.forEach(({ id }, i) => {
      if (seen.has(id)) p.issues.push({ code: 'custom', input: id, path: [i, 'id'], params: { m: 'dup', v: id } });
      seen.add(id);
    });
  });

  return { PlacementSchema, TriggerSchema, optionalText, DateSchema, guideBase, inOrder, uniqueIds };
});

type Schemas = ReturnType<typeof baseSchemas>;
export type Placement = z.infer<Schemas['PlacementSchema']>;
export type Trigger = z.infer<Schemas['TriggerSchema']>;
