// The ports through which the pure core reaches the world. `dom` assembles the browser implementation;
// `testing` provides memory/manual ones. Nothing in core touches a browser global.

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
  /** A v4 UUID (works where `crypto.randomUUID` is missing, e.g. plain-http origins). */
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
