// Every ingest request resolves its write key and every preflight its origin: answered from memory, reloaded
// from the database at most every `ttlMs` (so several stateless instances converge on an app's change within
// that delay) and at once when this instance changed an app itself.
import type { Db } from '../db/types.ts';
import { type App, toApp } from './store.ts';

export interface AppCache {
  byKey(key: string): Promise<App | undefined>;
  byId(id: string): Promise<App | undefined>;
  /** Whether some app admits this origin: preflights do not carry the write key, so they cannot know which app. */
  anyAdmits(origin: string): Promise<boolean>;
  invalidate(): void;
}

interface Snapshot {
  at: number;
  byKey: Map<string, App>;
  byId: Map<string, App>;
}

/** @param ttlMs @default 5_000 */
export function createAppCache(db: Db, ttlMs = 5_000, clock: () => number = Date.now): AppCache {
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  let generation = 0;

  async function load(): Promise<Snapshot> {
    const rows = await db.kysely.selectFrom('apps').selectAll().execute();
    const byKey = new Map<string, App>();
    const byId = new Map<string, App>();
    for (const row of rows) {
      const app = toApp(row);
      byId.set(app.id, app);
      for (const key of app.writeKeys) byKey.set(key, app);
    }
    return { at: clock(), byKey, byId };
  }

  function current(): Promise<Snapshot> {
    if (snapshot && clock() - snapshot.at < ttlMs) return Promise.resolve(snapshot);
    // One load at a time, shared by every request waiting for it.
    if (loading) return loading;
    const gen = generation;
    const pending = load().then((s) => {
      // A load that began before an invalidation may hold the old row: answer with it, do not keep it.
      if (gen === generation) snapshot = s;
      return s;
    });
    loading = pending;
    void pending.finally(() => {
      if (loading === pending) loading = undefined;
    }).catch(() => {});
    return pending;
  }

  return {
    byKey: async (key) => (await current()).byKey.get(key),
    byId: async (id) => (await current()).byId.get(id),
    anyAdmits: async (origin) => [...(await current()).byId.values()].some((app) => admits(app, origin)),
    invalidate() {
      snapshot = undefined;
      loading = undefined;
      generation++;
    },
  };
}

/** An app with no origin listed admits any (development, server-side senders); otherwise exact match. */
export function admits(app: App, origin: string): boolean {
  return app.origins.length === 0 || app.origins.includes('*') || app.origins.includes(origin);
}
