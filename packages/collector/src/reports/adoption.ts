// Adoption per UTC day: people active, people who started a guide, people who completed one. Days without events
// in the range are listed with zeros so a chart's x axis stays regular.
import { sql } from 'kysely';
import { DAY_MS, hidden, isoDay, num, type ReportQuery } from './query.ts';
import { COMPLETED, eventWhere, peopleWith, STARTED, type ReportDb } from './sql.ts';

export interface AdoptionDay {
  /** YYYY-MM-DD, UTC */
  day: string;
  /** All three are null on a day with 1 to k-1 active people. */
  activePeople: number | null;
  started: number | null;
  completed: number | null;
}

export interface AdoptionReport {
  days: AdoptionDay[];
}

export async function adoptionReport(db: ReportDb, q: ReportQuery): Promise<AdoptionReport> {
  // Integer division of a non-negative integer is the floor in both dialects; the day length goes in as a literal
  // so PostgreSQL sees the same expression in SELECT and GROUP BY.
  const dayExpr = sql`e.ts / ${sql.lit(DAY_MS)}`;
  const { rows } = await sql<{ day: unknown; active: unknown; started: unknown; completed: unknown }>`
    SELECT ${dayExpr} AS day, COUNT(DISTINCT e.user_hash) AS active, ${peopleWith(STARTED)} AS started,
      ${peopleWith(COMPLETED)} AS completed
    FROM events AS e
    WHERE ${eventWhere(db, q.app, q)}
    GROUP BY ${dayExpr}`.execute(db.kysely);
  const byDay = new Map(rows.map((r) => [num(r.day), r]));
  const seen = [...byDay.keys()];
  const first = q.from !== undefined ? q.from / DAY_MS : Math.min(...seen);
  const last = q.to !== undefined ? q.to / DAY_MS - 1 : Math.max(...seen);
  const days: AdoptionDay[] = [];
  for (let d = first; d <= last; d++) {
    const r = byDay.get(d);
    const active = num(r?.active);
    days.push(
      hidden(active, q.k)
        ? { day: isoDay(d), activePeople: null, started: null, completed: null }
        : { day: isoDay(d), activePeople: active, started: num(r?.started), completed: num(r?.completed) },
    );
  }
  return { days };
}
