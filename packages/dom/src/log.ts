import type { Logger } from '@compagnon/core';

/** Writes to the console, prefixed so a host page's developers can tell our messages from theirs. */
export function createConsoleLogger(target: Pick<Console, 'warn' | 'error'> = console): Logger {
  const to =
    (level: keyof Logger) =>
    (message: string, ...details: unknown[]) =>
      target[level]('[compagnon] ' + message, ...details);
  return { warn: to('warn'), error: to('error') };
}
