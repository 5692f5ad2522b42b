export { createBrowserPlatform, type BrowserPlatformOptions } from './platform.ts';
export { createIdbStore, type IdbStore, type IdbStoreOptions } from './idb-store.ts';
export { createClock } from './clock.ts';
export { createRandom } from './random.ts';
export { createConsoleLogger } from './log.ts';
export { createDomWatcher, type DomWatcher, type SubscribeOptions } from './dom-watcher.ts';
export { watchUrl } from './url-watcher.ts';
export {
  queryTarget,
  matchesSelector,
  waitForTarget,
  waitForTargetDetailed,
  type TargetMatch,
  type WaitForTargetOptions,
} from './targets.ts';
export { resolveTarget, describeTarget, locate } from './resolve.ts';
export { nameOf, roleOf } from './a11y.ts';
export { createTypingDetector, type TypingDetector } from './typing.ts';
export { onDocumentClick } from './click.ts';
export { getDocument, getWindow } from './globals.ts';
export { sessionId } from './session.ts';
export { createIdbOutboxStore, type IdbOutboxStore, type IdbOutboxStoreOptions } from './outbox-store.ts';
export { createRescueStore } from './rescue.ts';
export { createFetchTransport, type FetchTransportOptions } from './transport.ts';
export { createTabChannel, type TabChannel } from './tabs.ts';
export { electLeader, type ElectLeaderOptions, type Leader } from './leader.ts';
export { onPageHide } from './page-hide.ts';
