// `compagnon schema`: the guide bundle's JSON Schema, for editors (`"$schema"`) and other tools.
import { createRequire } from 'node:module';
import type { Io } from './io.ts';

export async function printSchema(io: Io): Promise<number> {
  // Resolved at run time through the package's exports, so the built CLI reads the schema package's own file.
  const path = createRequire(import.meta.url).resolve('@compagnon/schema/compagnon.schema.json');
  io.stdout((await io.readFile(path)).trimEnd());
  return 0;
}
