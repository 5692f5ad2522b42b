import { AnnouncementGuideSchema, SurveyGuideSchema } from './announcement.ts';
import { ResourceCentreGuideSchema } from './centre.ts';
import { ChecklistGuideSchema } from './checklist.ts';
import { TooltipGuideSchema, TourGuideSchema } from './tour.ts';
import { tagged } from './keyed.ts';
import type { z } from './z.ts';

export * from './announcement.ts';
export * from './base.ts';
export * from './centre.ts';
export * from './checklist.ts';
export * from './media.ts';
export * from './target.ts';
export * from './tour.ts';

export const GUIDE_TYPES = ['tour', 'tooltip', 'checklist', 'announcement', 'survey', 'resource-centre'] as const;

// Chosen by `type`, so a broken tour is reported by the tour schema, not as "no union member matched".
export const GuideSchema = tagged('type', GUIDE_TYPES, [
  TourGuideSchema,
  TooltipGuideSchema,
  ChecklistGuideSchema,
  AnnouncementGuideSchema,
  SurveyGuideSchema,
  ResourceCentreGuideSchema,
]);
export type Guide = z.infer<typeof GuideSchema>;
