// The extension's bundles, as entries of tooling/rollup-factory.mjs's defineBuild: one classic script each
// (content scripts and a classic service worker cannot be ES modules without extra manifest flags), everything
// bundled (no remote code), minified by terser without property mangling (the factory never mangles properties).
// Paths are relative to the repository root, where rollup runs.
export const EXTENSION_DIST = 'packages/extension/dist';

/** @param {string} [dir] where the bundles go @default packages/extension/dist */
export function extensionEntries(dir = EXTENSION_DIST) {
  const src = 'packages/extension/src';
  return [
    { input: `${src}/content.ts`, dir, formats: ['iife'], iifeFile: 'content.js' },
    { input: `${src}/main-world.ts`, dir, formats: ['iife'], iifeFile: 'main-world.js' },
    { input: `${src}/worker.ts`, dir, formats: ['iife'], iifeFile: 'worker.js' },
    { input: `${src}/options.ts`, dir, formats: ['iife'], iifeFile: 'options.js' },
    // Author mode: the picker, injected into the active tab by the worker when the toolbar button is clicked.
    { input: `${src}/author.ts`, dir, formats: ['iife'], iifeFile: 'picker.js' },
  ];
}
