// The outbox coordinator: persists first, then sends one batch at a time and applies the policy's verdicts.
// Events leave the persisted queue only on a 2xx; everything else keeps them and waits (backoff, Retry-After).
// Nothing throws to callers: a failing store or listener is logged, and the events wait in memory meanwhile.
import type { CompagnonEvent } from '@compagnon/schema';
import type { Clock, Dispose, Logger, OutboxStore, Random, RescueStore, Transport, TransportResponse } from '../platform.ts';
import {
  DEFAULT_OUTBOX,
  type OutboxConfig,
  type RejectedEvent,
  backoffDelay,
  beaconBody,
  classify,
  isUrgent,
  parseRetryAfter,
  rejectedEvents,
  takeBatch,
} from './policy.ts';

export interface OutboxDeps {
  store: OutboxStore;
  transport: Transport;
  clock: Clock;
  random: Random;
  log: Logger;
  /** The app's write key, for beacon bodies only (the transport sets fetch's `Authorization` header). */
  key?: string;
  /**
   * Where `flushOnHide` keeps, synchronously, the events not yet safely in `store`; the next outbox of the app
   * takes them back. Without it, a page closed during such a write loses those events if the beacon fails too.
   */
  rescue?: RescueStore;
  /** Whether this tab flushes the shared queue. When a tab becomes leader, call `kick()`. */
  isLeader(): boolean;
  /** @default DEFAULT_OUTBOX */
  config?: Partial<OutboxConfig>;
  onRejected(events: RejectedEvent[]): void;
  onError(message: string, status?: number): void;
  onAck(at: number): void;
}

export interface OutboxStats {
  /** Last known size of the persisted queue (every tab's events). */
  queued: number;
  rejected: number;
  /** Events refused because the queue was full, since this outbox was created. */
  dropped: number;
  lastAckAt?: number;
  lastError?: string;
  nextAttemptAt?: number;
}

