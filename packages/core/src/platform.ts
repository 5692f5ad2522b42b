// The ports through which the pure core reaches the world. `dom` assembles the browser implementation;
// `testing` provides memory/manual ones. Nothing in core touches a browser global.
import type { CompagnonEvent } from '@compagnon/schema';

/** A disposer: every subscription returns one, and calling it twice is harmless. */
export type Dispose = () => void;

/** Key-value persistence (IndexedDB in the browser). `update` is an atomic read-modify-write. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  update<T>(key: string, fn: (old: T | undefined) => T): Promise<T>;
  del(key: string): Promise<void>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `fn` once after `ms`; the returned disposer cancels it. */
  setTimeout(fn: () => void, ms: number): Dispose;
}

export interface Random {
  /** A UUIDv7: time-ordered, random after its 48-bit millisecond time (works on plain-http origins too). */
  uuid(): string;
  /** A float in [0, 1). */
  next(): number;
}

export interface Logger {
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface Platform {
  store: KeyValueStore;
  clock: Clock;
  random: Random;
  log: Logger;
}

/** The persisted event queue (IndexedDB in the browser), shared by every tab of the origin. */
export interface OutboxStore {
  append(events: CompagnonEvent[]): Promise<void>;
  /** Oldest first, at most `limit`. */
  peek(limit: number): Promise<CompagnonEvent[]>;
  /** Unknown ids are ignored: another tab may have removed them already. */
  remove(ids: string[]): Promise<void>;
  count(): Promise<number>;
}

/**
 * Synchronous storage for the events a closing page could not persist in time (an IndexedDB write in flight
 * when the document goes away is lost). `save` adds to what is kept; `take` returns it all and forgets it.
 * Neither throws: storage that is full or forbidden keeps nothing.
 */
export interface RescueStore {
  save(events: CompagnonEvent[]): void;
  take(): CompagnonEvent[];
}

export interface TransportResponse {
  status: number;
  /** The raw `Retry-After` header, when the answer carried one. */
  retryAfter?: string | null;
  /** The parsed JSON body of a 2xx answer, when there was one. */
  body?: unknown;
}

/** The sender. It owns the collector URL and the `Authorization` header; the outbox hands it bodies. */
export interface Transport {
  /** POSTs a JSON body; rejects (or resolves status 0) on a network error. */
  send(body: string): Promise<TransportResponse>;
  /** Fire-and-forget on page hide; false when the browser refused it. */
  beacon(body: string): boolean;
}
