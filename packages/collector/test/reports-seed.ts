// A small organisation whose report numbers are worked out by hand in reports.test.ts. Stored straight into the
// tables (no ingest): reports read rows, and the row shapes are the contract's.
//
// People (user_hash = "h-<name>"; populations as their events carry them and as the roster has them):
//   nh1..nh6  new-hires + finance   the expense tour (aimed at new-hires) and the welcome checklist
//   nh7       new-hires             roster only: a hire never seen
//   f1..f3    finance               the expense tour, on day 1
//   s1..s5    sales                 start the tour on day 1; s1..s3 dismiss at "fill"; s4, s5 drop at "open"
//   g1..g6    ghosts (roster)       g1..g4 meet the tour's target_not_found on day 0; tip tooltips later
//   g7        ghosts (events only)  not in the roster
//   i1..i4    interns (roster)      a population of 4: always hidden
// Day 0 is 2025-03-03 (UTC). Another app's events and an anonymous event must never be counted.
import { randomUUID } from 'node:crypto';
import type { Db } from '../src/db/types.ts';
import type { EventsTable } from '../src/db/types.ts';

export const APP = 'acme';
export const DAY0 = Date.UTC(2025, 2, 3);
const MIN = 60_000;
const at = (day: number, h: number, m = 0): number => DAY0 + day * 86_400_000 + h * 3_600_000 + m * MIN;

const NH = ['new-hires', 'finance'];
const pops: Record<string, string[]> = {};
for (let i = 1; i <= 6; i++) pops[`nh${i}`] = NH;
for (let i = 1; i <= 3; i++) pops[`f${i}`] = ['finance'];
for (let i = 1; i <= 5; i++) pops[`s${i}`] = ['sales'];
for (const g of ['g1', 'g2', 'g3', 'g4', 'g7']) pops[g] = ['ghosts'];

type Fields = Partial<Pick<EventsTable, 'guide' | 'step' | 'item' | 'guide_version'>> & { props?: Record<string, unknown> };

export function organisation(): EventsTable[] {
  const events: EventsTable[] = [];
  const ev = (who: string | null, type: string, ts: number, f: Fields = {}, app = APP): void => {
    events.push({
      id: randomUUID(),
      app,
      type,
      ts,
      user_hash: who === null ? null : `h-${who}`,
      session: `s-${who ?? 'anon'}`,
      guide: f.guide ?? null,
      guide_version: f.guide_version ?? 2,
      step: f.step ?? null,
      item: f.item ?? null,
      populations: JSON.stringify(who === null ? ['sales'] : (pops[who] ?? [])),
      url: 'https://intranet.example/expenses',
      props: f.props === undefined ? null : JSON.stringify(f.props),
      received_at: ts + 1000,
    });
  };
  const tour = { guide: 'expense-tour' };
  const fullTour = (who: string, start: number, durationMs: number, extra: string[] = []): void => {
    ev(who, 'guide_started', start, tour);
    for (const step of [...extra, 'open', 'fill', 'submit']) {
      ev(who, 'step_viewed', start + MIN, { ...tour, step });
      if (!extra.includes(step)) ev(who, 'step_completed', start + 2 * MIN, { ...tour, step });
    }
    ev(who, 'guide_completed', start + 3 * MIN, { ...tour, props: { durationMs } });
  };
  const checklist = { guide: 'welcome-checklist' };

  // Day 0: new hires. nh1..nh5 saw a step of version 1 ("legacy") first, at 08:00.
  for (let i = 1; i <= 5; i++) ev(`nh${i}`, 'step_viewed', at(0, 8), { ...tour, step: 'legacy', guide_version: 1 });
  for (let i = 1; i <= 4; i++) fullTour(`nh${i}`, at(0, 9), i * MIN);
  // nh1 redoes it: only a person's first timed completion enters the median.
  ev('nh1', 'guide_completed', at(0, 12), { ...tour, props: { durationMs: 999_000 } });
  ev('nh6', 'guide_started', at(0, 9), tour);
  ev('nh6', 'step_viewed', at(0, 9, 1), { ...tour, step: 'open' });
  ev('nh6', 'step_completed', at(0, 9, 2), { ...tour, step: 'open' });
  ev('nh6', 'step_viewed', at(0, 9, 3), { ...tour, step: 'fill' });
  ev('nh6', 'guide_dismissed', at(0, 9, 4), { ...tour, step: 'fill', props: { reason: 'close', step: 'fill' } });
  for (const who of ['nh1', 'nh2', 'nh6']) {
    ev(who, 'checklist_item_completed', at(0, 11), { ...checklist, item: 'profile' });
    ev(who, 'checklist_item_completed', at(0, 11, 5), { ...checklist, item: 'tour' });
    ev(who, 'checklist_completed', at(0, 11, 5), checklist);
    ev(who, 'guide_completed', at(0, 11, 5), checklist);
  }
  for (const who of ['nh3', 'nh4', 'nh5']) ev(who, 'checklist_item_completed', at(0, 11), { ...checklist, item: 'profile' });
  for (const who of ['g1', 'g2', 'g3', 'g4']) ev(who, 'target_not_found', at(0, 10), { ...tour, step: 'open' });

  // Day 1: finance (two of them also saw an "intro" step no longer in the bundle), sales, ghosts on the tip.
  fullTour('f1', at(1, 9), 30_000, ['intro']);
  fullTour('f2', at(1, 9), 90_000, ['intro']);
  fullTour('f3', at(1, 9), 150_000);
  for (let i = 1; i <= 5; i++) {
    const who = `s${i}`;
    ev(who, 'guide_started', at(1, 14), tour);
    ev(who, 'step_viewed', at(1, 14), { ...tour, step: 'open' });
    if (i > 3) continue;
    ev(who, 'step_completed', at(1, 14, 1), { ...tour, step: 'open' });
    ev(who, 'step_viewed', at(1, 14, 1), { ...tour, step: 'fill' });
    ev(who, 'guide_dismissed', at(1, 14, 2), { ...tour, step: 'fill', props: { reason: 'close', step: 'fill' } });
  }
  const tip = { guide: 'tip' };
  ev('g2', 'tooltip_opened', at(1, 9), tip); // 23 h after g2's first guide event: not converted
  ev('g3', 'tooltip_opened', at(1, 10), tip); // exactly 24 h after: converted
  ev('g7', 'tooltip_opened', at(1, 12), tip);

  // Day 2: four people only.
  ev('g1', 'tooltip_opened', at(2, 10), tip);
  for (const who of ['s1', 's2', 's3']) ev(who, 'checklist_item_completed', at(2, 15), { ...checklist, item: 'profile' });

  // Day 5: g7 comes back. Day 31: nh5 finally does the tour, a day too late for a 30-day window.
  ev('g7', 'guide_completed', at(5, 12), tip);
  fullTour('nh5', at(31, 10), 5 * MIN);

  // Never counted: an anonymous event, and another app's events for the same guide ids.
  ev(null, 'guide_started', at(1, 14), tour);
  for (let i = 1; i <= 6; i++) ev(`s${i}`, 'guide_completed', at(1, 15), { ...tour, props: { durationMs: 1 } }, 'other');
  return events;
}