export interface Outbox {
  /** Resolves once the events are persisted (or kept in memory after a store failure), never rejects. */
  enqueue(events: CompagnonEvent[]): Promise<void>;
  flush(): Promise<void>;
  /** Synchronous, for `pagehide`: beacons this tab's unacknowledged events; they stay queued until a 2xx. */
  flushOnHide(): void;
  /** Another tab appended, or this tab became leader: flush soon (at once when `urgent`). */
  kick(urgent?: boolean): void;
  stats(): OutboxStats;
  dispose(): void;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, transport, clock, random, log } = deps;
  const config: OutboxConfig = { ...DEFAULT_OUTBOX, ...deps.config };
  const { maxQueue, flushDelayMs } = config;
  // This tab's events not yet acknowledged, oldest first: what the synchronous beacon can still send.
  const mirror = new Map<string, CompagnonEvent>();
  const stats: OutboxStats = { queued: 0, rejected: 0, dropped: 0 };
  let unpersisted: CompagnonEvent[] = [];
  // The batch of the append in progress: not safe until it resolves.
  let writing: CompagnonEvent[] = [];
  let chain = Promise.resolve();
  let unreportedDrops = 0;
  let attempt = 0;
  let nextAttemptAt: number | undefined;
  // The armed flush timer: when it fires (Infinity: none) and its disposer (harmless once it has fired).
  let timerAt = Infinity;
  let cancelTimer: Dispose = () => {};
  let inFlight = false;
  let again = false;
  let disposed = false;

  const call = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      log.error('outbox listener failed', error);
    }
  };
  // Reports a message to the host (with its status when there is one) as the outbox's last error.
  const fail = (message: string, status?: number) => call(() => deps.onError((stats.lastError = message), status));
  // Store failures are logged and survived: the caller sees `false` and keeps or retries.
  const tryStore = async (what: string, task: () => Promise<unknown>): Promise<boolean> => {
    try {
      await task();
      return true;
    } catch (error) {
      log.warn(`outbox: could not ${what}`, error);
      return false;
    }
  };

  const blocked = () => nextAttemptAt !== undefined && clock.now() < nextAttemptAt;
  const disarm = () => {
    cancelTimer();
    timerAt = Infinity;
  };
  // At most one pending timer, whoever arms it: an earlier deadline replaces a later one, never the reverse, so
  // flushes never pile up. Never before the backoff allows.
  const arm = (delay: number) => {
    const at = Math.max(clock.now() + delay, nextAttemptAt ?? 0);
    if (disposed || timerAt <= at) return;
    cancelTimer();
    timerAt = at;
    cancelTimer = clock.setTimeout(() => {
      timerAt = Infinity;
      void flush();
    }, at - clock.now());
  };
  // Urgent events go at once, others wait for company. While backing off, the armed retry covers both.
  const kick = (urgent?: boolean) => (urgent ? void flush() : arm(flushDelayMs));

  // Appends and counts go through one chain, so events reach the store in the order they were queued, even
  // when an earlier append failed and is retried.
  const serial = (task: () => Promise<unknown>) => (chain = chain.then(task).then(() => {}));
  const persist = () =>
    serial(async () => {
      const batch = (writing = unpersisted);
      unpersisted = [];
      const ok = !batch.length || (await tryStore('persist events', () => store.append(batch)));
      writing = [];
      if (!ok) unpersisted.unshift(...batch);
    });
  const refresh = () => serial(() => tryStore('count events', async () => (stats.queued = (await store.count()) + unpersisted.length)));

  // Waits, longer after each failure: `atLeast` is the collector's Retry-After; `status` reports to the host.
  const backoff = (message: string, atLeast = 0, status?: number): false => {
    attempt++;
    nextAttemptAt = clock.now() + Math.max(atLeast, backoffDelay(attempt, random.next(), config));
    if (status) fail(message, status);
    else stats.lastError = message;
    disarm();
    arm(0);
    return false;
  };

  // Removes settled events from the mirror and the store. A failed removal only means a resend later, which
  // the collector deduplicates, but it must stop the loop or the same batch would be sent again at once.
  const settle = async (events: CompagnonEvent[], rejected: RejectedEvent[]): Promise<boolean> => {
    for (const event of events) mirror.delete(event.id);
    if (rejected.length) {
      stats.rejected += rejected.length;
      call(() => deps.onRejected(rejected));
    }
    if (!(await tryStore('remove events', () => store.remove(events.map((e) => e.id))))) return backoff('could not remove events');
    await refresh();
    return true;
  };

  // One batch; a 413 splits it and sends both halves in turn. True when every event was settled.
  const deliver = async (queued: CompagnonEvent[], drops: number): Promise<boolean> => {
    const { events, body } = takeBatch(queued, config, { dropped: drops });
    let response: TransportResponse;
    try {
      response = await transport.send(body);
    } catch {
      response = { status: 0 };
    }
    const { status } = response;
    const outcome = classify(response);
    if (outcome === 'ack') {
      unreportedDrops -= drops;
      attempt = 0;
      nextAttemptAt = undefined;
      const at = (stats.lastAckAt = clock.now());
      call(() => deps.onAck(at));
      return settle(events, rejectedEvents(response.body, events));
    }
    if (outcome === 'split') {
      if (events.length < 2) return settle(events, [{ event: events[0]!, reason: 'too large for the collector (413)' }]);
      const half = Math.ceil(events.length / 2);
      return (await deliver(events.slice(0, half), drops)) && deliver(events.slice(half), 0);
    }
    return backoff(
      status ? `collector answered ${status}` : 'network error',
      outcome === 'retry-after' ? parseRetryAfter(response.retryAfter, clock.now()) : 0,
      outcome === 'keep-and-report' ? status : undefined,
    );
  };

  // True when a batch was acknowledged and more may remain.
  const round = async (): Promise<boolean> => {
    await persist();
    if (unpersisted.length) return backoff('could not persist events');
    if (blocked() || !deps.isLeader()) return false;
    let events: CompagnonEvent[] = [];
    if (!(await tryStore('read events', async () => (events = await store.peek(config.maxBatchEvents))))) {
      return backoff('could not read events');
    }
    return events.length > 0 && deliver(events, unreportedDrops);
  };

  async function flush(): Promise<void> {
    // While backing off, the retry timer is armed already (backoff arms it and nothing earlier replaces it).
    if (disposed || blocked()) return;
    if (inFlight) {
      again = true;
      return;
    }
    disarm();
    inFlight = true;
    try {
      let more = true;
      while (more && !disposed) {
        again = false;
        more = (await round()) || again;
      }
    } finally {
      inFlight = false;
    }
  }

  // What an earlier page could only rescue joins the queue first; then leftovers (beaconed or not) go out soon.
  const rescued = deps.rescue?.take() ?? [];
  if (rescued.length) {
    unpersisted.push(...rescued);
    void persist();
  }
  void refresh().then(() => stats.queued && arm(flushDelayMs));

  return {
    async enqueue(events) {
      if (disposed || !events.length) return;
      // Other tabs' acks shrink the shared queue unseen (a follower never settles anything): recount near the bound.
      if (stats.queued + events.length > maxQueue) await refresh();
      const accepted = events.slice(0, Math.max(0, maxQueue - stats.queued));
      const refused = events.length - accepted.length;
      if (refused) {
        stats.dropped += refused;
        unreportedDrops += refused;
        fail(`outbox full: ${refused} event(s) refused`);
      }
      if (!accepted.length) return;
      for (const event of accepted) {
        mirror.set(event.id, event);
        // A follower never sees the leader's acks, so its mirror keeps only the newest events it could hold.
        if (mirror.size > maxQueue) mirror.delete(mirror.keys().next().value!);
      }
      stats.queued += accepted.length;
      unpersisted.push(...accepted);
      await persist();
      kick(accepted.some(isUrgent));
    },
    flush,
    flushOnHide() {
      // The page may be going away: events still waiting behind an earlier append would never reach the store.
      // Write them now, outside the chain (the store orders events by their queueing, not by transaction), so an
      // unacknowledged beacon is resent on the next load.
      const waiting = unpersisted;
      unpersisted = [];
      // Those writes may not commit before the document goes: kept synchronously too, taken back on the next load
      // (an event stored twice is sent twice at worst, and the collector keeps one per id).
      const unsafe = [...writing, ...waiting];
      if (unsafe.length) deps.rescue?.save(unsafe);
      if (waiting.length) {
        void tryStore('persist events', () => store.append(waiting)).then((ok) => { if (!ok) unpersisted.unshift(...waiting); });
      }
      const beacon = beaconBody([...mirror.values()], deps.key, config);
      let error: unknown;
      try {
        if (!beacon || transport.beacon(beacon.body)) return;
      } catch (e) {
        error = e;
      }
      log.warn('outbox: beacon refused; events stay queued', error);
    },
    kick,
    stats: () => ({ ...stats, nextAttemptAt }),
    dispose() {
      disposed = true;
      disarm();
    },
  };
}
