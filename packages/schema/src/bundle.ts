import { oneOf } from './checks.ts';
import { GuideSchema } from './guide.ts';
import { PopulationSchema } from './rule.ts';
import { IdSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

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
  guides: z.array(GuideSchema),
});

export type Bundle = Omit<z.output<typeof BundleSchema>, '$schema'>;

/** Only the envelope: populations and guides are then parsed one by one, so one broken guide spares the rest. */
export const EnvelopeSchema = z.strictObject({
  ...envelope,
  populations: z.optional(z.looseObject({})),
  guides: z.array(z.unknown()),
});
