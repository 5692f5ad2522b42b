import type { Bundle, CompagnonEvent, EventType, Locale } from '@compagnon/schema';
import type { Dispose, Transport, UserProfile } from '@compagnon/core';

export type { CompagnonEvent, EventType, Locale, UserProfile, Dispose };

export interface CompagnonOptions {
  /** The app id, as in the bundle's `app` and the collector's per-app keys. */
  app: string;
  /** Where the guides come from: a URL, `#id` of a `<script type="application/json">`, or a bundle object. */
  guides: string | Bundle | Record<string, unknown>;
  /** The collector's events URL (delivery comes with the outbox). */
  collector?: string;
  /** The app's public write key. */
  key?: string;
  /**
   * Sends the outbox's batches instead of `fetch`/`sendBeacon` to `collector` (the browser extension hands them to
   * its service worker). With it, `collector` is not needed. @default fetch to `collector`
   */
  transport?: Transport;
  /** @default `<html lang>`, else the browser's language, else English */
  locale?: Locale | string;
  /** The person; `window.compagnonUser` when started by the script tag. Without one, only guides without an audience run. */
  user?: UserProfile;
  /** Keep query strings and fragments in reported URLs. @default false */
  keepQuery?: boolean;
  /** CSP nonce for the `<style>` fallback where constructable stylesheets are missing. @default the script tag's nonce */
  nonce?: string;
}

/** What `on('error')` listeners receive. */
export interface CompagnonError {
  code: 'bundle' | 'load' | 'storage' | 'delivery' | 'rejected' | 'internal';
  message: string;
  /** The collector's HTTP status, for delivery errors. */
  status?: number;
  path?: string;
  guide?: string;
}

export interface DebugInfo {
  initialised: boolean;
  storage: 'indexeddb' | 'memory' | 'none';
  user?: string;
  populations: string[];
  guides: string[];
  activeTour?: string;
  /** Whether the guides were validated on this page or their verdict read back from an earlier page's. */
  bundle?: 'validated' | 'cache';
  errors: number;
  lastError?: CompagnonError;
  /** The persisted outbox (absent without a collector). */
  outbox?: { queued: number; rejected: number; dropped: number; lastAckAt?: number; lastError?: string };
}

export type Listener<T> = (payload: T) => void;

export interface CompagnonApi {
  init(options: CompagnonOptions): Promise<void>;
  identify(user: UserProfile | undefined): Promise<void>;
  start(guideId: string): Promise<boolean>;
  track(eventName: string, props?: Record<string, unknown>): void;
  on(type: 'event' | EventType, listener: Listener<CompagnonEvent>): Dispose;
  on(type: 'error', listener: Listener<CompagnonError>): Dispose;
  reset(): Promise<void>;
  destroy(): void;
  debug(): DebugInfo;
}
