// Writes packages/collector/dist/dashboard/dashboard.css: uPlot's stylesheet, then the dashboard's own
// (which overrides it). Run after rollup: `node packages/collector/scripts/build-dashboard-css.mjs [outDir]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(pkg, 'package.json'));

/** @param {string} outDir @returns {string} the file written */
export function buildDashboardCss(outDir = join(pkg, 'dist', 'dashboard')) {
  const uplot = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const own = readFileSync(join(pkg, 'src', 'dashboard', 'client', 'styles.css'), 'utf8');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'dashboard.css');
  writeFileSync(file, `/* uPlot (MIT) */\n${uplot.trim()}\n\n${own}`);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = buildDashboardCss(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`dashboard css → ${file}`);
}
