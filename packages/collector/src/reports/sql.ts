// The few SQL fragments whose spelling differs between SQLite and PostgreSQL, and the WHERE clause every report
// shares. Population membership reads the JSON array exactly (json_each / jsonb containment), not with LIKE, so
// an id containing "_" (a LIKE wildcard) cannot match its neighbours.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/types.ts';
import type { Filters } from './query.ts';

/** Reports only read: they need the query builder and which dialect it speaks. */
export type ReportDb = Pick<Db, 'kysely' | 'dialect'>;

/** Types that show a person began the guide, whatever its kind (tour, tooltip, checklist): completing implies it. */
export const STARTED = ['guide_started', 'step_viewed', 'tooltip_opened', 'checklist_item_completed', 'checklist_completed', 'guide_completed'];
export const COMPLETED = 'guide_completed';
export const DISMISSED = 'guide_dismissed';

/** `column` (TEXT holding a JSON string array) contains `population`. */
export function hasPopulation(db: ReportDb, column: string, population: string): RawBuilder<unknown> {
  const col = sql.ref(column);
  return db.dialect === 'postgres'
    ? sql`(${col})::jsonb @> jsonb_build_array(${population}::text)`
    : sql`EXISTS (SELECT 1 FROM json_each(${col}) WHERE json_each.value = ${population})`;
}

/** A FROM item with one row `p.value` per element of `column`'s JSON array (join it with CROSS JOIN). */
export function eachPopulation(db: ReportDb, column: string): RawBuilder<unknown> {
  const col = sql.ref(column);
  // PostgreSQL treats a function in FROM as LATERAL without the keyword; SQLite's table-valued functions likewise.
  return db.dialect === 'postgres'
    ? sql`jsonb_array_elements_text((${col})::jsonb) AS p(value)`
    : sql`json_each(${col}) AS p`;
}

export interface WhereOptions {
  /** Skip the guide filter (new-hires picks its own guides). */
  guide?: boolean;
  /** Skip the population filter (ghosts and new-hires choose their people by population instead). */
  population?: boolean;
}

/**
 * Conditions on events aliased `e`: the app, a known person (anonymous events count no one), and the filters.
 * Dates are on the event's own `ts` (when it happened), not on when it was received.
 */
export function eventWhere(db: ReportDb, app: string, f: Filters, use: WhereOptions = {}): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [sql`e.app = ${app}`, sql`e.user_hash IS NOT NULL`];
  if (f.from !== undefined) conds.push(sql`e.ts >= ${f.from}`);
  if (f.to !== undefined) conds.push(sql`e.ts < ${f.to}`);
  if (f.population !== undefined && use.population !== false) conds.push(hasPopulation(db, 'e.populations', f.population));
  if (f.guide !== undefined && use.guide !== false) conds.push(sql`e.guide = ${f.guide}`);
  return sql.join(conds, sql` AND `);
}

/** `COUNT(DISTINCT person)` among the events of `types`. */
export function peopleWith(types: string | readonly string[]): RawBuilder<unknown> {
  const list = typeof types === 'string' ? [types] : types;
  return sql`COUNT(DISTINCT CASE WHEN e.type IN (${sql.join(list)}) THEN e.user_hash END)`;
}
