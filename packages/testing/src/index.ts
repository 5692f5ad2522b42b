export { launchChromium, watchPage, CHROMIUM_PATH, CHROMIUM_ARGS } from './chromium.ts';
export { createManualClock, createSeededRandom, type ManualClock } from './manual.ts';
export { createMemoryStore } from '@compagnon/core';
