// When a failed delivery is tried again: exponential, capped, with jitter so that many deliveries failing
// together (an LRS outage) do not all come back at the same instant.

export interface BackoffOptions {
  /** @default 5_000 */
  baseDelayMs: number;
  /** @default 3_600_000 (1 h) */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseDelayMs: 5_000, maxDelayMs: 3_600_000 };

/**
 * Delay after the `attempts`-th failed attempt (1-based): base·2^(attempts−1), capped, then "equal jitter" —
 * uniformly in [d/2, d] — which spreads retries yet keeps the growth (full jitter could retry at once).
 * A `Retry-After` from the server, when longer, wins.
 */
export function retryDelay(attempts: number, random: number, o: BackoffOptions = DEFAULT_BACKOFF, retryAfterMs?: number): number {
  const d = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(d / 2 + (d / 2) * random);
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, o.maxDelayMs));
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
