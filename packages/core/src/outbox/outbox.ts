// The outbox coordinator: persists first, then sends one batch at a time and applies the policy's verdicts.
// Events leave the persisted queue only on a 2xx; everything else keeps them and waits (backoff, Retry-After).
// Nothing throws to callers: a failing store or listener is logged, and the events wait in memory meanwhile.
import type { CompagnonEvent } from '@compagnon/schema';
import type { TransportResponse } from '../platform.ts';
import { type RejectedEvent, rejectedEvents } from './ack.ts';
import { createDeadline } from './deadline.ts';
import { DEFAULT_OUTBOX, type OutboxConfig, backoffDelay, beaconBody, classify, isUrgent, parseRetryAfter, takeBatch } from './policy.ts';
import type { Outbox, OutboxDeps } from './types.ts';

export type { Outbox, OutboxDeps, OutboxStats } from './types.ts';

export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, transport, clock, random, log } = deps;
  const config: OutboxConfig = { ...DEFAULT_OUTBOX, ...deps.config };
  const deadline = createDeadline(clock);
  // This tab's events not yet acknowledged, oldest first: what the synchronous beacon can still send.
  const mirror = new Map<string, CompagnonEvent>();
  let unpersisted: CompagnonEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  const counts = { queued: 0, rejected: 0, dropped: 0 };
  let unreportedDrops = 0;
  let attempt = 0;
  let nextAttemptAt: number | undefined;
  let lastAckAt: number | undefined;
  let lastError: string | undefined;
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
  const blocked = () => nextAttemptAt !== undefined && clock.now() < nextAttemptAt;
  const arm = (delay: number) => {
    if (!disposed) deadline.arm(Math.max(clock.now() + delay, nextAttemptAt ?? 0), () => void flush());
  };
  const schedule = (urgent: boolean) => {
    if (urgent && !blocked()) void flush();
    else arm(urgent ? 0 : config.flushDelayMs);
  };

  // Appends and counts go through one chain, so events reach the store in the order they were queued, even
  // when an earlier append failed and is retried.
  const serial = (task: () => Promise<void>) => (chain = chain.then(task));
  const persist = () =>
    serial(async () => {
      if (unpersisted.length === 0) return;
      const batch = unpersisted;
      unpersisted = [];
      try {
        await store.append(batch);
      } catch (error) {
        unpersisted = [...batch, ...unpersisted];
        log.warn('outbox: could not persist events; they wait in memory', error);
      }
    });
  const refresh = () =>
    serial(async () => {
      try {
        counts.queued = (await store.count()) + unpersisted.length;
      } catch (error) {
        log.warn('outbox: could not count queued events', error);
      }
    });

  const refuse = (n: number) => {
    if (n <= 0) return;
    counts.dropped += n;
    unreportedDrops += n;
    const message = `outbox full (${config.maxQueue} events): ${n} event(s) refused`;
    lastError = message;
    call(() => deps.onError(message));
  };

  const backoff = (message: string, status?: number, atLeast = 0, report = false): false => {
    attempt++;
    nextAttemptAt = clock.now() + Math.max(atLeast, backoffDelay(attempt, random.next(), config));
    lastError = message;
    if (report) call(() => deps.onError(message, status));
    deadline.cancel();
    arm(0);
    return false;
  };

  const send = async (body: string): Promise<TransportResponse> => {
    try {
      return await transport.send(body);
    } catch {
      return { status: 0 };
    }
  };

  // Removes settled events from the mirror and the store. A failed removal only means a resend later, which
  // the collector deduplicates, but it must stop the loop or the same batch would be sent again at once.
  const settle = async (events: CompagnonEvent[], rejected: RejectedEvent[]): Promise<boolean> => {
    for (const event of events) mirror.delete(event.id);
    if (rejected.length > 0) {
      counts.rejected += rejected.length;
      call(() => deps.onRejected(rejected));
    }
    try {
      await store.remove(events.map((e) => e.id));
    } catch (error) {
      log.warn('outbox: could not remove acknowledged events', error);
      return backoff('could not remove acknowledged events');
    }
    await refresh();
    return true;
  };

  // One batch; a 413 splits it and sends both halves in turn. True when every event was settled.
  const deliver = async (events: CompagnonEvent[], drops: number): Promise<boolean> => {
    const batch = takeBatch(events, config, { dropped: drops });
    const response = await send(batch.body);
    const status = response.status;
    switch (classify(response)) {
      case 'ack':
        unreportedDrops -= drops;
        attempt = 0;
        nextAttemptAt = undefined;
        lastAckAt = clock.now();
        call(() => deps.onAck(lastAckAt as number));
        return settle(batch.events, rejectedEvents(response.body, batch.events));
      case 'split': {
        const [only] = batch.events;
        if (batch.events.length === 1 && only) return settle(batch.events, [{ event: only, reason: 'too large for the collector (413)' }]);
        const half = Math.ceil(batch.events.length / 2);
        return (await deliver(batch.events.slice(0, half), drops)) && deliver(batch.events.slice(half), 0);
      }
      case 'retry-after':
        return backoff(`collector busy (${status})`, status, parseRetryAfter(response.retryAfter, clock.now()));
      case 'keep-and-report':
        return backoff(`collector refused the batch (${status}); events kept`, status, 0, true);
      default:
        return backoff(status === 0 ? 'network error' : `collector error (${status})`, status || undefined);
    }
  };

  // True when a batch was acknowledged and more may remain.
  const round = async (): Promise<boolean> => {
    await persist();
    if (unpersisted.length > 0) return backoff('could not persist queued events');
    if (blocked() || !deps.isLeader()) return false;
    let events: CompagnonEvent[];
    try {
      events = await store.peek(config.maxBatchEvents);
    } catch (error) {
      log.warn('outbox: could not read queued events', error);
      return backoff('could not read queued events');
    }
    return events.length > 0 && deliver(events, unreportedDrops);
  };

  async function flush(): Promise<void> {
    if (disposed) return;
    if (inFlight) {
      again = true;
      return;
    }
    if (blocked()) return arm(0);
    deadline.cancel();
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

  // Leftovers of earlier pages (beaconed or not) go out soon after load.
  void refresh().then(() => {
    if (counts.queued > 0) arm(config.flushDelayMs);
  });

  return {
    async enqueue(events) {
      if (disposed || events.length === 0) return;
      // Other tabs' acks shrink the shared queue unseen (a follower never settles anything): recount near the bound.
      if (counts.queued + events.length > config.maxQueue) await refresh();
      const accepted = events.slice(0, Math.max(0, config.maxQueue - counts.queued));
      refuse(events.length - accepted.length);
      if (accepted.length === 0) return;
      for (const event of accepted) mirror.set(event.id, event);
      // A follower never sees the leader's acks, so its mirror keeps only the newest events it could hold.
      for (const id of mirror.keys()) {
        if (mirror.size <= config.maxQueue) break;
        mirror.delete(id);
      }
      counts.queued += accepted.length;
      unpersisted.push(...accepted);
      await persist();
      schedule(accepted.some(isUrgent));
    },
    flush,
    flushOnHide() {
      const beacon = beaconBody([...mirror.values()], deps.key, config);
      if (!beacon) return;
      try {
        if (!transport.beacon(beacon.body)) log.warn('outbox: the browser refused the beacon; events stay queued');
      } catch (error) {
        log.warn('outbox: beacon failed; events stay queued', error);
      }
    },
    kick: (urgent = false) => {
      if (!disposed) schedule(urgent);
    },
    stats: () => ({ ...counts, lastAckAt, lastError, nextAttemptAt }),
    dispose() {
      disposed = true;
      deadline.cancel();
    },
  };
}
