// The browser's Platform for core, assembled from one-function files (as floating-ui's `platform.ts`).
import type { Logger, Platform } from '@compagnon/core';
import { createClock } from './clock.ts';
import { createIdbStore, type IdbStore } from './idb-store.ts';
import { createConsoleLogger } from './log.ts';
import { createRandom } from './random.ts';

export interface BrowserPlatformOptions {
  /** @default console, prefixed `[compagnon]` */
  log?: Logger;
}

export function createBrowserPlatform({ log = createConsoleLogger() }: BrowserPlatformOptions = {}): Platform & {
  store: IdbStore;
} {
  return { store: createIdbStore({ log }), clock: createClock(log), random: createRandom(), log };
}