export const ROSTER: [string, string[]][] = [
  ...[1, 2, 3, 4, 5, 6].map((i): [string, string[]] => [`nh${i}`, NH]),
  ['nh7', ['new-hires']],
  ...[1, 2, 3].map((i): [string, string[]] => [`f${i}`, ['finance']]),
  ...[1, 2, 3, 4, 5].map((i): [string, string[]] => [`s${i}`, ['sales']]),
  ...[1, 2, 3, 4, 5, 6].map((i): [string, string[]] => [`g${i}`, ['ghosts']]),
  ...[1, 2, 3, 4].map((i): [string, string[]] => [`i${i}`, ['interns']]),
];

export const BUNDLE_V1 = {
  version: 1,
  populations: { 'new-hires': { name: 'New hires', when: { attr: 'hiredAt', withinDays: 30 } } },
  guides: [{ id: 'expense-tour', type: 'tour', title: 'Expenses', steps: ['legacy', 'open', 'fill'].map((id) => ({ id, title: id })) }],
};
export const BUNDLE_V2 = {
  version: 1,
  populations: {
    'new-hires': { name: 'New hires', when: { attr: 'hiredAt', withinDays: 30 } },
    finance: { name: 'Finance', when: { attr: 'department', eq: 'Finance' } },
  },
  guides: [
    {
      id: 'expense-tour',
      type: 'tour',
      title: 'Expenses',
      audience: ['new-hires'],
      steps: ['open', 'fill', 'submit'].map((id) => ({ id, title: id })),
    },
    {
      id: 'welcome-checklist',
      type: 'checklist',
      title: 'Welcome',
      items: [
        { id: 'profile', title: 'Profile', doneWhen: { url: '/profile' } },
        { id: 'tour', title: 'Tour', doneWhen: { guide: 'expense-tour' } },
      ],
    },
    { id: 'tip', type: 'tooltip', title: 'Tip', target: '#submit' },
  ],
};

export async function seed(db: Db): Promise<void> {
  const k = db.kysely;
  const app = (id: string, k_anonymity: number) => ({
    id, name: id, secret: '00', write_keys: '[]', origins: '[]', retention_days: null, k_anonymity, xapi: null, webhooks: null, created_at: DAY0,
  });
  await k.insertInto('apps').values([app(APP, 5), app('other', 1)]).execute();
  const events = organisation();
  for (let i = 0; i < events.length; i += 100) await k.insertInto('events').values(events.slice(i, i + 100)).execute();
  await k
    .insertInto('roster')
    .values(ROSTER.map(([who, p]) => ({ app: APP, user_hash: `h-${who}`, attributes: '{}', populations: JSON.stringify(p), imported_at: DAY0 })))
    .execute();
  await k
    .insertInto('guide_versions')
    .values([BUNDLE_V1, BUNDLE_V2].map((b, i) => ({ app: APP, version: i + 1, bundle: JSON.stringify(b), etag: `"v${i + 1}"`, published_at: DAY0 + i })))
    .execute();
}
