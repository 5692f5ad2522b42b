// Minified+gzip weight of each package's own code (its dependencies left out): where the bundle's bytes go.
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { sizes } from '../budgets.mjs';
const entries = { schema: 'packages/schema/src/index.ts', core: 'packages/core/src/index.ts', dom: 'packages/dom/src/index.ts',
  ui: 'packages/ui/src/index.ts', sdk: 'packages/sdk/src/entries/iife.ts' };
for (const [name, input] of Object.entries(entries)) {
  const b = await rollup({ input, onwarn() {}, external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') ,
    plugins: [esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact' }), terser({ compress: { passes: 3 } })] });
  const { output } = await b.generate({ format: 'es' });
  console.log(name.padEnd(8), sizes(output[0].code));
}
