// The package graph of ARCHITECTURE.md: imports point down only. Each package may import exactly the
// workspace packages listed here, and only bare packages its package.json declares.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ALLOWED = {
  schema: [],
  core: ['schema'],
  dom: ['core', 'schema'],
  ui: ['core', 'schema'],
  sdk: ['ui', 'dom', 'core', 'schema'],
  testing: ['core', 'schema'],
  extension: ['sdk', 'ui', 'dom', 'schema', 'core'],
  collector: ['core', 'schema'],
  // `check` resolves targets with dom's resolver, bundled at run time and injected into the pages it opens.
  cli: ['schema', 'collector', 'core', 'dom'],
};

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(?\s*['"]([^'"]+)['"]/gm;
const NODE_BUILTIN = /^node:/;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** Lists every import of `packages/<pkg>/src` that breaks the rules, as readable strings. */
export function checkImports(root) {
  const problems = [];
  const packagesDir = join(root, 'packages');
  for (const pkg of readdirSync(packagesDir)) {
    const src = join(packagesDir, pkg, 'src');
    let manifest;
    try { manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')); statSync(src); } catch { continue; }
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
    const allowed = ALLOWED[pkg];
    if (!allowed) { problems.push(`packages/${pkg}: not in the package graph (tooling/import-rules.mjs)`); continue; }
    for (const file of sourceFiles(src)) {
      // Comments may show how others import us (`import { x } from '@compagnon/collector'`): only code counts.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        if (!spec || spec.startsWith('.') || NODE_BUILTIN.test(spec)) continue;
        const where = relative(root, file);
        const scoped = spec.match(/^@compagnon\/([^/]+)/);
        if (scoped) {
          if (!allowed.includes(scoped[1])) problems.push(`${where}: ${pkg} may not import @compagnon/${scoped[1]}`);
          else if (!declared.has(`@compagnon/${scoped[1]}`)) problems.push(`${where}: @compagnon/${scoped[1]} missing from ${pkg}'s dependencies`);
          continue;
        }
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (!declared.has(name)) problems.push(`${where}: imports "${spec}" but ${pkg}'s package.json does not declare ${name}`);
      }
    }
  }
  return problems;
}
