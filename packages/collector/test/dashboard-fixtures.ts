// Fixed report answers for the dashboard's browser test and for trying the page by hand
// (shapes from the collector contract). Adoption days follow the asked range so the chart fills it.
import type { AdoptionReport, FunnelReport, GhostsReport, GuidesReport, NewHiresReport } from '../src/dashboard/client/types.ts';

export const K = 5;

export const guidesReport: GuidesReport = {
  rows: [
    { guide: 'onboarding-tour', population: '*', offered: 412, started: 318, completed: 247, dismissed: 41, completionRate: 247 / 318, medianTimeToCompleteMs: 194_000 },
    { guide: 'onboarding-tour', population: 'new-hires', offered: 64, started: 61, completed: 55, dismissed: 2, completionRate: 55 / 61, medianTimeToCompleteMs: 221_000 },
    { guide: 'onboarding-tour', population: 'managers', offered: 48, started: 30, completed: 19, dismissed: 8, completionRate: 19 / 30, medianTimeToCompleteMs: 143_000 },
    { guide: 'onboarding-tour', population: 'sales', offered: 120, started: 88, completed: 60, dismissed: 15, completionRate: 60 / 88, medianTimeToCompleteMs: 176_000 },
    { guide: 'expense-tooltip', population: '*', offered: 290, started: 201, completed: 183, dismissed: 12, completionRate: 183 / 201, medianTimeToCompleteMs: 21_000 },
    { guide: 'expense-tooltip', population: 'sales', offered: 101, started: 77, completed: 70, dismissed: 4, completionRate: 70 / 77, medianTimeToCompleteMs: 18_000 },
    { guide: 'leave-checklist', population: '*', offered: 150, started: 96, completed: 38, dismissed: 30, completionRate: 38 / 96, medianTimeToCompleteMs: 3 * 86_400_000 + 4 * 3_600_000 },
    { guide: 'leave-checklist', population: 'ghosts', offered: 57, started: 22, completed: 9, dismissed: 11, completionRate: 9 / 22, medianTimeToCompleteMs: 5_400_000 },
  ],
  suppressed: 3,
  k: K,
};

export function funnelReport(guide: string): FunnelReport {
  return {
    guide,
    steps: [
      { step: 'welcome', viewed: 318, completed: 301 },
      { step: 'profile', viewed: 296, completed: 270 },
      { step: 'payslips', viewed: 262, completed: 251 },
      { step: 'leave-request', viewed: 249, completed: 247 },
      { step: 'help-centre', viewed: null, completed: null },
    ],
    suppressed: 1,
    k: K,
  };
}

export const newHiresReport = (days = 30): NewHiresReport => ({ population: 'new-hires', days, hires: 64, onboarded: 52, rate: 52 / 64, k: K });

export const ghostsReport: GhostsReport = { population: 'ghosts', ghosts: 143, reached: 57, converted: 21, rate: 21 / 57, k: K };

/** Weekdays busy, weekends quiet (under k on Sundays, so hidden). */
export function adoptionReport(from: string, to: string): AdoptionReport {
  const days: AdoptionReport['days'] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`), i = 0; t <= end && i < 400; t += 86_400_000, i++) {
    const dow = new Date(t).getUTCDay();
    const wave = Math.round(18 * Math.sin(i / 3.1) + 6 * Math.cos(i / 1.7));
    const active = dow === 0 ? null : dow === 6 ? 9 + (i % 4) : 140 + i * 2 + wave;
    days.push({
      day: new Date(t).toISOString().slice(0, 10),
      activePeople: active,
      started: active == null ? null : Math.round(active * 0.22 + (i % 5)),
      completed: active == null ? null : Math.round(active * 0.15 + (i % 3)),
    });
  }
  return { days, k: K };
}

/** Answers one report by name, as the collector would (query as strings). */
export function stubReport(name: string, q: Record<string, string | undefined>): unknown {
  switch (name) {
    case 'guides': {
      const rows = guidesReport.rows.filter((r) => (!q.guide || r.guide === q.guide) && (!q.population || r.population === q.population));
      return { ...guidesReport, rows };
    }
    case 'funnel': return funnelReport(q.guide ?? 'onboarding-tour');
    case 'new-hires': return newHiresReport(q.days ? Number(q.days) : 30);
    case 'ghosts': return ghostsReport;
    case 'adoption': return adoptionReport(q.from ?? '2025-01-01', q.to ?? '2025-01-30');
    default: return undefined;
  }
}
