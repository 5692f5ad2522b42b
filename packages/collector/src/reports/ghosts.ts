// Ghost users: people of the population (by default `ghosts`) — how many a guide reached, and how many came back.
import { sql } from 'kysely';
import { cohortSql } from './cohort.ts';
import { DAY_MS, hidden, num, ratio, type ReportQuery } from './query.ts';
import { eventWhere, type ReportDb } from './sql.ts';

export interface GhostsReport {
  population: string;
  /** Null (all three counts and the rate) when the population has 1 to k-1 people. */
  ghosts: number | null;
  /** Had at least one guide event (of `guide` when given). */
  reached: number | null;
  /** Of the reached, active again at least a day (24 h) after their first guide event. */
  converted: number | null;
  /** converted / reached, 0..1 */
  rate: number | null;
}

export const DEFAULT_GHOSTS = 'ghosts';

export async function ghostsReport(db: ReportDb, q: ReportQuery): Promise<GhostsReport> {
  const population = q.population ?? DEFAULT_GHOSTS;
  // Any event counts as activity: a later visit (`session_started`, sent once per session) or any guide event.
  // "At least one day after" is read as 24 hours, not "the next calendar day", which a session at midnight would meet.
  // One pass over the cohort's events, per person: their first guide event and their last event. Someone is back
  // when the last comes a day after the first (a correlated EXISTS per person was 50x slower on SQLite).
  // MATERIALIZED: the cohort is read twice and is costly (it reads every event's populations) — compute it once.
  const guideEvent = q.guide === undefined ? sql`e.guide IS NOT NULL` : sql`e.guide = ${q.guide}`;
  const { rows } = await sql<{ ghosts: unknown; reached: unknown; converted: unknown }>`
    WITH cohort AS MATERIALIZED (${cohortSql(db, q.app, population)}),
    people AS (
      SELECT e.user_hash AS user_hash, MIN(CASE WHEN ${guideEvent} THEN e.ts END) AS first, MAX(e.ts) AS last
      FROM events AS e
      WHERE e.user_hash IN (SELECT user_hash FROM cohort) AND ${eventWhere(db, q.app, q, { population: false, guide: false })}
      GROUP BY e.user_hash
    )
    SELECT (SELECT COUNT(*) FROM cohort) AS ghosts, COUNT(p.first) AS reached,
      COUNT(CASE WHEN p.last >= p.first + ${sql.lit(DAY_MS)} THEN 1 END) AS converted
    FROM people AS p`.execute(db.kysely);
  const r = rows[0];
  const ghosts = num(r?.ghosts);
  if (hidden(ghosts, q.k)) return { population, ghosts: null, reached: null, converted: null, rate: null };
  const reached = num(r?.reached);
  const converted = num(r?.converted);
  return { population, ghosts, reached, converted, rate: ratio(converted, reached) };
}
