import { readFileSync } from 'node:fs';

export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

export const tooltip = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'tooltip',
  title: 'Tip',
  target: '#x',
  ...extra,
});

export const tour = (id: string, steps: unknown[] = [{ id: 's1', title: 'Step' }], extra: Record<string, unknown> = {}) => ({
  id,
  type: 'tour',
  title: 'Tour',
  steps,
  ...extra,
});

export const checklist = (id: string, items: unknown[], extra: Record<string, unknown> = {}) => ({
  id,
  type: 'checklist',
  title: 'List',
  items,
  ...extra,
});

export const bundle = (guides: unknown[], populations?: Record<string, unknown>, settings?: unknown) => ({
  version: 1,
  ...(populations && { populations }),
  ...(settings !== undefined && { settings }),
  guides,
});

export const announcement = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'announcement', title: 'News', ...extra });

export const survey = (id: string, question: unknown, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'survey',
  title: 'Question?',
  question,
  ...extra,
});

export const centre = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'resource-centre', title: 'Help', ...extra });
