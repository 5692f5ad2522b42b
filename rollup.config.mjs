import { IIFE_GZIP_BUDGET } from './tooling/budgets.mjs';
import { extensionEntries } from './packages/extension/scripts/entries.mjs';
import { defineBuild } from './tooling/rollup-factory.mjs';

export default defineBuild([
  // The script-tag file: everything inside (CSS included), one global, budget checked.
  { input: 'packages/sdk/src/entries/iife.ts', dir: 'packages/sdk/dist', formats: ['iife'],
    iifeFile: 'compagnon.iife.js', gzipBudget: IIFE_GZIP_BUDGET },
  { input: 'packages/sdk/src/entries/esm.ts', dir: 'packages/sdk/dist', formats: ['esm', 'dts'] },
  { input: 'packages/schema/src/index.ts', dir: 'packages/schema/dist', formats: ['esm', 'dts'] },
  // Node-only: JSON Schema generation (keeps editor help texts out of the browser bundle).
  { input: 'packages/schema/src/json-schema.ts', dir: 'packages/schema/dist', name: 'json-schema', formats: ['esm'] },
  // Node programs: the `compagnon` command (which also serves the collector), and the collector as a library.
  { input: 'packages/cli/src/cli.ts', dir: 'packages/cli/dist', name: 'cli', formats: ['esm'], node: true },
  // What `compagnon check` injects into the pages it opens: dom's resolver, for the browser.
  { input: 'packages/cli/src/probe.ts', dir: 'packages/cli/dist', formats: ['iife'], iifeFile: 'probe.js' },
  { input: 'packages/collector/src/index.ts', dir: 'packages/collector/dist', formats: ['esm'], node: true },
  { input: 'packages/collector/src/main.ts', dir: 'packages/collector/dist', name: 'collector', formats: ['esm'], node: true },
  // The collector's dashboard page (served at `/`): uPlot included, no budget (an admin tool, not a guest script).
  { input: 'packages/collector/src/dashboard/client/main.tsx', dir: 'packages/collector/dist/dashboard',
    name: 'dashboard', formats: ['iife'], iifeFile: 'dashboard.js' },
  // The browser extension (Manifest V3): content script, page-world script, service worker, options page.
  ...extensionEntries(),
]);
