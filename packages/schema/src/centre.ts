import { matches, nonEmptyList, oneOf } from './checks.ts';
import { baseSchemas } from './base.ts';
import { CONTACT_PATTERN, PAGE_PATTERN } from './links.ts';
import { mediaSchemas } from './media.ts';
import { once } from './once.ts';
import { textSchemas } from './text.ts';
import { z } from './z.ts';

export const RESOURCE_KINDS = ['e-learning', 'video', 'webinar', 'faq', 'link'] as const;

// Built on first use (see once.ts).
export const centreSchemas = once(() => {
  const { IdSchema, LocalizedTextSchema, NonEmptySchema } = textSchemas();
  const { guideBase, inOrder, optionalText } = baseSchemas();
  const { HttpUrlSchema } = mediaSchemas();

  // Absent means everyone, as for a guide's audience; ids are checked against the bundle by `parseBundle`.
  const populations = z.optional(z.array(IdSchema).check(nonEmptyList()));

  const AmbassadorSchema = z.strictObject({
    name: NonEmptySchema,
    role: optionalText,
    contact: NonEmptySchema.check(matches(CONTACT_PATTERN)),
    photo: z.optional(HttpUrlSchema),
    populations,
  });

  const ResourceSchema = z.strictObject({
    title: LocalizedTextSchema,
    url: NonEmptySchema.check(matches(PAGE_PATTERN)),
    kind: oneOf(RESOURCE_KINDS),
    description: optionalText,
    populations,
  });

  const ResourceCentreGuideSchema = z
    .strictObject({
      ...guideBase,
      type: oneOf(['resource-centre']),
      body: optionalText,
      ambassadors: z.optional(z.array(AmbassadorSchema)),
      resources: z.optional(z.array(ResourceSchema)),
    })
    .check(inOrder);

  return { AmbassadorSchema, ResourceSchema, ResourceCentreGuideSchema };
});

type Schemas = ReturnType<typeof centreSchemas>;
export type Ambassador = z.infer<Schemas['AmbassadorSchema']>;
export type Resource = z.infer<Schemas['ResourceSchema']>;
export type ResourceCentreGuide = z.infer<Schemas['ResourceCentreGuideSchema']>;
