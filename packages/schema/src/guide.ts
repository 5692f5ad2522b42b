import { announcementSchemas } from './announcement.ts';
import { centreSchemas } from './centre.ts';
import { checklistSchemas } from './checklist.ts';
import { tourSchemas } from './tour.ts';
import { tagged } from './keyed.ts';
import { once } from './once.ts';
import type { z } from './z.ts';

export * from './announcement.ts';
export * from './base.ts';
export * from './centre.ts';
export * from './checklist.ts';
export * from './media.ts';
export * from './target.ts';
export * from './tour.ts';

export const GUIDE_TYPES = ['tour', 'tooltip', 'checklist', 'announcement', 'survey', 'resource-centre'] as const;

// Built on first use (see once.ts). Chosen by `type`, so a broken tour is reported by the tour schema, not as "no
// union member matched".
export const guideSchemas = once(() => {
  const { TourGuideSchema, TooltipGuideSchema } = tourSchemas();
  const { AnnouncementGuideSchema, SurveyGuideSchema } = announcementSchemas();
  const GuideSchema = tagged('type', GUIDE_TYPES, [
    TourGuideSchema,
    TooltipGuideSchema,
    checklistSchemas().ChecklistGuideSchema,
    AnnouncementGuideSchema,
    SurveyGuideSchema,
    centreSchemas().ResourceCentreGuideSchema,
  ]);
  return { GuideSchema };
});

export type Guide = z.infer<ReturnType<typeof guideSchemas>['GuideSchema']>;
