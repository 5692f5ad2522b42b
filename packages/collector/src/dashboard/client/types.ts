import type { NewHiresReport as ServerNewHires } from '../../reports/new-hires.ts';
import type { GhostsReport as ServerGhosts } from '../../reports/ghosts.ts';
// The report shapes of `GET /v1/apps/:app/reports/<name>` (see the collector contract). Counts may arrive as
// null where the server hides a group smaller than k people; every report carries the app's `k`.

export interface GuideRow {
  guide: string;
  /** `'*'` = everyone. */
  population: string;
  offered: number | null;
  started: number | null;
  completed: number | null;
  dismissed: number | null;
  /** completed / started, 0..1. */
  completionRate: number | null;
  medianTimeToCompleteMs: number | null;
}

export interface GuidesReport { rows: GuideRow[]; suppressed: number; k: number }

export interface FunnelStep { step: string; viewed: number | null; completed: number | null }
/** `guide`: the one asked for, else the one whose steps most people viewed; null when no guide has steps. */
export interface FunnelReport { guide: string | null; steps: FunnelStep[]; suppressed: number; k: number }

// The server's own shapes (type-only: nothing of the server is bundled), plus the `k` the route adds.
export type NewHiresReport = ServerNewHires & { k: number };
export type GhostsReport = ServerGhosts & { k: number };

export interface AdoptionDay { day: string; activePeople: number | null; started: number | null; completed: number | null }
export interface AdoptionReport { days: AdoptionDay[]; k: number }

export interface Filters {
  population: string;
  guide: string;
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  to: string;
}

export interface Reports {
  guides: GuidesReport;
  adoption: AdoptionReport;
  newHires: NewHiresReport;
  ghosts: GhostsReport;
  funnel: FunnelReport;
  /** Every guide and population seen for the date range (the filter choices). */
  choices: { guides: string[]; populations: string[] };
}
