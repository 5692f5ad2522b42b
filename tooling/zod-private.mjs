// zod v4 keeps its configuration and registry on `globalThis` (`__zod_globalConfig`, `__zod_globalRegistry`), so
// that copies of zod in one page share them. In a host page that is two globals besides our one namespace, and
// worse, a shared configuration: our `z.config({ jitless: true })` would switch off the JIT of the page's own zod,
// and a page setting `jitless: false` would make ours try `new Function` under a strict CSP. In the script-tag
// builds, zod's two modules that touch them get a private object instead of `globalThis`.
const PRIVATE = '\0compagnon:zod-private';
const USES = /globalThis(?=\)?\.__zod_global)/g;
// Every module expected to mention them, so that a zod upgrade moving them elsewhere fails the build here.
const EXPECTED = ['zod/v4/core/core.js', 'zod/v4/core/registries.js'];

/** A rollup plugin giving zod, in a browser bundle, its own "global" object. */
export function privateZodGlobals() {
  const seen = new Set();
  return {
    name: 'compagnon-zod-private',
    resolveId: (id) => (id === PRIVATE ? id : null),
    load: (id) => (id === PRIVATE ? 'export default {};' : null),
    transform(code, id) {
      if (!code.includes('__zod_global')) return null;
      const file = id.replace(/\\/g, '/');
      const expected = EXPECTED.find((f) => file.endsWith(`/node_modules/${f}`));
      if (!expected || !code.match(USES)) this.error(`${id} uses zod's globals in a way tooling/zod-private.mjs does not know`);
      seen.add(expected);
      return { code: `import __zodPrivate from ${JSON.stringify(PRIVATE)};\n${code.replace(USES, '__zodPrivate')}`, map: null };
    },
    buildEnd(error) {
      // A bundle without zod at all is fine; one with zod must have had both modules rewritten.
      if (!error && seen.size && seen.size !== EXPECTED.length) this.error(`zod's globals rewritten in ${[...seen]} only`);
    },
  };
}
