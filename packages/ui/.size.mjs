import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
const b = await rollup({ input: 'packages/ui/src/index.ts', onwarn() {}, external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
  plugins: [esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact' }), terser({ compress: { passes: 3 } })] });
const { output } = await b.generate({ format: 'es' });
const code = output[0].code;
writeFileSync('/tmp/ui.min.js', code);
console.log('raw', code.length, 'gzip', gzipSync(code, {level: 9}).length);
