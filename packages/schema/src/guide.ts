import { ChecklistGuideSchema } from './checklist.ts';
import { TooltipGuideSchema, TourGuideSchema } from './tour.ts';
import { z } from './z.ts';

export * from './base.ts';
export * from './checklist.ts';
export * from './tour.ts';

// Discriminated on `type`, so a broken tour is reported by the tour schema, not as "no union member matched".
export const GuideSchema = z.discriminatedUnion('type', [TourGuideSchema, TooltipGuideSchema, ChecklistGuideSchema]);
export type Guide = z.infer<typeof GuideSchema>;
