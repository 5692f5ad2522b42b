// Builds the extension into a temporary folder with rollup's JS API and the same entries as the root config,
// so these tests do not depend on `npm run build` having the extension wired yet.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rollup, type Plugin, type RollupOptions } from 'rollup';
// @ts-expect-error: plain .mjs tooling without types
import { defineBuild } from '../../tooling/rollup-factory.mjs';
// @ts-expect-error: plain .mjs without types
import { extensionEntries } from '../../packages/extension/scripts/entries.mjs';
// @ts-expect-error: plain .mjs without types
import { copyStatic } from '../../packages/extension/scripts/package.mjs';
import { ROOT } from '../harness.ts';

/** The extension id the manifest's `key` gives (see packages/extension/README.md). */
export const EXTENSION_ID = 'dpgdbgbmgkipfcmihknhoohambfilolf';

// Until the sdk has `CompagnonOptions.transport` (the change proposed to the lead), the test build applies it
// in memory. Once packages/sdk has it, this plugin does nothing.
const SDK_HAS_TRANSPORT = /\btransport\?: Transport\b/.test(readFileSync(`${ROOT}packages/sdk/src/api.ts`, 'utf8'));
function sdkTransportOption(): Plugin {
  const edits: Record<string, Array<[string, string]>> = {
    'packages/sdk/src/create.ts': [[
      `if (opts.collector) {\n      delivery = createDelivery({ app: opts.app, url: opts.collector, key: opts.key, platform, channel, fail });`,
      `if (opts.collector || opts.transport) {\n      delivery = createDelivery({ app: opts.app, url: opts.collector, key: opts.key, transport: opts.transport, platform, channel, fail });`,
    ]],
    'packages/sdk/src/delivery.ts': [[
      'transport: createFetchTransport({ url: o.url, key: o.key }),',
      'transport: o.transport ?? createFetchTransport({ url: o.url, key: o.key }),',
    ]],
  };
  return {
    name: 'sdk-transport-option',
    transform(code, id) {
      const file = Object.keys(edits).find((f) => id.endsWith(f));
      if (!file) return null;
      let out = code;
      for (const [from, to] of edits[file]!) {
        if (!out.includes(from)) throw new Error(`sdk-transport-option: ${file} changed, cannot apply the shim`);
        out = out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

// What the root build also lives with: zod's comments, and IIFEs that export nothing by design.
const QUIET = new Set(['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION', 'MISSING_NAME_OPTION_FOR_IIFE_EXPORT']);

export async function buildExtension(): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), 'compagnon-extension-'));
  const configs = defineBuild(extensionEntries(dist)) as RollupOptions[];
  await Promise.all(configs.map(async (config) => {
    const plugins = [...(SDK_HAS_TRANSPORT ? [] : [sdkTransportOption()]), ...((config.plugins as Plugin[]) ?? [])];
    const bundle = await rollup({ ...config, plugins, onwarn: (w, warn) => (QUIET.has(w.code ?? '') ? undefined : warn(w)) });
    await bundle.write(config.output as never);
    await bundle.close();
  }));
  copyStatic(dist);
  return dist;
}
