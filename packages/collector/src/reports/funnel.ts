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
  guide: string;
  steps: FunnelStep[];
  suppressed: number;
}

export async function funnelReport(db: ReportDb, q: ReportQuery & { guide: string }): Promise<FunnelReport> {
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
  return { guide: q.guide, steps, suppressed };
}
