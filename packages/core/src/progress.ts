// Progress lives in one record per user and app, so a single atomic `update` writes a guide's record without
// clobbering the records other tabs or guides write at the same time.
import type { KeyValueStore } from './platform.ts';

export type GuideStatus = 'active' | 'completed' | 'dismissed';

export interface ProgressRecord {
  /** The guide's content version this record is about; a newer guide version re-offers the guide. */
  version: number;
  status: GuideStatus;
  /** Tours: the current step index. */
  step?: number;
  /** Checklists: ids of the items done. */
  items?: string[];
  /** Tooltips: whether the tip was opened. */
  opened?: boolean;
  startedAt: number;
  updatedAt: number;
  completedAt?: number;
  /** Not offered automatically before this time (epoch ms): "remind me tomorrow". */
  snoozedUntil?: number;
  /** Surveys: the answer given. */
  answer?: unknown;
}

/** Automatic guides shown, for the interruption budget; each counter restarts with its day or session. */
export interface ShownCounts {
  /** YYYY-MM-DD, local time. */
  day: string;
  today: number;
  session: string;
  inSession: number;
}

export interface UserProgress {
  guides: Record<string, ProgressRecord>;
  /** The last page view recorded on this browser (epoch ms). */
  lastVisitAt?: number;
  /** The last page view of the previous session: what `inactiveDays` measures from, all session long. */
  visitBefore?: number;
  /** No automatic tour, announcement or survey; the resource centre still works. */
  optedOut?: boolean;
  /** Guides this person started by hand (`start()`, the resource centre): they resume even after an opt-out. */
  byHand?: string[];
  /** `track()` event counts on this browser, for behaviour rules. */
  counts?: Record<string, number>;
  shown?: ShownCounts;
}

/** Page views closer together than this belong to one session. @default 30 minutes */
export const SESSION_GAP_MS = 30 * 60_000;

/** `progress:<app>:<userId>`; anonymous visitors share `~anonymous`, which no real id can be mistaken for. */
export const progressKey = (app: string, userId: string | undefined): string =>
  `progress:${app}:${userId || '~anonymous'}`;

// Whatever is stored (an older format, a hand-edited value) must not break the page. Returns a fresh object,
// which the update functions below may change.
function normalize(value: unknown): UserProgress {
  const { guides, lastVisitAt, visitBefore, optedOut, counts, shown, byHand } = Object(value) as Partial<UserProgress>;
  const time = (t: unknown) => (typeof t === 'number' ? t : undefined);
  const obj = <T>(o: T) => (typeof o === 'object' && o ? o : undefined);
  return {
    guides: obj(guides) ?? {},
    lastVisitAt: time(lastVisitAt),
    visitBefore: time(visitBefore),
    optedOut: optedOut === true || undefined,
    counts: obj(counts),
    shown: obj(shown),
    byHand: Array.isArray(byHand) ? byHand : undefined,
  };
}

/** How many times `name` was counted; own keys only, so `constructor` or `__proto__` count 0 until tracked. */
export const count = (counts: Record<string, number> | undefined, name: string): number =>
  (counts && Object.hasOwn(counts, name) && +counts[name]!) || 0;

/** Progress with one more `track(name)`; persist it with `updateProgress`. */
export const countEvent = (progress: UserProgress, name: string): UserProgress => ({
  ...progress,
  counts: { ...progress.counts, [name]: count(progress.counts, name) + 1 },
});

// Local date: "per day" means the person's day, not UTC's.
const localDay = (now: number) => new Date(now - new Date(now).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** Automatic guides already shown `[today, in this session]` at `now`. */
export function shownCounts(shown: ShownCounts | undefined, now: number, session: string | undefined): [number, number] {
  return shown ? [shown.day === localDay(now) ? shown.today : 0, shown.session === session ? shown.inSession : 0] : [0, 0];
}

/** Progress after one more automatic guide was shown (not for resumes, manual starts or previews). */
export function noteShown(progress: UserProgress, now: number, session: string): UserProgress {
  const [today, inSession] = shownCounts(progress.shown, now, session);
  return { ...progress, shown: { day: localDay(now), today: today + 1, session, inSession: inSession + 1 } };
}

/** One atomic read-modify-write of the whole progress (opt-out, counts, budget); `fn` may return a new object. */
export function updateProgress(store: KeyValueStore, key: string, fn: (progress: UserProgress) => UserProgress): Promise<UserProgress> {
  return store.update<UserProgress>(key, (old) => fn(normalize(old)));
}

export async function loadProgress(store: KeyValueStore, key: string): Promise<UserProgress> {
  return normalize(await store.get(key));
}

export const saveRecord = (store: KeyValueStore, key: string, guideId: string, record: ProgressRecord): Promise<UserProgress> =>
  updateProgress(store, key, (p) => ({ ...p, guides: { ...p.guides, [guideId]: record } }));

export interface Visit {
  /** The last view of the previous session (for `inactiveDays` without a profile date). */
  before: number | undefined;
  /** This view starts a session: the first ever, or the first after SESSION_GAP_MS without one. */
  starts: boolean;
}

/**
 * Stores `now` as the latest page view. Per session, not per page: a ghost user stays one while the welcome-back
 * tour walks them across pages, instead of turning "active" on the second page.
 */
export async function recordVisit(store: KeyValueStore, key: string, now: number): Promise<Visit> {
  const visit: Visit = { before: undefined, starts: true };
  await store.update<UserProgress>(key, (old) => {
    const p = normalize(old);
    visit.starts = p.lastVisitAt === undefined || now - p.lastVisitAt > SESSION_GAP_MS;
    visit.before = visit.starts && p.lastVisitAt !== undefined ? p.lastVisitAt : p.visitBefore;
    p.lastVisitAt = now;
    p.visitBefore = visit.before;
    return p;
  });
  return visit;
}
