// One factory turning a table of entries into every format we ship (floating-ui's defineRollupConfig):
// ESM for bundlers and Node, `.d.ts`, and the minified IIFE for the script tag.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';
import { budget } from './budgets.mjs';
import { privateZodGlobals } from './zod-private.mjs';
import { schemaId } from './schema-id.mjs';

const esbuildOptions = (dev, target = 'es2020') => ({
  target,
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { __DEV__: String(dev), __SCHEMA_ID__: JSON.stringify(schemaId()) },
  tsconfig: 'tsconfig.json',
});

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');
// Node programs (the CLI, the collector) bundle our own packages: their `exports` point at TypeScript sources,
// which Node 20 cannot run. Third-party packages stay external and load from node_modules.
const isThirdParty = (id) => isBare(id) && !id.startsWith('@compagnon/');
const nodeResolveTs = () => nodeResolve({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'], exportConditions: ['node', 'import', 'default'] });

/**
 * @param {Array<{ input: string, dir: string, name?: string, formats: Array<'esm'|'dts'|'iife'>,
 *   global?: string, gzipBudget?: number, iifeFile?: string, node?: boolean }>} entries
 */
export function defineBuild(entries) {
  const configs = [];
  for (const e of entries) {
    const name = e.name ?? 'index';
    if (e.formats.includes('esm')) {
      configs.push({
        input: e.input,
        external: e.node ? isThirdParty : isBare,
        // Node programs may use top-level await (the collector's main).
        plugins: e.node ? [nodeResolveTs(), esbuild(esbuildOptions(false, 'node20'))] : [esbuild(esbuildOptions(false))],
        output: { file: `${e.dir}/${name}.js`, format: 'es', sourcemap: true },
      });
    }
    if (e.formats.includes('dts')) {
      configs.push({
        input: e.input,
        external: isBare,
        plugins: [dts({ tsconfig: 'tsconfig.json' })],
        output: { file: `${e.dir}/${name}.d.ts`, format: 'es' },
      });
    }
    if (e.formats.includes('iife')) {
      configs.push({
        input: e.input,
        plugins: [
          nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }),
          privateZodGlobals(),
          esbuild(esbuildOptions(false)),
          terser({ ecma: 2020, compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true, unsafe_comps: true, booleans_as_integers: false }, format: { comments: false } }),
          ...(e.gzipBudget ? [budget({ gzip: e.gzipBudget })] : []),
        ],
        output: { file: `${e.dir}/${e.iifeFile ?? `${name}.iife.js`}`, format: 'iife', name: e.global, sourcemap: true },
      });
    }
  }
  return configs;
}
