// `compagnon validate <files…>`: every error of every file as `file:line:col: path (guide): message`, the line
// found by following the error's JSON path through the source text.
import { type Bundle, formatError, parseBundle } from '@compagnon/schema';
import type { Io } from './io.ts';
import { JsonSyntaxError, parseLocated, positionAt } from './locate.ts';

export type Checked = { ok: true; bundle: Bundle; value: unknown } | { ok: false };

/** Reads, parses and validates one file, printing its errors; the bundle when there are none. */
export async function checkFile(file: string, io: Io): Promise<Checked> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (err) {
    io.stderr(`${file}: cannot read: ${err instanceof Error ? err.message : String(err)}`);
    return { ok: false };
  }
  text = text.replace(/^\uFEFF/, ''); // editors on Windows save a BOM; JSON.parse refuses it
  let located;
  try {
    located = parseLocated(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError) && !(err instanceof SyntaxError)) throw err;
    const at = err instanceof JsonSyntaxError ? positionAt(text, err.offset) : { line: 1, column: 1 };
    io.stderr(`${file}:${at.line}:${at.column}: invalid JSON: ${err.message}`);
    return { ok: false };
  }
  const { bundle, errors } = parseBundle(located.value);
  for (const e of errors) {
    const at = located.locate(e.path);
    io.stderr(`${file}:${at.line}:${at.column}: ${formatError(e, 'en')}`);
  }
  return errors.length === 0 ? { ok: true, bundle, value: located.value } : { ok: false };
}

export async function validate(files: string[], io: Io): Promise<number> {
  if (files.length === 0) {
    io.stderr('usage: compagnon validate <file.json>…');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const r = await checkFile(file, io);
    if (!r.ok) failed++;
    else {
      const g = r.bundle.guides.length;
      const p = Object.keys(r.bundle.populations).length;
      io.stdout(`${file}: valid (${g} guide${g === 1 ? '' : 's'}, ${p} population${p === 1 ? '' : 's'})`);
    }
  }
  return failed === 0 ? 0 : 1;
}
