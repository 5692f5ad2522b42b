// Measures the minified+gzip weight of one import, built like the IIFE: `node tooling/scripts/size-of.mjs <module> [names]`.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { sizes } from '/work/main/tooling/budgets.mjs';
const [mod, names = '*'] = process.argv.slice(2);
const code = names === '*' ? `import * as m from '${mod}'; window.m = m;` : `import { ${names} } from '${mod}'; window.m = [${names}];`;
const b = await rollup({
  input: 'entry', onwarn: () => {},
  plugins: [{ name: 'v', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? code : null) },
    nodeResolve({ browser: true }), esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact' }),
    terser({ compress: { passes: 3, pure_getters: true } })],
});
const { output } = await b.generate({ format: 'iife' });
console.log(sizes(output[0].code)); (await import("node:fs")).writeFileSync("/tmp/cm/out.js", output[0].code);
