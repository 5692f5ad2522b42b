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
  /** The last visit recorded on this browser (epoch ms). */
  lastVisitAt?: number;
}

/** `progress:<app>:<userId>`; anonymous visitors share `~anonymous`, which no real id can be mistaken for. */
export const progressKey = (app: string, userId: string | undefined): string =>
  `progress:${app}:${userId || '~anonymous'}`;

// Whatever is stored (an older format, a hand-edited value) must not break the page. Returns a fresh object,
// which the update functions below may change.
function normalize(value: unknown): UserProgress {
  const { guides, lastVisitAt } = Object(value) as Partial<UserProgress>;
  return { guides: typeof guides === 'object' && guides ? guides : {}, lastVisitAt: typeof lastVisitAt === 'number' ? lastVisitAt : undefined };
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

/** Stores `now` as the latest visit and returns the previous one (for `inactiveDays` without a profile date). */
export async function recordVisit(store: KeyValueStore, key: string, now: number): Promise<number | undefined> {
  let previous: number | undefined;
  await store.update<UserProgress>(key, (old) => {
    const p = normalize(old);
    previous = p.lastVisitAt;
    p.lastVisitAt = now;
    return p;
  });
  return previous;
}
