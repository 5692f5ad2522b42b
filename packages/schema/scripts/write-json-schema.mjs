// Writes compagnon.schema.json (what authors point `$schema` at) from the built generator. Plain Node cannot import
// src/json-schema.ts, so this runs after rollup has produced dist/json-schema.js.
import { writeFileSync } from 'node:fs';
import { buildJsonSchema } from '../dist/json-schema.js';

writeFileSync(new URL('../compagnon.schema.json', import.meta.url), `${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
