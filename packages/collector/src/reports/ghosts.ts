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
  // Any event counts as activity: the SDK only sends guide events, so "active again" means seen again by it.
  // "At least one day after" is read as 24 hours, not "the next calendar day", which a session at midnight would meet.
  const { rows } = await sql<{ ghosts: unknown; reached: unknown; converted: unknown }>`
    WITH cohort AS MATERIALIZED (${cohortSql(db, q.app, population)}),
    reached AS MATERIALIZED (
      SELECT e.user_hash AS user_hash, MIN(e.ts) AS first
      FROM events AS e
      WHERE e.user_hash IN (SELECT user_hash FROM cohort) AND ${eventWhere(db, q.app, q, { population: false })} AND e.guide IS NOT NULL
      GROUP BY e.user_hash
    )
    SELECT (SELECT COUNT(*) FROM cohort) AS ghosts, (SELECT COUNT(*) FROM reached) AS reached,
      (SELECT COUNT(*) FROM reached AS r WHERE EXISTS (
        SELECT 1 FROM events AS e
        WHERE ${eventWhere(db, q.app, q, { population: false, guide: false })}
          AND e.user_hash = r.user_hash AND e.ts >= r.first + ${sql.lit(DAY_MS)}
      )) AS converted`.execute(db.kysely);
  const r = rows[0];
  const ghosts = num(r?.ghosts);
  if (hidden(ghosts, q.k)) return { population, ghosts: null, reached: null, converted: null, rate: null };
  const reached = num(r?.reached);
  const converted = num(r?.converted);
  return { population, ghosts, reached, converted, rate: ratio(converted, reached) };
}
