// The four libraries, each from the dist file a script tag would load (CSS included), and where it is served.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const nm = (p) => `${ROOT}node_modules/${p}`;

/** `module`: shepherd.js 15 ships no classic/UMD build, only ESM, so a page loads it with `type="module"`. */
export const LIBS = {
  compagnon: { name: 'Compagnon', js: { url: '/lib/compagnon.iife.js', file: `${ROOT}packages/sdk/dist/compagnon.iife.js` }, css: null, module: false },
  driver: { name: 'driver.js', pkg: 'driver.js', js: { url: '/lib/driver.js.iife.js', file: nm('driver.js/dist/driver.js.iife.js') },
    css: { url: '/lib/driver.css', file: nm('driver.js/dist/driver.css') }, module: false },
  shepherd: { name: 'shepherd.js', pkg: 'shepherd.js', js: { url: '/lib/shepherd.mjs', file: nm('shepherd.js/dist/js/shepherd.mjs') },
    css: { url: '/lib/shepherd.css', file: nm('shepherd.js/dist/css/shepherd.css') }, module: true },
  intro: { name: 'intro.js', pkg: 'intro.js', js: { url: '/lib/intro.min.js', file: nm('intro.js/minified/intro.min.js') },
    css: { url: '/lib/introjs.min.css', file: nm('intro.js/minified/introjs.min.css') }, module: false },
};
export const PEERS = ['driver', 'shepherd', 'intro'];
export const ALL = ['compagnon', ...PEERS];
