import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { describe, expect, it } from 'vitest';

// What the SDK pulls in from this package, built as the SDK is (rollup, tree-shaken, minified).
async function build(code: string): Promise<string> {
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
  const { output } = await bundle.generate({ format: 'esm' });
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
});
