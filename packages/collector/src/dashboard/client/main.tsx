// The dashboard's browser entry, served at `/dashboard.js` by ../routes.ts.
//
// Build (for the lead — add to the table in the root rollup.config.mjs; `defineBuild` bundles preact and uPlot
// into one minified IIFE with node-resolve, esbuild (jsx automatic, jsxImportSource preact) and terser):
//
//   { input: 'packages/collector/src/dashboard/client/main.tsx', dir: 'packages/collector/dist/dashboard',
//     name: 'dashboard', formats: ['iife'], iifeFile: 'dashboard.js' },
//
// and after rollup, in the root `build` script:
//
//   node packages/collector/scripts/build-dashboard-css.mjs
//
// which writes packages/collector/dist/dashboard/dashboard.css (uPlot's CSS + ./styles.css).
import { render } from 'preact';
import { App } from './app.tsx';
import { I18nContext, makeI18n, pickLocale } from './i18n.ts';

const root = document.getElementById('app');
if (root) {
  const i18n = makeI18n(pickLocale(document.documentElement.lang, navigator.language));
  document.title = i18n.t('Adoption dashboard');
  render(<I18nContext.Provider value={i18n}><App /></I18nContext.Provider>, root);
}
