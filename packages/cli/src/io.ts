// Everything the commands touch outside themselves, injected so that tests call `main` directly.
import { readFile } from 'node:fs/promises';

export interface Io {
  /** Writes one line (a newline is added). */
  stdout(line: string): void;
  stderr(line: string): void;
  /** Called with the command's exit code once it has finished (not by `serve`, which keeps running). */
  exit(code: number): void;
  fetch: typeof globalThis.fetch;
  env: Record<string, string | undefined>;
  readFile(path: string): Promise<string>;
  /** `serve` hands over how to stop the server. @default stops on SIGINT/SIGTERM, then exits 0 */
  onStop(stop: () => Promise<void>): void;
}

export function processIo(): Io {
  return {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    exit: (code) => {
      process.exitCode = code;
    },
    fetch: globalThis.fetch,
    env: process.env,
    readFile: (path) => readFile(path, 'utf8'),
    onStop(stop) {
      const handler = () => {
        process.off('SIGINT', handler).off('SIGTERM', handler);
        stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', handler).on('SIGTERM', handler);
    },
  };
}
