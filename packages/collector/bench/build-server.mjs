// Builds the collector's entry (src/main.ts) into one runnable ESM file, with the root rollup factory: our
// @compagnon/* packages bundled (their exports are TypeScript), third-party packages external. The output goes
// under <repo>/node_modules/.cache/ so that `fastify`, `better-sqlite3`, `pg`… resolve from the repo's
// node_modules. Used by the crash test (a real process to SIGKILL) and by the bench.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { defineBuild } from '../../../tooling/rollup-factory.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** @returns {Promise<{ file: string, cleanup(): void }>} */
export async function buildCollector() {
  const cache = join(REPO_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'compagnon-collector-'));
  const [base] = defineBuild([
    { input: join(REPO_ROOT, 'packages/collector/src/main.ts'), dir, name: 'main', formats: ['esm'], node: true },
  ]);
  // The factory transpiles for es2020 (browser targets), where esbuild refuses main.ts's top-level await
  // ("Top-level await is not available in the configured target environment"). A Node program can target
  // node20: keep the factory's externals and resolver, swap only the transpiler's target.
  const [resolve] = base.plugins;
  const config = {
    ...base,
    plugins: [resolve, esbuild({ target: 'node20', define: { __DEV__: 'false' }, tsconfig: 'tsconfig.json' })],
  };
  // The factory's esbuild plugin reads `tsconfig.json` relative to the working directory: the repo root.
  const cwd = process.cwd();
  process.chdir(REPO_ROOT);
  try {
    const bundle = await rollup({ ...config, onwarn: () => {} });
    try {
      await bundle.write(config.output);
    } finally {
      await bundle.close();
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  } finally {
    process.chdir(cwd);
  }
  return { file: join(dir, 'main.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the built collector as a child process on a free port (PORT=0) and resolves once it prints
 * "Compagnon collector on <url>". `env` adds to (and overrides) the parent's environment.
 * @param {string} file @param {Record<string, string>} env @param {string[]} [nodeArgs] e.g. ['--cpu-prof']
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, url: string, output(): string }>}
 */
export function spawnCollector(file, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, file], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the collector did not start within 15 s: ${out}`));
    }, 15_000);
    const onData = (d) => {
      out += d;
      const url = /collector on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        child.removeListener('exit', onExit);
        resolve({ child, url, output: () => out });
      }
    };
    const onExit = (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the collector exited (${signal ?? code}) before listening: ${out}`));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (out += d));
    child.once('exit', onExit);
  });
}

/** SIGTERM (or `signal`), resolved once the process has exited. */
export function stopCollector(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  return gone;
}
