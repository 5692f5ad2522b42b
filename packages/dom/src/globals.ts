// The one module that reads browser globals (as posthog-js `globals.ts` and Sentry's `WINDOW` do). Everything
// else takes them from here or as parameters, so tests pass their own and importing under node never crashes.
// Read when needed rather than held in constants: after a test environment or polyfill is set up.

type Globals = Window & typeof globalThis;

/** The global `name`, or undefined where it is missing or its getter throws. */
export function getGlobal<K extends keyof Globals>(name: K): Globals[K] | undefined {
  // Reading `indexedDB` throws a SecurityError in some sandboxed iframes and in Firefox with storage disabled.
  try {
    return (globalThis as Globals)[name];
  } catch {
    return undefined;
  }
}

export const getWindow = (): Window | undefined => getGlobal('window');

export const getDocument = (): Document | undefined => getGlobal('document');
