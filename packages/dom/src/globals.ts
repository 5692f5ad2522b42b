// The one module that reads browser globals (as posthog-js `globals.ts` and Sentry's `WINDOW` do). Everything
// else takes them from here or as parameters, so tests pass their own and importing under node never crashes.
// Getters rather than constants: the value is read when needed, after a test environment or polyfill is set up.

type Globals = Partial<Window & typeof globalThis>;
const G = globalThis as Globals;

export const getWindow = (): Window | undefined => G.window;

export const getDocument = (): Document | undefined => G.document;

export const getCrypto = (): Crypto | undefined => G.crypto;

export function getIndexedDB(): IDBFactory | undefined {
  // Reading `indexedDB` throws a SecurityError in some sandboxed iframes and in Firefox with storage disabled.
  try {
    return G.indexedDB;
  } catch {
    return undefined;
  }
}

export const getNavigator = (): Navigator | undefined => G.navigator;

export const getFetch = (): typeof fetch | undefined => G.fetch;

export const getKeyRange = (): typeof IDBKeyRange | undefined => G.IDBKeyRange;

export const getBroadcastChannel = (): typeof BroadcastChannel | undefined => G.BroadcastChannel;
