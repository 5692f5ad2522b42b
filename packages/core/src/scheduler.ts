// Decides what is on screen for a page: one foreground tour at a time, plus every eligible tooltip and
// checklist. Called again on each URL change, identify() or progress change; it keeps no state of its own.
import type { ChecklistGuide, Guide, TooltipGuide, TourGuide } from '@compagnon/schema';
import { isEligible } from './eligibility.ts';
import type { UserProgress } from './progress.ts';
import { type UrlParts, matchesTrigger } from './url.ts';

export interface ScheduleInput {
  guides: Guide[];
  populations: ReadonlySet<string>;
  progress: UserProgress;
  url: UrlParts;
  /** Id of the tour on screen: it stays while eligible, even on pages its trigger does not match. */
  current?: string;
}

export interface Schedule {
  /** `resumeAt` is set when an interrupted tour resumes at that step. */
  foreground?: { guide: TourGuide; resumeAt?: number };
  tooltips: TooltipGuide[];
  checklists: ChecklistGuide[];
}

// Highest priority first; ties keep bundle order (the strict > keeps the earlier one).
function best(tours: TourGuide[]): TourGuide | undefined {
  let top: TourGuide | undefined;
  for (const t of tours) if (!top || (t.priority ?? 0) > (top.priority ?? 0)) top = t;
  return top;
}

export function schedule(input: ScheduleInput): Schedule {
  const { guides, populations, progress, url, current } = input;
  const record = (g: Guide) => progress.guides[g.id];
  const eligible = guides.filter((g) => isEligible(g, populations, record(g)));
  const here = eligible.filter((g) => matchesTrigger(g.trigger, url));
  const tours = here.filter((g): g is TourGuide => g.type === 'tour');
  const auto = <T extends Guide>(type: T['type']) => here.filter((g): g is T => g.type === type && !g.trigger?.manual);

  let foreground: Schedule['foreground'];
  const kept = eligible.find((g): g is TourGuide => g.type === 'tour' && g.id === current);
  if (kept) foreground = { guide: kept };
  else {
    // An interrupted tour (even a manually started one) resumes before any new tour starts.
    const resumed = best(tours.filter((g) => record(g)?.status === 'active'));
    if (resumed) foreground = { guide: resumed, resumeAt: record(resumed)?.step ?? 0 };
    else {
      const fresh = best(tours.filter((g) => !g.trigger?.manual && record(g)?.status !== 'active'));
      if (fresh) foreground = { guide: fresh };
    }
  }
  return { ...(foreground && { foreground }), tooltips: auto<TooltipGuide>('tooltip'), checklists: auto<ChecklistGuide>('checklist') };
}
