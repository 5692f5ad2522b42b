/** Replaced at build time: true only in development builds (dev-only warnings sit behind it). */
declare const __DEV__: boolean;
