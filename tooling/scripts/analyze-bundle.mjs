import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
const b = await rollup({ input: 'packages/sdk/src/entries/iife.ts', plugins: [nodeResolve({browser:true}), esbuild({target:'es2020', jsx:'automatic', jsxImportSource:'preact', minify: true})] });
const { output } = await b.generate({ format: 'iife' });
const mods = Object.entries(output[0].modules).map(([id, m]) => [id.replace(/.*node_modules\//,'nm/').replace(/.*packages\//,'pk/'), m.renderedLength]);
const groups = {};
for (const [id, len] of mods) { const g = id.split('/').slice(0, id.startsWith('nm/@') ? 3 : 2).join('/'); groups[g] = (groups[g]||0)+len; }
console.log(Object.entries(groups).sort((a,b)=>b[1]-a[1]));
console.log(mods.sort((a,b)=>b[1]-a[1]).slice(0,25));
