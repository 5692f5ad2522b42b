import { describe, expect, it } from 'vitest';
import { parseBundle } from '../src/index.ts';
import { announcement, bundle, centre, checklist, fixture, tooltip, tour } from './helpers.ts';

const pops = { managers: { when: { attr: 'isManager', eq: true } }, broken: { when: { rollout: 200 } } };
const item = (id: string, doneWhen: unknown) => ({ id, title: id, doneWhen });

describe('one broken guide never stops the others', () => {
  it('keeps every valid guide of the intranet example around broken ones, in order', () => {
    const good = fixture('intranet.json') as { guides: unknown[] };
    const guides = [tooltip('bad-1', { target: 1 }), ...good.guides.slice(0, 2), tour('bad-2', []), ...good.guides.slice(2)];
    const { bundle: out, errors } = parseBundle({ ...good, guides });
    expect(out.guides.map((g) => g.id)).toEqual(['expense-tour', 'export-tip', 'welcome-back', 'onboarding']);
    expect(errors.map((e) => [e.path, e.guide])).toEqual([
      ['guides[0].target', 'bad-1'],
      ['guides[3].steps', 'bad-2'],
    ]);
  });

  it('drops a broken population, and then the guides aimed at it, but keeps the rest', () => {
    const { bundle: out, errors } = parseBundle(
      bundle([tooltip('for-broken', { audience: ['managers', 'broken'] }), tooltip('for-managers', { audience: ['managers'] })], pops),
    );
    expect(Object.keys(out.populations)).toEqual(['managers']);
    expect(out.guides.map((g) => g.id)).toEqual(['for-managers']);
    expect(errors).toEqual([
      { path: 'populations.broken.when.rollout', message: { en: 'at most 100', fr: 'au plus 100' } },
      {
        path: 'guides[0].audience[1]',
        guide: 'for-broken',
        message: { en: 'unknown or invalid population "broken"', fr: 'population « broken » inconnue ou invalide' },
      },
    ]);
  });
});

const cases: { name: string; guides: unknown[]; kept: string[]; errors: [path: string, guide: string, en: string][] }[] = [
  {
    name: 'duplicate guide id: the later one is dropped',
    guides: [tooltip('a'), tooltip('b'), tour('a')],
    kept: ['a', 'b'],
    errors: [['guides[2].id', 'a', 'duplicate id "a"']],
  },
  {
    name: 'unknown population in audience',
    guides: [tooltip('a', { audience: ['managers', 'nobody'] })],
    kept: [],
    errors: [['guides[0].audience[1]', 'a', 'unknown or invalid population "nobody"']],
  },
  {
    name: 'a population id inherited from Object.prototype is still unknown',
    guides: [tooltip('a', { audience: ['constructor'] })],
    kept: [],
    errors: [['guides[0].audience[0]', 'a', 'unknown or invalid population "constructor"']],
  },
  {
    name: 'checklist waiting for an unknown guide',
    guides: [tooltip('t'), checklist('c', [item('ok', { guide: 't' }), item('ko', { guide: 'ghost' })])],
    kept: ['t'],
    errors: [['guides[1].items[1].doneWhen.guide', 'c', 'unknown or invalid guide "ghost"']],
  },
  {
    name: 'checklist waiting for a guide that was dropped',
    guides: [tour('t', []), checklist('c', [item('i', { guide: 't' })])],
    kept: [],
    errors: [
      ['guides[0].steps', 't', 'must not be empty'],
      ['guides[1].items[0].doneWhen.guide', 'c', 'unknown or invalid guide "t"'],
    ],
  },
  {
    name: 'a checklist orphaned by a dropped checklist is dropped too',
    guides: [checklist('outer', [item('i', { guide: 'inner' })]), checklist('inner', [item('j', { guide: 'ghost' })]), tooltip('t')],
    kept: ['t'],
    errors: [
      ['guides[0].items[0].doneWhen.guide', 'outer', 'unknown or invalid guide "inner"'],
      ['guides[1].items[0].doneWhen.guide', 'inner', 'unknown or invalid guide "ghost"'],
    ],
  },
  {
    name: 'ambassador shown to an unknown population',
    guides: [centre('h', { ambassadors: [{ name: 'A', contact: 'tel:+331', populations: ['managers'] }, { name: 'B', contact: 'tel:+332', populations: ['ghost'] }] })],
    kept: [],
    errors: [['guides[0].ambassadors[1].populations[0]', 'h', 'unknown or invalid population "ghost"']],
  },
  {
    name: 'resource shown to a population that was dropped',
    guides: [centre('h', { resources: [{ title: 'R', url: '/r', kind: 'faq', populations: ['managers', 'broken'] }] })],
    kept: [],
    errors: [['guides[0].resources[0].populations[1]', 'h', 'unknown or invalid population "broken"']],
  },
  {
    name: 'the audience is checked before the ambassadors',
    guides: [centre('h', { audience: ['nobody'], ambassadors: [{ name: 'A', contact: 'tel:+331', populations: ['ghost'] }] })],
    kept: [],
    errors: [['guides[0].audience[0]', 'h', 'unknown or invalid population "nobody"']],
  },
  {
    name: 'announcement button starting an unknown guide',
    guides: [announcement('a', { action: { label: 'Go', guide: 'ghost' } }), tooltip('t')],
    kept: ['t'],
    errors: [['guides[0].action.guide', 'a', 'unknown or invalid guide "ghost"']],
  },
  {
    name: 'announcement button starting a guide that was dropped',
    guides: [tour('t', []), announcement('a', { action: { label: 'Go', guide: 't' } })],
    kept: [],
    errors: [
      ['guides[0].steps', 't', 'must not be empty'],
      ['guides[1].action.guide', 'a', 'unknown or invalid guide "t"'],
    ],
  },
  {
    name: 'a checklist waiting for an orphaned announcement is dropped too',
    guides: [checklist('c', [item('i', { guide: 'a' })]), announcement('a', { action: { label: 'Go', guide: 'ghost' } })],
    kept: [],
    errors: [
      ['guides[0].items[0].doneWhen.guide', 'c', 'unknown or invalid guide "a"'],
      ['guides[1].action.guide', 'a', 'unknown or invalid guide "ghost"'],
    ],
  },
  {
    name: 'announcement button with a link or a known guide is fine',
    guides: [announcement('a', { action: { label: 'Go', guide: 't' } }), announcement('b', { action: { label: 'Read', href: '/news' } }), tour('t')],
    kept: ['a', 'b', 't'],
    errors: [],
  },
  {
    name: 'a guide referenced before it is declared is fine',
    guides: [checklist('c', [item('i', { guide: 't' })]), tooltip('t')],
    kept: ['c', 't'],
    errors: [],
  },
];

describe('cross-checks drop the guide with one error', () => {
  it.each(cases)('$name', ({ guides, kept, errors }) => {
    const r = parseBundle(bundle(guides, pops));
    expect(r.bundle.guides.map((g) => g.id)).toEqual(kept);
    expect(r.errors.filter((e) => !e.path.startsWith('populations')).map((e) => [e.path, e.guide, e.message.en])).toEqual(errors);
  });
});
