// The reports by name, as `GET /v1/apps/:app/reports/:name` serves them. Each takes the checked query and
// answers aggregates only; k-anonymity is applied inside each, where the groups are known.
import { adoptionReport } from './adoption.ts';
import { funnelReport } from './funnel.ts';
import { ghostsReport } from './ghosts.ts';
import { guidesReport } from './guides.ts';
import { newHiresReport } from './new-hires.ts';
import type { ReportQuery } from './query.ts';
import type { ReportDb } from './sql.ts';

export type { AdoptionDay, AdoptionReport } from './adoption.ts';
export type { FunnelReport, FunnelStep } from './funnel.ts';
export type { GhostsReport } from './ghosts.ts';
export type { GuideRow, GuidesReport } from './guides.ts';
export type { NewHiresReport } from './new-hires.ts';
export type { Filters, ReportQuery } from './query.ts';
export type { ReportDb } from './sql.ts';
export { adoptionReport, funnelReport, ghostsReport, guidesReport, newHiresReport };
export { parseFilters } from './query.ts';

export const REPORTS = {
  guides: guidesReport,
  funnel: funnelReport,
  'new-hires': newHiresReport,
  ghosts: ghostsReport,
  adoption: adoptionReport,
} satisfies Record<string, (db: ReportDb, q: ReportQuery) => Promise<unknown>>;

export type ReportName = keyof typeof REPORTS;

export const isReportName = (name: string): name is ReportName => Object.hasOwn(REPORTS, name);

/** The app's k, or undefined when the app does not exist. A k below 1 would hide nothing sensibly: it reads as 1. */
export async function appK(db: ReportDb, app: string): Promise<number | undefined> {
  const row = await db.kysely.selectFrom('apps').select('k_anonymity').where('id', '=', app).executeTakeFirst();
  if (!row) return undefined;
  const k = Number(row.k_anonymity ?? 5);
  return Number.isFinite(k) && k >= 1 ? k : 1;
}
