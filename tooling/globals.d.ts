/** Replaced at build time: true only in development builds (dev-only warnings sit behind it). */
declare const __DEV__: boolean;

/** Replaced at build time: a hash of packages/schema/src, so that a validation verdict cached by an SDK built
 * from other schema sources is never reused (packages/sdk/src/bundle-cache.ts). */
declare const __SCHEMA_ID__: string;
