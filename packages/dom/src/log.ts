import type { Logger } from '@compagnon/core';

/** Writes to the console, prefixed so a host page's developers can tell our messages from theirs. */
export function createConsoleLogger(target: Pick<Console, 'warn' | 'error'> = console): Logger {
  return {
    warn: (message, ...details) => target.warn('[compagnon] ' + message, ...details),
    error: (message, ...details) => target.error('[compagnon] ' + message, ...details),
  };
}
