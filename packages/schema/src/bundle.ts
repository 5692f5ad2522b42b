import { numeric, oneOf } from './checks.ts';
import { guideSchemas } from './guide.ts';
import { once } from './once.ts';
import { ruleSchemas } from './rule.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

// Built on first use (see once.ts): what parseBundle needs.
export const bundleSchemas = once(() => {
  const { NonEmptySchema } = textSchemas();
  const count = z.optional(numeric({ integer: true, minimum: 0 }));

  /** The interruption budget: automatic tours, announcements and surveys only. Defaults (2, 3, 24) are the engine's. */
  const BudgetSchema = z.strictObject({ perSession: count, perDay: count });
  const SettingsSchema = z.strictObject({
    budget: z.optional(BudgetSchema),
    snoozeHours: z.optional(numeric({ integer: true, minimum: 1 })),
  });

  // `$schema` lets editors find compagnon.schema.json; it is accepted and otherwise ignored.
  const envelope = {
    $schema: z.optional(z.string()),
    version: oneOf([1]),
    app: z.optional(NonEmptySchema),
  };

  /** Only the envelope: populations, settings and guides are then parsed one by one, so one broken part spares the rest. */
  const EnvelopeSchema = z.strictObject({
    ...envelope,
    populations: z.optional(z.looseObject({})),
    settings: z.optional(z.unknown()),
    guides: z.array(z.unknown()),
  });

  return { BudgetSchema, SettingsSchema, envelope, EnvelopeSchema };
});

/**
 * The whole bundle, strictly: what the JSON Schema says. Cross-references are checked by `parseBundle`, which
 * does not use this schema (it checks part by part): a builder of its own, so the browser never builds it.
 */
export const wholeBundleSchema = once(() =>
  z.strictObject({
    ...bundleSchemas().envelope,
    populations: z._default(z.record(textSchemas().IdSchema, ruleSchemas().PopulationSchema), {}),
    settings: z.optional(bundleSchemas().SettingsSchema),
    guides: z.array(guideSchemas().GuideSchema),
  }),
);

export type Settings = z.infer<ReturnType<typeof bundleSchemas>['SettingsSchema']>;
export type Bundle = Omit<z.output<ReturnType<typeof wholeBundleSchema>>, '$schema'>;
