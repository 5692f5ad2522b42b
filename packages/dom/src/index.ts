export { createBrowserPlatform, type BrowserPlatformOptions } from './platform.ts';
export { createIdbStore, type IdbStore, type IdbStoreOptions } from './idb-store.ts';
export { createClock } from './clock.ts';
export { createRandom } from './random.ts';
export { createConsoleLogger } from './log.ts';
export { createDomWatcher, type DomWatcher, type SubscribeOptions } from './dom-watcher.ts';
export { watchUrl } from './url-watcher.ts';
export { queryTarget, matchesSelector, waitForTarget, type WaitForTargetOptions } from './targets.ts';
export { onDocumentClick } from './click.ts';
