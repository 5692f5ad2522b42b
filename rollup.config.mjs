import { defineBuild } from './tooling/rollup-factory.mjs';

export default defineBuild([
  // The script-tag file: everything inside (CSS included), one global, budget checked.
  { input: 'packages/sdk/src/entries/iife.ts', dir: 'packages/sdk/dist', formats: ['iife'],
    iifeFile: 'compagnon.iife.js', gzipBudget: 60_000 },
  { input: 'packages/sdk/src/entries/esm.ts', dir: 'packages/sdk/dist', formats: ['esm', 'dts'] },
  { input: 'packages/schema/src/index.ts', dir: 'packages/schema/dist', formats: ['esm', 'dts'] },
  // Node-only: JSON Schema generation (keeps editor help texts out of the browser bundle).
  { input: 'packages/schema/src/json-schema.ts', dir: 'packages/schema/dist', name: 'json-schema', formats: ['esm'] },
]);
