import type { Question } from '@compagnon/schema';
import { describe, expect, it } from 'vitest';
import {
  type AnnouncementEvent, type ProgressRecord, type SurveyEvent, announcementTransition, snooze, surveyTransition, validAnswer,
} from '../src/index.ts';
import { DAY, NOW, announcement, rec, survey, tour } from './fixtures.ts';

const labels = (effects: { type: string; event?: string }[]) => effects.map((e) => (e.type === 'report' ? `report:${e.event}` : e.type));
const started = { version: 1, status: 'active', startedAt: NOW - DAY, updatedAt: NOW - DAY } as const;
const end = (status: 'completed' | 'dismissed', extra: Partial<ProgressRecord> = {}): ProgressRecord => ({
  ...started, status, updatedAt: NOW, ...(status === 'completed' ? { completedAt: NOW } : {}), ...extra,
});
const fresh = { version: 1, status: 'active', startedAt: NOW, updatedAt: NOW } as const;

type Case<E> = [name: string, record: ProgressRecord | undefined, event: E, next: ProgressRecord | undefined, effects: string[]];

describe('announcementTransition', () => {
  const withAction = announcement('news', { action: { label: 'See', href: '/new' } });
  const plain = announcement('news');
  it.each<[...Case<AnnouncementEvent>, guide?: typeof plain]>([
    ['show for the first time', undefined, { type: 'show' }, fresh, ['persist', 'report:guide_started']],
    ['show again while active: a resume, nothing saved', started, { type: 'show' }, started, []],
    ['show after an older version was finished starts over', rec('completed', { version: 0 }), { type: 'show' }, fresh, ['persist', 'report:guide_started']],
    ['the action completes', started, { type: 'action' }, end('completed'), ['persist', 'report:guide_completed', 'close']],
    ['closing with an action left undone dismisses', started, { type: 'dismiss', reason: 'escape' }, end('dismissed'),
      ['persist', 'report:guide_dismissed', 'close']],
    ['closing an announcement without action completes it', started, { type: 'dismiss', reason: 'close' }, end('completed'),
      ['persist', 'report:guide_completed', 'close'], plain],
    ['nothing once completed', rec('completed'), { type: 'action' }, rec('completed'), []],
    ['nothing once dismissed', rec('dismissed'), { type: 'show' }, rec('dismissed'), []],
  ])('%s', (_name, record, event, next, effects, guide = withAction) => {
    const t = announcementTransition(guide, record, event, NOW);
    expect([t.record, labels(t.effects)]).toEqual([next, effects]);
  });

  it('reports the dismiss reason and persists the record it returns', () => {
    const t = announcementTransition(withAction, started, { type: 'dismiss', reason: 'escape' }, NOW);
    expect(t.effects.slice(0, 2)).toEqual([
      { type: 'persist', guide: 'news', record: t.record },
      { type: 'report', event: 'guide_dismissed', guide: 'news', props: { reason: 'escape' } },
    ]);
  });
});

describe('surveyTransition', () => {
  const rating = survey('pulse');
  const choice = survey('pulse', { question: { kind: 'choice', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } });
  it.each<[...Case<SurveyEvent>, guide?: typeof rating]>([
    ['show', undefined, { type: 'show' }, fresh, ['persist', 'report:guide_started']],
    ['a rating is saved, reported, and completes', started, { type: 'answer', value: 4 }, end('completed', { answer: 4 }),
      ['persist', 'report:survey_answered', 'report:guide_completed', 'close']],
    ['an answer without show completes too', undefined, { type: 'answer', value: 5 },
      { ...fresh, status: 'completed', completedAt: NOW, answer: 5 }, ['persist', 'report:survey_answered', 'report:guide_completed', 'close']],
    ['an invalid rating does nothing', started, { type: 'answer', value: 6 }, started, []],
    ['a choice by option id', started, { type: 'answer', value: 'b' }, end('completed', { answer: 'b' }),
      ['persist', 'report:survey_answered', 'report:guide_completed', 'close'], choice],
    ['an unknown option does nothing', started, { type: 'answer', value: 'c' }, started, [], choice],
    ['dismiss', started, { type: 'dismiss', reason: 'close' }, end('dismissed'), ['persist', 'report:guide_dismissed', 'close']],
    ['no second answer', rec('completed', { answer: 3 }), { type: 'answer', value: 4 }, rec('completed', { answer: 3 }), []],
  ])('%s', (_name, record, event, next, effects, guide = rating) => {
    const t = surveyTransition(guide, record, event, NOW);
    expect([t.record, labels(t.effects)]).toEqual([next, effects]);
  });

  it('reports the kind and value', () => {
    const t = surveyTransition(rating, started, { type: 'answer', value: 2 }, NOW);
    expect(t.effects[1]).toEqual({ type: 'report', event: 'survey_answered', guide: 'pulse', props: { kind: 'rating', value: 2 } });
  });
});

describe('validAnswer', () => {
  const choice: Question = { kind: 'choice', options: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] };
  it.each<[name: string, question: Question, value: unknown, expected: boolean]>([
    ['rating 1', { kind: 'rating' }, 1, true],
    ['rating 5', { kind: 'rating' }, 5, true],
    ['rating 0', { kind: 'rating' }, 0, false],
    ['rating 6', { kind: 'rating' }, 6, false],
    ['rating 2.5', { kind: 'rating' }, 2.5, false],
    ['rating as a string', { kind: 'rating' }, '3', false],
    ['nps 0', { kind: 'nps' }, 0, true],
    ['nps 10', { kind: 'nps' }, 10, true],
    ['nps 11', { kind: 'nps' }, 11, false],
    ['nps -1', { kind: 'nps' }, -1, false],
    ['choice: an option id', choice, 'no', true],
    ['choice: a label is not an id', choice, 'No', false],
    ['text', { kind: 'text' }, 'Too many clicks', true],
    ['text: blank', { kind: 'text' }, '   ', false],
    ['text: default limit 500', { kind: 'text' }, 'x'.repeat(501), false],
    ['text: its own limit', { kind: 'text', maxLength: 10 }, 'x'.repeat(10), true],
    ['text: over its own limit', { kind: 'text', maxLength: 10 }, 'x'.repeat(11), false],
    ['text: a number', { kind: 'text' }, 3, false],
  ])('%s', (_name, question, value, expected) => {
    expect(validAnswer(question, value)).toBe(expected);
  });
});

describe('snooze', () => {
  const t = tour('expense-tour');
  it.each<[name: string, record: ProgressRecord | undefined, hours: number | undefined, expected: ProgressRecord]>([
    ['an active tour keeps its step and start', rec('active', { step: 2 }), undefined,
      { ...rec('active', { step: 2 }), updatedAt: NOW, snoozedUntil: NOW + DAY }],
    ['a guide never saved', undefined, undefined, { version: 1, status: 'active', step: undefined, startedAt: NOW, updatedAt: NOW, snoozedUntil: NOW + DAY }],
    ['for the bundle setting', rec('active'), 2, { ...rec('active'), updatedAt: NOW, snoozedUntil: NOW + 2 * 3_600_000 }],
  ])('%s', (_name, record, hours, expected) => {
    expect(snooze(t, record, NOW, hours)).toEqual({
      record: expected,
      effects: [{ type: 'persist', guide: 'expense-tour', record: expected }, { type: 'close', guide: 'expense-tour' }],
    });
  });
});
