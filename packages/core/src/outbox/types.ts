// The outbox's contract with the sdk, apart from its implementation (outbox.ts).
import type { CompagnonEvent } from '@compagnon/schema';
import type { Clock, Logger, OutboxStore, Random, Transport } from '../platform.ts';
import type { RejectedEvent } from './ack.ts';
import type { OutboxConfig } from './policy.ts';

export interface OutboxDeps {
  store: OutboxStore;
  transport: Transport;
  clock: Clock;
  random: Random;
  log: Logger;
  /** The app's write key, for beacon bodies only (the transport sets fetch's `Authorization` header). */
  key?: string;
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
