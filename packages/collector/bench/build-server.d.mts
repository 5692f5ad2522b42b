import type { ChildProcess } from 'node:child_process';

export const REPO_ROOT: string;
/** Bundles packages/collector/src/main.ts into a temp folder under node_modules/.cache; `cleanup()` removes it. */
export function buildCollector(): Promise<{ file: string; cleanup(): void }>;

export interface CollectorProcess {
  child: ChildProcess;
  /** e.g. `http://127.0.0.1:43475` */
  url: string;
  /** What it printed so far (stdout and stderr). */
  output(): string;
}
/** Starts the built collector on a free port; resolves once it prints its URL. */
export function spawnCollector(file: string, env: Record<string, string>, nodeArgs?: string[]): Promise<CollectorProcess>;
/** Sends `signal` (default SIGTERM) and resolves once the process has exited. */
export function stopCollector(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
