// Decides what is on screen for a page: one automatic foreground guide at a time (a tour, an announcement or a
// survey), plus every eligible tooltip, checklist and resource centre. Called again on each URL change,
// identify(), track() or progress change; it keeps no state of its own.
import type {
  AnnouncementGuide, ChecklistGuide, Guide, ResourceCentreGuide, Settings, SurveyGuide, TooltipGuide, TourGuide,
} from '@compagnon/schema';
import { isEligible } from './eligibility.ts';
import { type UserProgress, shownCounts } from './progress.ts';
import { type UrlParts, matchUrl, matchesTrigger } from './url.ts';

export interface ScheduleInput {
  guides: Guide[];
  populations: ReadonlySet<string>;
  progress: UserProgress;
  url: UrlParts;
  /** Id of the foreground guide on screen: it stays while eligible, even on pages its trigger does not match. */
  current?: string;
  /** Epoch ms; without it, dates, snoozes and the day's budget are not checked. */
  now?: number;
  /** The bundle's settings: the budget defaults to 2 automatic guides per session and 3 per day. */
  settings?: Settings;
  /** The session id, for the per-session budget. */
  session?: string;
  /** No automatic guide starts or resumes while the person types. @default false */
  typing?: boolean;
  /** `track()` names seen since the last schedule, for `trigger.event`. @default [] */
  events?: string[];
  /** For `trigger.element`; without it no such trigger holds. */
  elementPresent?: (selector: string) => boolean;
  /** Ids whose `delayed.ms` ran out: the sdk timed it, and passes the id back (its event trigger counts as met). */
  due?: string[];
  /** `?compagnon-preview=<id>`: that guide alone, whatever its audience, progress, trigger, dates and the budget. */
  preview?: string;
}

export interface Schedule {
  /** `resumeAt` is set when an interrupted tour resumes at that step. */
  foreground?: { guide: TourGuide; resumeAt?: number };
  announcement?: AnnouncementGuide;
  survey?: SurveyGuide;
  tooltips: TooltipGuide[];
  checklists: ChecklistGuide[];
  resourceCentres: ResourceCentreGuide[];
  /** The next automatic guide waits for its `trigger.delay`: schedule again after `ms` with its id in `due`. */
  delayed?: { guide: Guide; ms: number };
}

const FOREGROUND: readonly Guide['type'][] = ['tour', 'announcement', 'survey'];

export function schedule(input: ScheduleInput): Schedule {
  const { guides, populations, progress, url, current, now, events = [], due = [], preview } = input;
  const record = (g: Guide) => progress.guides[g.id];
  const active = (g: Guide) => record(g)?.status === 'active';
  const manual = (g: Guide) => !!g.trigger?.manual;
  const fg = (g: Guide) => FOREGROUND.includes(g.type);
  const of = <T extends Guide>(list: Guide[], type: T['type']) => list.filter((g): g is T => g.type === type);
  const plan = (shown: Guide[], next?: Guide, resumeAt?: number, delayed?: Schedule['delayed']): Schedule => ({
    foreground: next?.type === 'tour' ? { guide: next, resumeAt } : undefined,
    announcement: next?.type === 'announcement' ? next : undefined,
    survey: next?.type === 'survey' ? next : undefined,
    tooltips: of(shown, 'tooltip'),
    checklists: of(shown, 'checklist'),
    resourceCentres: of(shown, 'resource-centre'),
    delayed,
  });
  if (preview !== undefined) {
    const only = guides.filter((g) => g.id === preview);
    return plan(only, only[0]);
  }

  const eligible = guides.filter((g) => isEligible(g, populations, record(g), now));
  const triggered = (g: Guide) => {
    const { element, event } = g.trigger ?? {};
    return (
      matchesTrigger(g.trigger, url) &&
      (!element || !!input.elementPresent?.(element)) &&
      (!event || active(g) || due.includes(g.id) || events.includes(event))
    );
  };
  // A multi-page tour also resumes on the pages its steps live on or lead to.
  const resumesHere = (g: Guide) =>
    matchesTrigger(g.trigger, url) ||
    (g.type === 'tour' && g.steps.some((s) => [s.url, s.advance?.url].some((p) => p && matchUrl(p, url))));
  const { perSession = 2, perDay = 3 } = input.settings?.budget ?? {};
  const [today, inSession] = shownCounts(progress.shown, now ?? 0, input.session);
  const room = today < perDay && inSession < perSession;
  const kept = eligible.find((g) => fg(g) && g.id === current);
  // An interrupted guide (even a manually started one) resumes before any new one starts, and never counts
  // against the budget; then the highest priority wins, ties keeping bundle order (the sort is stable). After an
  // opt-out only manual guides resume: an automatic one may have been left half-way before opting out.
  const next = input.typing
    ? undefined
    : eligible
        .filter((g) =>
          fg(g) && (active(g)
            ? resumesHere(g) && (manual(g) || !progress.optedOut || !!progress.byHand?.includes(g.id))
            : !manual(g) && !progress.optedOut && room && triggered(g)))
        .sort((a, b) => Number(active(b)) - Number(active(a)) || (b.priority ?? 0) - (a.priority ?? 0))[0];
  const delay = next && !active(next) && !due.includes(next.id) ? next.trigger?.delay : 0;
  const shown = eligible.filter((g) => !manual(g) && triggered(g));
  return kept
    ? plan(shown, kept)
    : delay
      ? plan(shown, undefined, undefined, { guide: next!, ms: delay })
      : plan(shown, next, next && active(next) ? (record(next)?.step ?? 0) : undefined);
}
