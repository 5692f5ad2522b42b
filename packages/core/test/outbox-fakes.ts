// A recording memory store, a scripted transport and a harness for the outbox: one shared journal records
// appends and sends in order, so tests can prove that nothing is sent before it was persisted.
import type { CompagnonEvent, EventType } from '@compagnon/schema';
import { createManualClock, createSeededRandom } from '@compagnon/testing';
import {
  type OutboxConfig,
  type OutboxDeps,
  type OutboxStore,
  type RejectedEvent,
  type RescueStore,
  type TransportResponse,
  createMemoryOutboxStore,
  createOutbox,
} from '../src/index.ts';
import { NOW } from './fixtures.ts';

export const ev = (n: number, type: EventType = 'step_viewed', props?: Record<string, unknown>): CompagnonEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type,
  ts: new Date(NOW).toISOString(),
  app: 'rh',
  session: 's-1',
  guide: 'g',
  populations: [],
  ...(props ? { props } : {}),
});
export const evs = (from: number, to: number, type?: EventType) => Array.from({ length: to - from + 1 }, (_, i) => ev(from + i, type));
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SentBatch {
  at: number;
  ids: string[];
  dropped?: number;
  bytes: number;
}

type Answer = TransportResponse | Error | Promise<TransportResponse>;

export function harness(options: {
  answer?: (batch: SentBatch, n: number) => Answer;
  config?: Partial<OutboxConfig>;
  store?: OutboxStore;
  key?: string;
  rescue?: RescueStore;
} = {}) {
  const clock = createManualClock(NOW);
  const journal: string[] = [];
  const memory = options.store ?? createMemoryOutboxStore();
  const failures = { append: 0, remove: 0, peek: 0 };
  const store: OutboxStore & { ids(): Promise<string[]> } = {
    async append(events) {
      if (failures.append > 0 && failures.append--) throw new Error('append failed');
      await memory.append(events);
      journal.push(...events.map((e) => `append ${e.id}`));
    },
    async peek(limit) {
      if (failures.peek > 0 && failures.peek--) throw new Error('peek failed');
      return memory.peek(limit);
    },
    async remove(ids) {
      if (failures.remove > 0 && failures.remove--) throw new Error('remove failed');
      await memory.remove(ids);
    },
    count: () => memory.count(),
    ids: async () => (await memory.peek(Number.MAX_SAFE_INTEGER)).map((e) => e.id),
  };
  const sent: SentBatch[] = [];
  const beacons: string[] = [];
  const seen = { rejected: [] as RejectedEvent[], errors: [] as Array<[string, number | undefined]>, acks: [] as number[], warnings: [] as string[] };
  let beaconAccepted = true;
  const state = { leader: true };
  const deps: OutboxDeps = {
    store,
    clock,
    random: createSeededRandom(7),
    log: { warn: (m) => void seen.warnings.push(m), error: (m) => void seen.warnings.push(m) },
    key: options.key,
    rescue: options.rescue,
    config: options.config,
    isLeader: () => state.leader,
    transport: {
      async send(body) {
        const parsed = JSON.parse(body) as { events: CompagnonEvent[]; dropped?: number };
        const batch: SentBatch = { at: clock.now(), ids: parsed.events.map((e) => e.id), dropped: parsed.dropped, bytes: Buffer.byteLength(body) };
        sent.push(batch);
        journal.push(...batch.ids.map((id) => `send ${id}`));
        const answer = options.answer?.(batch, sent.length) ?? { status: 200, body: { accepted: batch.ids.length, duplicates: 0, rejected: [] } };
        if (answer instanceof Error) throw answer;
        return answer;
      },
      beacon(body) {
        beacons.push(body);
        return beaconAccepted;
      },
    },
    onRejected: (events) => void seen.rejected.push(...events),
    onError: (message, status) => void seen.errors.push([message, status]),
    onAck: (at) => void seen.acks.push(at),
  };
  const outbox = createOutbox(deps);
  return {
    outbox,
    clock,
    store,
    failures,
    sent,
    beacons,
    seen,
    journal,
    state,
    refuseBeacons: () => void (beaconAccepted = false),
    /** Moves the manual clock, then lets the promises started by due timers run. */
    advance: async (ms: number) => {
      clock.advance(ms);
      await settle();
    },
  };
}

/** A rescue store in memory, as localStorage would keep it across pages. */
export function memoryRescue(): RescueStore & { kept: CompagnonEvent[] } {
  const r = {
    kept: [] as CompagnonEvent[],
    save: (events: CompagnonEvent[]) => void r.kept.push(...events),
    take: () => r.kept.splice(0),
  };
  return r;
}
