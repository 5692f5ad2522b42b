export { launchChromium, watchPage, CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.ts';
export { createManualClock, createSeededRandom, type ManualClock } from './manual.ts';
export { createMemoryStore } from '@compagnon/core';
export {
  startTestCollector,
  type CollectorBackend,
  type CollectorBehaviour,
  type CollectorRequest,
  type TestCollector,
  type TestCollectorOptions,
} from './collector.ts';
