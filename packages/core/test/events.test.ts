import { describe, expect, it } from 'vitest';
import { type EventContext, type ReportEffect, makeEvent } from '../src/index.ts';
import { NOW } from './fixtures.ts';

const ctx: EventContext = { app: 'rh', user: 'u-1', session: 's-1', populations: ['managers'], url: '/expenses' };

describe('makeEvent', () => {
  it.each<[string, ReportEffect, EventContext, number | undefined, object]>([
    ['a step event with everything', { type: 'report', event: 'step_viewed', guide: 'g', step: 's1' }, ctx, 2,
      { id: 'e1', type: 'step_viewed', ts: '2026-11-24T09:00:00.000Z', app: 'rh', user: 'u-1', session: 's-1', guide: 'g', guideVersion: 2, step: 's1', populations: ['managers'], url: '/expenses' }],
    ['anonymous, no url, no version: fields omitted', { type: 'report', event: 'guide_started', guide: 'g' }, { app: 'rh', session: 's-1', populations: [] }, undefined,
      { id: 'e1', type: 'guide_started', ts: '2026-11-24T09:00:00.000Z', app: 'rh', session: 's-1', guide: 'g', populations: [] }],
    ['an item event with props', { type: 'report', event: 'guide_dismissed', guide: 'g', item: 'i', props: { reason: 'skip' } }, ctx, 1,
      { id: 'e1', type: 'guide_dismissed', ts: '2026-11-24T09:00:00.000Z', app: 'rh', user: 'u-1', session: 's-1', guide: 'g', guideVersion: 1, item: 'i', populations: ['managers'], url: '/expenses', props: { reason: 'skip' } }],
  ])('%s', (_name, report, context, version, expected) => {
    const event = makeEvent(report, context, version, 'e1', NOW);
    expect(event).toStrictEqual(expected);
  });

  it('copies the populations rather than sharing the array', () => {
    const populations = ['a'];
    const event = makeEvent({ type: 'report', event: 'opted_out', guide: 'g' }, { ...ctx, populations }, 1, 'e1', NOW);
    populations.push('b');
    expect(event.populations).toEqual(['a']);
  });
});
