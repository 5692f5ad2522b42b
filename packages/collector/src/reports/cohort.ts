// The people of a population, for new-hires and ghosts: roster members whose imported populations include it,
// plus anyone whose events carried it (people the roster has not caught up with, or no roster at all).
import { sql, type RawBuilder } from 'kysely';
import { hasPopulation, type ReportDb } from './sql.ts';

/**
 * A `cohort(user_hash)` CTE body, meant for `WITH cohort AS MATERIALIZED (…)` (SQLite ≥ 3.35, PostgreSQL ≥ 12):
 * it reads every event's populations, so it must be computed once however often it is referenced.
 * Membership ignores the date filters: it is who the person is, not what they did.
 */
export function cohortSql(db: ReportDb, app: string, population: string): RawBuilder<unknown> {
  return sql`SELECT r.user_hash AS user_hash FROM roster AS r WHERE r.app = ${app} AND ${hasPopulation(db, 'r.populations', population)}
    UNION
    SELECT e.user_hash AS user_hash FROM events AS e
    WHERE e.app = ${app} AND e.user_hash IS NOT NULL AND ${hasPopulation(db, 'e.populations', population)}`;
}
