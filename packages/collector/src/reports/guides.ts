// Per guide and population: offered, started, completed, dismissed, completion rate, median time to complete.
// Counts are distinct people. A person counts in a population's row through the events that carried it, so
// someone who joined a population mid-guide shows in that row from then on.
import { sql } from 'kysely';
import { hidden, num, ratio, type ReportQuery } from './query.ts';
import { COMPLETED, DISMISSED, eachPopulation, eventWhere, peopleWith, STARTED, type ReportDb } from './sql.ts';

export interface GuideRow {
  guide: string;
  /** `'*'`: everyone. */
  population: string;
  offered: number;
  started: number;
  completed: number;
  dismissed: number;
  /** completed / started, 0..1; 0 when no one started. */
  completionRate: number;
  /** Null when fewer than k completions carry a duration: a median of 1 is one person's time. */
  medianTimeToCompleteMs: number | null;
}

export interface GuidesReport {
  rows: GuideRow[];
  suppressed: number;
}

interface CountRow {
  guide: string;
  population: string;
  offered: unknown;
  started: unknown;
  completed: unknown;
  dismissed: unknown;
}

export async function guidesReport(db: ReportDb, q: ReportQuery): Promise<GuidesReport> {
  const counts = sql`COUNT(DISTINCT e.user_hash) AS offered, ${peopleWith(STARTED)} AS started,
    ${peopleWith(COMPLETED)} AS completed, ${peopleWith(DISMISSED)} AS dismissed`;
  const where = sql`${eventWhere(db, q.app, q, { population: false })} AND e.guide IS NOT NULL`;
  // With a population filter the rows are that population's only; without, '*' and every population seen.
  const perPopulation = sql<CountRow>`SELECT e.guide AS guide, p.value AS population, ${counts}
    FROM events AS e CROSS JOIN ${eachPopulation(db, 'e.populations')}
    WHERE ${where}${q.population === undefined ? sql`` : sql` AND p.value = ${q.population}`}
    GROUP BY e.guide, p.value`;
  const everyone = sql<CountRow>`SELECT e.guide AS guide, '*' AS population, ${counts}
    FROM events AS e WHERE ${where} GROUP BY e.guide`;
  const [groups, durations] = await Promise.all([
    Promise.all([q.population === undefined ? everyone.execute(db.kysely) : { rows: [] }, perPopulation.execute(db.kysely)]),
    completionDurations(db, q),
  ]);
  const rows: GuideRow[] = [];
  let suppressed = 0;
  for (const r of groups.flatMap((g) => g.rows)) {
    const offered = num(r.offered);
    if (hidden(offered, q.k)) {
      suppressed++;
      continue;
    }
    const started = num(r.started);
    const completed = num(r.completed);
    const times = durations.get(key(r.guide, r.population)) ?? [];
    rows.push({
      guide: r.guide,
      population: r.population,
      offered,
      started,
      completed,
      dismissed: num(r.dismissed),
      completionRate: ratio(completed, started),
      medianTimeToCompleteMs: times.length >= q.k ? median(times) : null,
    });
  }
  rows.sort((a, b) => cmp(a.guide, b.guide) || (a.population === '*' ? -1 : b.population === '*' ? 1 : cmp(a.population, b.population)));
  return { rows, suppressed };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const key = (guide: string, population: string): string => `${guide}\u0000${population}`;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Durations of completion (`props.durationMs`, sent by tours) per guide and population: one per person, their
 * first timed completion, so a person who redoes a guide weighs no more than another. Computed here rather than
 * in SQL because SQLite has no median and its JSON functions differ from PostgreSQL's.
 */
async function completionDurations(db: ReportDb, q: ReportQuery): Promise<Map<string, number[]>> {
  const { rows } = await sql<{ guide: string; user_hash: string; populations: string; props: string | null }>`
    SELECT e.guide AS guide, e.user_hash AS user_hash, e.populations AS populations, e.props AS props
    FROM events AS e
    WHERE ${eventWhere(db, q.app, q)} AND e.guide IS NOT NULL AND e.type = ${COMPLETED} AND e.props IS NOT NULL
    ORDER BY e.ts, e.id`.execute(db.kysely);
  const seen = new Map<string, Map<string, number>>();
  const add = (group: string, person: string, ms: number): void => {
    let people = seen.get(group);
    if (!people) seen.set(group, (people = new Map()));
    if (!people.has(person)) people.set(person, ms);
  };
  for (const r of rows) {
    const ms = durationOf(r.props);
    if (ms === undefined) continue;
    if (q.population === undefined) add(key(r.guide, '*'), r.user_hash, ms);
    for (const p of populationsOf(r.populations)) {
      if (q.population === undefined || p === q.population) add(key(r.guide, p), r.user_hash, ms);
    }
  }
  return new Map([...seen].map(([group, people]) => [group, [...people.values()]]));
}

function durationOf(props: string | null): number | undefined {
  try {
    const ms = (JSON.parse(props ?? 'null') as { durationMs?: unknown } | null)?.durationMs;
    return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
  } catch {
    return undefined;
  }
}

function populationsOf(json: string): string[] {
  try {
    const list: unknown = JSON.parse(json);
    return Array.isArray(list) ? [...new Set(list.filter((p): p is string => typeof p === 'string'))] : [];
  } catch {
    return [];
  }
}
