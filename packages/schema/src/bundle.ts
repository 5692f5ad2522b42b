import { numeric, oneOf } from './checks.ts';
import { GuideSchema } from './guide.ts';
import { PopulationSchema } from './rule.ts';
import { IdSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

const count = z.optional(numeric({ integer: true, minimum: 0 }));

/** The interruption budget: automatic tours, announcements and surveys only. Defaults (2, 3, 24) are the engine's. */
export const BudgetSchema = z.strictObject({ perSession: count, perDay: count });
export const SettingsSchema = z.strictObject({
  budget: z.optional(BudgetSchema),
  snoozeHours: z.optional(numeric({ integer: true, minimum: 1 })),
});
export type Settings = z.infer<typeof SettingsSchema>;

// `$schema` lets editors find compagnon.schema.json; it is accepted and otherwise ignored.
const envelope = {
  $schema: z.optional(z.string()),
  version: oneOf([1]),
  app: z.optional(NonEmptySchema),
};

/** The whole bundle, strictly: what the JSON Schema says. Cross-references are checked by `parseBundle`. */
export const BundleSchema = z.strictObject({
  ...envelope,
  populations: z._default(z.record(IdSchema, PopulationSchema), {}),
  settings: z.optional(SettingsSchema),
  guides: z.array(GuideSchema),
});

export type Bundle = Omit<z.output<typeof BundleSchema>, '$schema'>;

/** Only the envelope: populations, settings and guides are then parsed one by one, so one broken part spares the rest. */
export const EnvelopeSchema = z.strictObject({
  ...envelope,
  populations: z.optional(z.looseObject({})),
  settings: z.optional(z.unknown()),
  guides: z.array(z.unknown()),
});
