import { matches, nonEmptyList, oneOf } from './checks.ts';
import { guideBase, inOrder, optionalText } from './base.ts';
import { CONTACT_PATTERN, PAGE_PATTERN } from './links.ts';
import { HttpUrlSchema } from './media.ts';
import { IdSchema, LocalizedTextSchema, NonEmptySchema } from './text.ts';
import { z } from './z.ts';

// Absent means everyone, as for a guide's audience; ids are checked against the bundle by `parseBundle`.
const populations = z.optional(z.array(IdSchema).check(nonEmptyList));

export const AmbassadorSchema = z.strictObject({
  name: NonEmptySchema,
  role: optionalText,
  contact: NonEmptySchema.check(matches(CONTACT_PATTERN)),
  photo: z.optional(HttpUrlSchema),
  populations,
});
export type Ambassador = z.infer<typeof AmbassadorSchema>;

export const RESOURCE_KINDS = ['e-learning', 'video', 'webinar', 'faq', 'link'] as const;

export const ResourceSchema = z.strictObject({
  title: LocalizedTextSchema,
  url: NonEmptySchema.check(matches(PAGE_PATTERN)),
  kind: oneOf(RESOURCE_KINDS),
  description: optionalText,
  populations,
});
export type Resource = z.infer<typeof ResourceSchema>;

export const ResourceCentreGuideSchema = z
  .strictObject({
    ...guideBase,
    type: oneOf(['resource-centre']),
    body: optionalText,
    ambassadors: z.optional(z.array(AmbassadorSchema)),
    resources: z.optional(z.array(ResourceSchema)),
  })
  .check(inOrder);
export type ResourceCentreGuide = z.infer<typeof ResourceCentreGuideSchema>;
