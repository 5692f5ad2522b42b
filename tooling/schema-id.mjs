// `__SCHEMA_ID__` of the browser builds: a hash of the schema package's sources (rules and messages), which is
// what a validation verdict cached in the browser depends on (packages/sdk/src/bundle-cache.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../packages/schema/src/', import.meta.url));
let id;

export function schemaId() {
  if (!id) {
    const hash = createHash('sha256');
    for (const f of readdirSync(SRC, { recursive: true }).map(String).sort()) {
      if (f.endsWith('.ts')) hash.update(`${f}\0${readFileSync(SRC + f, 'utf8')}\0`);
    }
    id = hash.digest('hex').slice(0, 16);
  }
  return id;
}
