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
}

export interface UserProgress {
  guides: Record<string, ProgressRecord>;
  /** The last page view recorded on this browser (epoch ms). */
  lastVisitAt?: number;
  /** The last page view of the previous session: what `inactiveDays` measures from, all session long. */
  visitBefore?: number;
}

/** Page views closer together than this belong to one session. @default 30 minutes */
export const SESSION_GAP_MS = 30 * 60_000;

/** `progress:<app>:<userId>`; anonymous visitors share `~anonymous`, which no real id can be mistaken for. */
export const progressKey = (app: string, userId: string | undefined): string =>
  `progress:${app}:${userId || '~anonymous'}`;

// Whatever is stored (an older format, a hand-edited value) must not break the page. Returns a fresh object,
// which the update functions below may change.
function normalize(value: unknown): UserProgress {
  const { guides, lastVisitAt, visitBefore } = Object(value) as Partial<UserProgress>;
  const time = (t: unknown) => (typeof t === 'number' ? t : undefined);
  return { guides: typeof guides === 'object' && guides ? guides : {}, lastVisitAt: time(lastVisitAt), visitBefore: time(visitBefore) };
}

export async function loadProgress(store: KeyValueStore, key: string): Promise<UserProgress> {
  return normalize(await store.get(key));
}

export function saveRecord(store: KeyValueStore, key: string, guideId: string, record: ProgressRecord): Promise<UserProgress> {
  return store.update<UserProgress>(key, (old) => {
    const p = normalize(old);
    p.guides = { ...p.guides, [guideId]: record };
    return p;
  });
}

/**
 * Stores `now` as the latest page view and returns the last view of the previous session (for `inactiveDays`
 * without a profile date). Per session, not per page: a ghost user stays one while the welcome-back tour
 * walks them across pages, instead of turning "active" on the second page.
 */
export async function recordVisit(store: KeyValueStore, key: string, now: number): Promise<number | undefined> {
  let before: number | undefined;
  await store.update<UserProgress>(key, (old) => {
    const p = normalize(old);
    before = p.lastVisitAt !== undefined && now - p.lastVisitAt > SESSION_GAP_MS ? p.lastVisitAt : p.visitBefore;
    p.lastVisitAt = now;
    p.visitBefore = before;
    return p;
  });
  return before;
}
