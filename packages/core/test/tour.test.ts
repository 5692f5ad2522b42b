import { describe, expect, it } from 'vitest';
import { type Effect, type TourEvent, type TourState, tourStateFrom, tourStepMatchesUrl, tourTransition } from '../src/index.ts';
import { DAY, NOW, rec, tour } from './fixtures.ts';

const guide = tour('expense-tour', { version: 2 });
const T0 = NOW - 60_000;
const active = (step: number): TourState => ({ status: 'active', step, startedAt: T0 });
const saved = (status: 'active' | 'completed' | 'dismissed', step: number, startedAt = T0) => ({
  type: 'persist', guide: 'expense-tour', record: { version: 2, status, step, startedAt, updatedAt: NOW },
});
const show = (step: number): Effect => ({ type: 'show', guide: 'expense-tour', step });
const report = (event: string, extra: object = {}) => ({ type: 'report', event, guide: 'expense-tour', ...extra });
const close = { type: 'close', guide: 'expense-tour' };

type Case = [name: string, state: TourState, event: TourEvent, next: TourState, effects: unknown[]];

const cases: Case[] = [
  ['start from idle', { status: 'idle', step: 0 }, { type: 'start' }, { status: 'active', step: 0, startedAt: NOW },
    [saved('active', 0, NOW), report('guide_started'), show(0)]],
  ['start again after completion (manual start)', { status: 'completed', step: 2, startedAt: T0 }, { type: 'start' },
    { status: 'active', step: 0, startedAt: NOW }, [saved('active', 0, NOW), report('guide_started'), show(0)]],
  ['start while active does nothing', active(1), { type: 'start' }, active(1), []],
  ['next', active(0), { type: 'next' }, active(1),
    [saved('active', 1), report('step_completed', { step: 's1' }), show(1)]],
  ['next on the last step completes', active(2), { type: 'next' }, { ...active(2), status: 'completed' },
    [{ ...saved('completed', 2), record: { ...saved('completed', 2).record, completedAt: NOW } },
      report('step_completed', { step: 's3' }), report('guide_completed', { props: { durationMs: 60_000 } }), close]],
  ['back', active(2), { type: 'back' }, active(1), [saved('active', 1), show(1)]],
  ['back on the first step does nothing', active(0), { type: 'back' }, active(0), []],
  ['target clicked on a step that advances on click', active(1), { type: 'target_clicked' }, active(2),
    [saved('active', 2), report('step_completed', { step: 's2' }), show(2)]],
  ['target clicked on a step that does not', active(0), { type: 'target_clicked' }, active(0), []],
  ['dismiss', active(1), { type: 'dismiss', reason: 'escape' }, { ...active(1), status: 'dismissed' },
    [saved('dismissed', 1), report('guide_dismissed', { step: 's2', props: { reason: 'escape', step: 's2' } }), close]],
  ['resume', active(1), { type: 'resume', step: 1 }, active(1), [show(1)]],
  ['resume beyond the steps clamps and saves', active(7), { type: 'resume', step: 7 }, active(2),
    [saved('active', 2), show(2)]],
  ['resume below zero clamps', active(0), { type: 'resume', step: -3 }, active(0), [show(0)]],
  ['shown reports the step as viewed', active(1), { type: 'shown' }, active(1), [report('step_viewed', { step: 's2' })]],
  ['shown while idle does nothing', { status: 'idle', step: 0 }, { type: 'shown' }, { status: 'idle', step: 0 }, []],
  ['next when idle does nothing', { status: 'idle', step: 0 }, { type: 'next' }, { status: 'idle', step: 0 }, []],
  ['resume when idle does nothing', { status: 'idle', step: 0 }, { type: 'resume', step: 1 }, { status: 'idle', step: 0 }, []],
  ['dismiss when completed does nothing', { status: 'completed', step: 2 }, { type: 'dismiss', reason: 'close' }, { status: 'completed', step: 2 }, []],
  ['back when dismissed does nothing', { status: 'dismissed', step: 2 }, { type: 'back' }, { status: 'dismissed', step: 2 }, []],
];

describe('tourTransition', () => {
  it.each(cases)('%s', (_name, state, event, next, effects) => {
    expect(tourTransition(guide, state, event, NOW)).toEqual({ state: next, effects });
  });

  it.each(cases)('persists before reporting: %s', (_name, state, event) => {
    const types = tourTransition(guide, state, event, NOW).effects.map((e) => e.type);
    const lastPersist = types.lastIndexOf('persist');
    expect(lastPersist === -1 || lastPersist < types.indexOf('report') || !types.includes('report')).toBe(true);
  });

  it('does not mutate the state it is given', () => {
    const state = active(0);
    tourTransition(guide, state, { type: 'next' }, NOW);
    expect(state).toEqual(active(0));
  });

  it('omits durationMs when the start time is unknown', () => {
    const { effects } = tourTransition(guide, { status: 'active', step: 2 }, { type: 'next' }, NOW);
    expect(effects.find((e) => e.type === 'report' && e.event === 'guide_completed')).toEqual(report('guide_completed'));
  });

  it('runs a whole tour from start to completion', () => {
    let state: TourState = { status: 'idle', step: 0 };
    const events: string[] = [];
    // The sdk says `shown` once each step is on screen.
    for (const event of [{ type: 'start' }, { type: 'shown' }, { type: 'next' }, { type: 'shown' }, { type: 'target_clicked' },
      { type: 'shown' }, { type: 'next' }] as TourEvent[]) {
      const t = tourTransition(guide, state, event, NOW);
      state = t.state;
      for (const e of t.effects) if (e.type === 'report') events.push(e.event);
    }
    expect(state.status).toBe('completed');
    expect(events).toEqual(['guide_started', 'step_viewed', 'step_completed', 'step_viewed', 'step_completed', 'step_viewed', 'step_completed', 'guide_completed']);
  });
});

