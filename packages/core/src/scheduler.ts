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

export function schedule({ guides, populations, progress, url, current }: ScheduleInput): Schedule {
  const record = (g: Guide) => progress.guides[g.id];
  const active = (g: Guide) => record(g)?.status === 'active';
  const priority = (g: TourGuide) => g.priority ?? 0;
  const eligible = guides.filter((g) => isEligible(g, populations, record(g)));
  const here = eligible.filter((g) => matchesTrigger(g.trigger, url));
  const auto = <T extends Guide>(type: T['type']) => here.filter((g): g is T => g.type === type && !g.trigger?.manual);
  const kept = eligible.find((g): g is TourGuide => g.type === 'tour' && g.id === current);
  // An interrupted tour (even a manually started one) resumes before any new tour starts; then the highest
  // priority wins, ties keeping bundle order (the sort is stable).
  const next = here
    .filter((g): g is TourGuide => g.type === 'tour' && (active(g) || !g.trigger?.manual))
    .sort((a, b) => Number(active(b)) - Number(active(a)) || priority(b) - priority(a))[0];
  return {
    foreground: kept ? { guide: kept } : next && { guide: next, resumeAt: active(next) ? (record(next)?.step ?? 0) : undefined },
    tooltips: auto<TooltipGuide>('tooltip'),
    checklists: auto<ChecklistGuide>('checklist'),
  };
}
