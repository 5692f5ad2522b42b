// Step drop-off of one guide: per step, the people who viewed it and who completed it.
import { sql } from 'kysely';
import { latestGuides } from './bundle.ts';
import { hidden, num, type ReportQuery } from './query.ts';
import { eventWhere, peopleWith, type ReportDb } from './sql.ts';

export interface FunnelStep {
  step: string;
  viewed: number;
  completed: number;
}

export interface FunnelReport {
  /** The guide asked for; without one, the guide whose steps most people viewed (null when none has steps). */
  guide: string | null;
  steps: FunnelStep[];
  suppressed: number;
}

/** Among the filtered events, the guide whose steps most people viewed: a tour, never a tooltip (no steps). */
async function busiestTour(db: ReportDb, q: ReportQuery): Promise<string | undefined> {
  const { rows } = await sql<{ guide: string }>`
    SELECT e.guide AS guide FROM events AS e
    WHERE ${eventWhere(db, q.app, q, { guide: false })} AND e.guide IS NOT NULL AND e.type = 'step_viewed'
    GROUP BY e.guide ORDER BY COUNT(DISTINCT e.user_hash) DESC, e.guide LIMIT 1`.execute(db.kysely);
  return rows[0]?.guide;
}

export async function funnelReport(db: ReportDb, query: ReportQuery): Promise<FunnelReport> {
  const guide = query.guide ?? (await busiestTour(db, query));
  if (guide === undefined) return { guide: null, steps: [], suppressed: 0 };
  const q = { ...query, guide };
  const [{ rows }, guides] = await Promise.all([
    sql<{ step: string; viewed: unknown; completed: unknown; first: unknown }>`
      SELECT e.step AS step, ${peopleWith('step_viewed')} AS viewed, ${peopleWith('step_completed')} AS completed,
        MIN(e.ts) AS first
      FROM events AS e
      WHERE ${eventWhere(db, q.app, q)} AND e.step IS NOT NULL AND e.type IN ('step_viewed', 'step_completed')
      GROUP BY e.step`.execute(db.kysely),
    latestGuides(db, q.app),
  ]);
  // The author's order when the latest bundle has the guide; steps only older versions had follow, by first seen.
  const order = guides?.find((g) => g.id === q.guide)?.steps ?? [];
  const byStep = new Map(rows.map((r) => [r.step, r]));
  const rest = rows.filter((r) => !order.includes(r.step)).sort((a, b) => num(a.first) - num(b.first) || (a.step < b.step ? -1 : 1));
  const steps: FunnelStep[] = [];
  let suppressed = 0;
  for (const step of [...order, ...rest.map((r) => r.step)]) {
    const r = byStep.get(step);
    const viewed = num(r?.viewed);
    const completed = num(r?.completed);
    // The group is everyone seen at the step; a completion without its view (lost event) still counts someone.
    if (hidden(Math.max(viewed, completed), q.k)) suppressed++;
    else steps.push({ step, viewed, completed });
  }
  return { guide, steps, suppressed };
}