describe('tourStateFrom', () => {
  it.each([
    ['no record: idle', undefined, { status: 'idle', step: 0 }],
    ['in progress', rec('active', { step: 2 }), { status: 'active', step: 2, startedAt: NOW - DAY }],
    ['dismissed without a step', rec('dismissed'), { status: 'dismissed', step: 0, startedAt: NOW - DAY }],
  ])('%s', (_name, record, expected) => {
    expect(tourStateFrom(record)).toEqual(expected);
  });
});

describe('tourTransition: skip, surveys, advance on events and urls, missing targets', () => {
  const rich = tour('expense-tour', {
    version: 2,
    steps: [
      { id: 's1', title: 'One', survey: { kind: 'nps' } },
      { id: 's2', title: 'Two', target: '#two', advance: { event: 'report-exported' }, onMissing: 'skip' },
      { id: 's3', title: 'Three', target: '#three', url: '/reports', advance: { url: '/reports/*' } },
    ],
  });
  const fixed = { ...rich, skippable: false };
  const at = (pathname: string) => ({ pathname, search: '' });
  const next = (from: number) => [saved('active', from + 1), report('step_completed', { step: `s${from + 1}` }), show(from + 1)];
  const notFound = (step: string) => report('target_not_found', { step, props: { tried: ['#x'], waitedMs: 5000 } });

  it.each<[name: string, guide: typeof rich, state: TourState, event: TourEvent, next: TourState, effects: unknown[]]>([
    ['skip dismisses with reason skip', rich, active(1), { type: 'skip' }, { ...active(1), status: 'dismissed' },
      [saved('dismissed', 1), report('guide_dismissed', { step: 's2', props: { reason: 'skip', step: 's2' } }), close]],
    ['skip on a tour that is not skippable does nothing', fixed, active(1), { type: 'skip' }, active(1), []],
    ['dismiss still works on a tour that is not skippable', fixed, active(1), { type: 'dismiss', reason: 'close' },
      { ...active(1), status: 'dismissed' },
      [saved('dismissed', 1), report('guide_dismissed', { step: 's2', props: { reason: 'close', step: 's2' } }), close]],
    ['an answer on a survey step reports it, then moves on', rich, active(0), { type: 'answer', value: 9 }, active(1),
      [saved('active', 1), report('survey_answered', { step: 's1', props: { kind: 'nps', value: 9 } }), ...next(0).slice(1)]],
    ['an answer out of range does nothing', rich, active(0), { type: 'answer', value: 11 }, active(0), []],
    ['an answer on a step without survey does nothing', rich, active(1), { type: 'answer', value: 3 }, active(1), []],
    ['the advance event moves on', rich, active(1), { type: 'event', name: 'report-exported' }, active(2), next(1)],
    ['another event does nothing', rich, active(1), { type: 'event', name: 'expense-saved' }, active(1), []],
    ['an event on a step without advance.event does nothing', rich, active(0), { type: 'event', name: 'report-exported' }, active(0), []],
    ['reaching the advance url completes the last step', rich, active(2), { type: 'url', url: at('/reports/42') },
      { ...active(2), status: 'completed' },
      [{ ...saved('completed', 2), record: { ...saved('completed', 2).record, completedAt: NOW } },
        report('step_completed', { step: 's3' }), report('guide_completed', { props: { durationMs: 60_000 } }), close]],
    ['another url does nothing', rich, active(2), { type: 'url', url: at('/reports') }, active(2), []],
    ['a missing target with onMissing skip reports, then shows the next step', rich, active(1),
      { type: 'missing', props: { tried: ['#x'], waitedMs: 5000 } }, active(2),
      [saved('active', 2), notFound('s2'), show(2)]],
    ['a missing target pauses by default: reported, the step kept', rich, active(2),
      { type: 'missing', props: { tried: ['#x'], waitedMs: 5000 } }, active(2), [notFound('s3')]],
    ['a missing target on the last step with onMissing skip completes', tour('expense-tour', { version: 2, steps: [{ id: 's1', title: 'One', onMissing: 'skip' }] }),
      active(0), { type: 'missing', props: { tried: ['#x'], waitedMs: 5000 } }, { ...active(0), status: 'completed' },
      [{ ...saved('completed', 0), record: { ...saved('completed', 0).record, completedAt: NOW } }, notFound('s1'),
        report('guide_completed', { props: { durationMs: 60_000 } }), close]],
    ['skip when idle does nothing', rich, { status: 'idle', step: 0 }, { type: 'skip' }, { status: 'idle', step: 0 }, []],
    ['missing when completed does nothing', rich, { status: 'completed', step: 1 }, { type: 'missing' }, { status: 'completed', step: 1 }, []],
  ])('%s', (_name, g, state, event, nextState, effects) => {
    const t = tourTransition(g, state, event, NOW);
    expect(t).toEqual({ state: nextState, effects });
    const types = t.effects.map((e) => e.type);
    expect(types.includes('persist') ? types.indexOf('persist') : -1).toBeLessThanOrEqual(0);
  });
});

describe('tourStepMatchesUrl', () => {
  it.each([
    ['no url: every page', { id: 's', title: 'S' }, '/anything', true],
    ['the page of the step', { id: 's', title: 'S', url: '/reports/*' }, '/reports/42', true],
    ['another page', { id: 's', title: 'S', url: '/reports/*' }, '/expenses', false],
    ['no step (out of range)', undefined, '/anything', true],
  ])('%s', (_name, step, pathname, expected) => {
    expect(tourStepMatchesUrl(step, { pathname, search: '' })).toBe(expected);
  });
});
