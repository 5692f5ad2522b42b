import type { Bundle, CompagnonEvent, Guide, Locale } from '@compagnon/schema';
import type { Dispose, Effect, Platform, UserProfile, UserProgress } from '@compagnon/core';
import type { DomWatcher, TabChannel } from '@compagnon/dom';
import type { CompagnonError } from './api.ts';

/** The shared state of one running instance; each module of the runtime reads and updates it. */
export interface Ctx {
  readonly app: string;
  readonly platform: Platform & { store: { readonly mode: 'indexeddb' | 'memory' } };
  readonly watcher: DomWatcher;
  /** This origin's other tabs: progress and outbox news. */
  readonly channel: TabChannel;
  readonly session: string;
  readonly keepQuery: boolean;
  locale: Locale;
  bundle: Bundle;
  guides: Map<string, Guide>;
  user: UserProfile | undefined;
  key: string;
  progress: UserProgress;
  populations: string[];
  /** Guides held back for this page view (e.g. a tour whose target never came). */
  paused: Set<string>;
  /** `?compagnon-preview=<id>`: that guide alone, marked as a preview; nothing is saved or sent. */
  readonly preview: string | undefined;
  emitEvent(event: CompagnonEvent): void;
  emitError(error: CompagnonError): void;
  /** Runs effects from core's transitions: persist, then report; show and close right away. */
  apply(guide: Guide, effects: Effect[]): void;
  render(): void;
  /** Follows a link from a guide (checklist item, announcement action). */
  navigate(href: string): void;
  disposers: Dispose[];
}
