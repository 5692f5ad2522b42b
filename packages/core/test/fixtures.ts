// Small builders for guides: each test states only what matters to it.
import type { AnnouncementGuide, ChecklistGuide, ResourceCentreGuide, SurveyGuide, TooltipGuide, TourGuide } from '@compagnon/schema';
import type { ProgressRecord } from '../src/index.ts';

export const NOW = Date.UTC(2026, 10, 24, 9);
export const DAY = 86_400_000;

export const tour = (id: string, extra: Partial<TourGuide> = {}): TourGuide => ({
  id,
  type: 'tour',
  title: id,
  steps: [
    { id: 's1', title: 'One' },
    { id: 's2', title: 'Two', target: '#two', advance: { click: true } },
    { id: 's3', title: 'Three' },
  ],
  ...extra,
});

export const tooltip = (id: string, extra: Partial<TooltipGuide> = {}): TooltipGuide => ({
  id,
  type: 'tooltip',
  title: id,
  target: '#tip',
  ...extra,
});

export const checklist = (id: string, extra: Partial<ChecklistGuide> = {}): ChecklistGuide => ({
  id,
  type: 'checklist',
  title: id,
  items: [
    { id: 'tour', title: 'Tour', doneWhen: { guide: 'expense-tour' } },
    { id: 'profile', title: 'Profile', doneWhen: { url: '/profile' } },
    { id: 'save', title: 'Save', doneWhen: { click: '#save' } },
    { id: 'export', title: 'Export', doneWhen: { event: 'report-exported' } },
  ],
  ...extra,
});

export const announcement = (id: string, extra: Partial<AnnouncementGuide> = {}): AnnouncementGuide => ({
  id,
  type: 'announcement',
  title: id,
  ...extra,
});

export const survey = (id: string, extra: Partial<SurveyGuide> = {}): SurveyGuide => ({
  id,
  type: 'survey',
  title: id,
  question: { kind: 'rating' },
  ...extra,
});

export const centre = (id: string, extra: Partial<ResourceCentreGuide> = {}): ResourceCentreGuide => ({
  id,
  type: 'resource-centre',
  title: id,
  ...extra,
});

export const rec = (status: ProgressRecord['status'], extra: Partial<ProgressRecord> = {}): ProgressRecord => ({
  version: 1,
  status,
  startedAt: NOW - DAY,
  updatedAt: NOW - DAY,
  ...extra,
});
