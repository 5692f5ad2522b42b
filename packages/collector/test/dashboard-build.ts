// Builds the dashboard into a folder with the plugin set of the root rollup config (tooling/rollup-factory.mjs:
// node-resolve, esbuild with preact's automatic JSX, terser; one minified IIFE) and the same CSS script, so the
// browser test runs a real bundle without depending on `npm run build`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { buildDashboardCss } from '../scripts/build-dashboard-css.mjs';

export const DASHBOARD_ENTRY = new URL('../src/dashboard/client/main.tsx', import.meta.url).pathname;

/** Writes `dashboard.js` and `dashboard.css` into `outDir`. */
export async function buildDashboard(outDir: string, { minify = true } = {}): Promise<void> {
  const bundle = await rollup({
    input: DASHBOARD_ENTRY,
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }),
      esbuild({ target: 'es2020', jsx: 'automatic', jsxImportSource: 'preact', define: { __DEV__: 'false' } }),
      ...(minify ? [terser({ ecma: 2020, format: { comments: false } })] : []),
    ],
    onwarn: () => {},
  });
  await bundle.write({ file: `${outDir}/dashboard.js`, format: 'iife', sourcemap: true });
  await bundle.close();
  buildDashboardCss(outDir);
}
