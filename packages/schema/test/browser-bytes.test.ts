import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { describe, expect, it } from 'vitest';
import { fixture } from './helpers.ts';

// What the SDK pulls in from this package, built as the SDK is (rollup, tree-shaken, minified).
async function build(code: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const entry = '\0entry';
  const bundle = await rollup({
    input: entry,
    onwarn: () => {},
    plugins: [
      { name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? code : null) },
      nodeResolve({ extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022' }),
      terser(),
    ],
  });
  const { output } = await bundle.generate({ format, name: 'schema' });
  return output[0].code;
}

const index = new URL('../src/index.ts', import.meta.url).pathname;

describe('the browser side of the schema package', () => {
  it('leaves out the JSON Schema help texts and zod locale packs, and stays small', async () => {
    const code = await build(`export { parseBundle, formatError, localize } from ${JSON.stringify(index)};`);
    expect(code).toContain('unknown operator'); // our own messages are there…
    expect(code).not.toContain('Lets editors find this schema'); // …json-docs.ts is not
    expect(code).not.toContain('Entrée invalide'); // nor zod's French locale
    expect(code).not.toContain('new Function');
    // About 11.35 kB today, zod/mini included (9.4 kB before the guide types of issue 5, 11.8 kB before checks.ts,
    // 10.8 kB before the schemas were built on first use: the builders' property names cannot be minified);
    // the ceiling leaves room without hiding a regression. The SDK's whole script-tag bundle has its own gzip budget
    // (IIFE_GZIP_BUDGET in tooling/budgets.mjs).
    expect(gzipSync(code).length).toBeLessThan(11_600);
  }, 30_000);

  // The script tag is evaluated on every page load: building our zod schemas there (342 instances, schemas and
  // checks) cost ~12 ms of main thread. The first parseBundle() builds them instead, once. Counted with zod's own
  // hook: `$constructor` hands every instance it builds to `__zod_globalConfig.postProcessor` (where zod/compile
  // plugs in). Should a zod upgrade drop that hook, the count stays 0 and "the first parse builds" fails: never vacuous.
  it('builds no zod schema when imported, builds them at the first parseBundle, and only then', async () => {
    const surface = 'parseBundle, formatError, localize, PLACEMENTS, MAX_BATCH';
    const code = await build(`export { ${surface} } from ${JSON.stringify(index)};`, 'iife');
    let built = 0;
    const realm = { __zod_globalConfig: { postProcessor: () => void built++ } };
    const s = runInNewContext(`${code}; schema`, realm);

    expect(built).toBe(0);
    expect(s.localize({ fr: 'Suivant' }, 'en')).toBe('Suivant');
    expect(s.formatError({ path: 'guides[0]', message: { en: 'x', fr: 'y' } }, 'en')).toBe('guides[0]: x');
    expect(s.PLACEMENTS).toContain('bottom');
    expect(s.MAX_BATCH).toBe(500);
    expect(built).toBe(0);

    // A valid bundle with every kind of guide and populations: parsing it constructs no error object.
    const every = fixture('every-type.json');
    const first = JSON.parse(JSON.stringify(s.parseBundle(every)));
    expect(first.errors).toEqual([]);
    expect(first.bundle.guides).toHaveLength(8);
    expect(built).toBeGreaterThan(100);

    const once = built;
    expect(JSON.parse(JSON.stringify(s.parseBundle(every)))).toEqual(first);
    expect(JSON.parse(JSON.stringify(s.parseBundle(fixture('intranet.json')))).errors).toEqual([]);
    expect(built).toBe(once);
  }, 30_000);
});
