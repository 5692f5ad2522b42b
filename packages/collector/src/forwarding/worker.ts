// The delivery worker: claims due pending deliveries, sends them, records each attempt on its row.
// Several collector instances may share one PostgreSQL: a claim is one UPDATE that moves `next_attempt_at` past
// the send's duration before anything is sent, so another instance's claim no longer matches the row (its WHERE
// is re-checked on the locked row; SKIP LOCKED lets it pass over rows being claimed). If an instance dies
// mid-send, the row comes due again when the claim lapses. On SQLite one process owns the file.
import type { Db } from '../db/types.ts';
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay } from './backoff.ts';
import { type Fetch, send } from './send.ts';
import type { AppRow, DeliveryRow } from './types.ts';

export interface ForwardingOptions {
  /** @default Date.now */
  now?: () => number;
  /** @default globalThis.fetch */
  fetch?: Fetch;
  /** Pause between two polls for due deliveries. @default 1_000 */
  intervalMs?: number;
  /** In [0, 1): the retry jitter. @default Math.random */
  random?: () => number;
  /** After this many attempts a delivery is `failed` for good. @default 10 (about 1.5 h of retries with the default backoff) */
  maxAttempts?: number;
  /** First retry delay, doubled per attempt. @default 5_000 */
  baseDelayMs?: number;
  /** @default 3_600_000 */
  maxDelayMs?: number;
  /** One HTTP request's time limit. @default 10_000 */
  timeoutMs?: number;
  /** How long a claim holds a row before another worker may take it; longer than any attempt. @default 300_000 */
  claimTtlMs?: number;
  /** Deliveries claimed (and sent concurrently) at a time. @default 20 */
  claimBatch?: number;
  /** @default console.error */
  onError?: (err: unknown) => void;
}

export interface Forwarding {
  /** Stops polling and waits for the attempt in progress. */
  stop(): Promise<void>;
  /** Sends every delivery due now (serialised with the loop's own runs). */
  runOnce(): Promise<void>;
}

/** Claims up to `limit` due deliveries, counting the attempt and pushing `next_attempt_at` by `ttl`. */
export async function claimDue(db: Db, now: number, limit: number, ttl: number): Promise<DeliveryRow[]> {
  let due = db.kysely
    .selectFrom('deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit);
  if (db.dialect === 'postgres') due = due.forUpdate().skipLocked();
  return db.kysely
    .updateTable('deliveries')
    .set((eb) => ({ next_attempt_at: now + ttl, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .returningAll()
    .execute();
}

export function startForwarding(db: Db, options: ForwardingOptions = {}): Forwarding {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const intervalMs = options.intervalMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const backoff = { baseDelayMs: options.baseDelayMs ?? DEFAULT_BACKOFF.baseDelayMs, maxDelayMs: options.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const claimTtlMs = options.claimTtlMs ?? 300_000;
  const claimBatch = options.claimBatch ?? 20;
  const onError = options.onError ?? ((err: unknown) => console.error('[compagnon] forwarding:', err));

  async function attempt(d: DeliveryRow, app: AppRow | undefined): Promise<void> {
    const outcome = await send(d, app, { fetch: fetchFn, now: now(), timeoutMs });
    const at = now();
    // `attempts` unchanged since our claim: a worker whose claim lapsed must not overwrite a newer attempt.
    const mine = db.kysely.updateTable('deliveries').where('id', '=', d.id).where('attempts', '=', d.attempts).where('status', '=', 'pending');
    if (outcome.ok) {
      await mine.set({ status: 'delivered', delivered_at: at, last_status: outcome.status, last_error: null }).execute();
      return;
    }
    const giveUp = outcome.permanent || d.attempts >= maxAttempts;
    const delay = retryDelay(d.attempts, random(), backoff, parseRetryAfter(outcome.retryAfter, at));
    await mine
      .set({
        status: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp ? at : at + delay,
        last_status: outcome.status,
        last_error: outcome.error,
      })
      .execute();
  }

  async function run(): Promise<void> {
    const apps = new Map<string, AppRow | undefined>();
    // Bounded: each round either delivers rows or pushes them into the future, so rounds run out; the bound only
    // keeps one run from starving shutdown under a flood.
    for (let round = 0; round < 100; round++) {
      const claimed = await claimDue(db, now(), claimBatch, claimTtlMs);
      if (claimed.length === 0) return;
      const missing = [...new Set(claimed.map((d) => d.app))].filter((id) => !apps.has(id));
      if (missing.length > 0) {
        const rows = await db.kysely.selectFrom('apps').selectAll().where('id', 'in', missing).execute();
        for (const id of missing) apps.set(id, rows.find((r) => r.id === id));
      }
      const results = await Promise.allSettled(claimed.map((d) => attempt(d, apps.get(d.app))));
      for (const r of results) if (r.status === 'rejected') onError(r.reason);
      if (claimed.length < claimBatch) return;
    }
  }

  let chain: Promise<void> = Promise.resolve();
  const runOnce = (): Promise<void> => {
    const next = chain.then(run);
    chain = next.catch(() => {});
    return next;
  };

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    runOnce()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs).unref();
      });
  };
  timer = setTimeout(tick, intervalMs).unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
