// New hires onboarded: of the population's people (by default `new-hires`), those who completed a guide meant for
// them within `days` of their first event.
import { sql } from 'kysely';
import { latestGuides } from './bundle.ts';
import { cohortSql } from './cohort.ts';
import { DAY_MS, hidden, num, ratio, type ReportQuery } from './query.ts';
import { COMPLETED, eventWhere, type ReportDb } from './sql.ts';

export interface NewHiresReport {
  population: string;
  days: number;
  /** Null (with onboarded and rate) when the population has 1 to k-1 people. */
  hires: number | null;
  onboarded: number | null;
  /** onboarded / hires, 0..1 */
  rate: number | null;
}

export const DEFAULT_NEW_HIRES = 'new-hires';
export const DEFAULT_DAYS = 30;

export async function newHiresReport(db: ReportDb, q: ReportQuery): Promise<NewHiresReport> {
  const population = q.population ?? DEFAULT_NEW_HIRES;
  const days = q.days ?? DEFAULT_DAYS;
  // Which completions count: `guide` when asked; else the guides whose audience in the latest bundle names the
  // population; else (no bundle, or no guide aimed at it) any guide, rather than reporting no one onboarded.
  const aimed = (await latestGuides(db, q.app))?.filter((g) => g.audience?.includes(population)).map((g) => g.id) ?? [];
  const guides = q.guide !== undefined ? [q.guide] : aimed;
  const which = guides.length > 0 ? sql`AND e.guide IN (${sql.join(guides)})` : sql``;
  // One pass over the cohort's events, per person: their first event (within the date filters: `from` starts the
  // observed period) and their first completion that counts; onboarded when the latter is within the window.
  const { rows } = await sql<{ hires: unknown; onboarded: unknown }>`
    WITH cohort AS MATERIALIZED (${cohortSql(db, q.app, population)}),
    people AS (
      SELECT e.user_hash AS user_hash, MIN(e.ts) AS first,
        MIN(CASE WHEN e.type = ${COMPLETED} ${which} THEN e.ts END) AS done
      FROM events AS e
      WHERE e.user_hash IN (SELECT user_hash FROM cohort) AND ${eventWhere(db, q.app, q, { population: false, guide: false })}
      GROUP BY e.user_hash
    )
    SELECT (SELECT COUNT(*) FROM cohort) AS hires,
      COUNT(CASE WHEN p.done <= p.first + ${sql.lit(days * DAY_MS)} THEN 1 END) AS onboarded
    FROM people AS p`.execute(db.kysely);
  const r = rows[0];
  const hires = num(r?.hires);
  if (hidden(hires, q.k)) return { population, days, hires: null, onboarded: null, rate: null };
  const onboarded = num(r?.onboarded);
  return { population, days, hires, onboarded, rate: ratio(onboarded, hires) };
}
