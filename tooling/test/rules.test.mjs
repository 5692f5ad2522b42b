import { readFileSync, readdirSync, statSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { checkImports } from '../import-rules.mjs';
import { MUST_NOT_APPEAR } from '../budgets.mjs';

const root = new URL('../..', import.meta.url).pathname;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) yield path;
  }
}
const ownSources = () => readdirSync(join(root, 'packages'))
  .flatMap((pkg) => { try { return [...files(join(root, 'packages', pkg, 'src'))]; } catch { return []; } });

describe('import rules', () => {
  it('every package imports only what the graph and its package.json allow', () => {
    expect(checkImports(root)).toEqual([]);
  });

  it('flags an upward import and an undeclared dependency', () => {
    const fake = mkdtempSync(join(tmpdir(), 'rules-'));
    mkdirSync(join(fake, 'packages/core/src'), { recursive: true });
    writeFileSync(join(fake, 'packages/core/package.json'), JSON.stringify({ dependencies: { '@compagnon/schema': '0' } }));
    writeFileSync(join(fake, 'packages/core/src/a.ts'), "import { x } from '@compagnon/ui';\nimport y from 'lodash';\nimport { z } from '@compagnon/schema';\n");
    expect(checkImports(fake)).toEqual([
      'packages/core/src/a.ts: core may not import @compagnon/ui',
      'packages/core/src/a.ts: imports "lodash" but core\'s package.json does not declare lodash',
    ]);
  });
});

describe('source rules', () => {
  it('our own sources never write HTML strings or run dynamic code', () => {
    const sources = ownSources();
    expect(sources.length).toBeGreaterThan(10);
    const offenders = sources.filter((f) => {
      // Comments may name what we avoid (e.g. why zod runs jitless); only code counts.
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
      return /innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(text)
        || MUST_NOT_APPEAR.some(({ pattern }) => pattern.test(text));
    });
    expect(offenders).toEqual([]);
  });
});
