// The documentation keeps up with the code: every field of the guide format and every rule operator is in
// docs/authoring.md, every public API method and every event type is in docs/api.md. A new field, operator,
// method or event fails this test until it is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

/** Every key of every `properties` object, anywhere in the schema (root, nested objects, `$defs`). */
export function propertyNames(node, names = new Set()) {
  if (Array.isArray(node)) {
    for (const item of node) propertyNames(item, names);
  } else if (node && typeof node === 'object') {
    if (node.properties && typeof node.properties === 'object' && !Array.isArray(node.properties)) {
      for (const key of Object.keys(node.properties)) names.add(key);
    }
    for (const value of Object.values(node)) propertyNames(value, names);
  }
  return names;
}

/** The string literals of `export const NAME = [ … ]` in a TypeScript source. */
export function constList(source, name) {
  const m = new RegExp(`export const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(source);
  if (!m) throw new Error(`${name} not found`);
  return [...m[1].matchAll(/'([^']+)'|"([^"]+)"/g)].map((x) => x[1] ?? x[2]);
}

/** The method names of `export interface NAME { … }` (lines `name(`), in a TypeScript source. */
export function interfaceMethods(source, name) {
  const m = new RegExp(`export interface ${name}\\s*\\{([\\s\\S]*?)\\n\\}`).exec(source);
  if (!m) throw new Error(`interface ${name} not found`);
  return [...new Set([...m[1].matchAll(/^\s*([A-Za-z_$][\w$]*)\s*\(/gm)].map((x) => x[1]))];
}

/** Names that appear in `text` inside backticks (`name`, `"name"`, `{ "name": … }`, `name(…)`…). */
const inCode = (text) => {
  const spans = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return (name) => spans.some((s) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`).test(s));
};
const missing = (names, has) => [...names].filter((n) => !has(n)).sort();

const schema = JSON.parse(read('packages/schema/compagnon.schema.json'));
const authoring = read('docs/authoring.md');
const api = read('docs/api.md');

describe('docs/authoring.md', () => {
  it('documents every property of compagnon.schema.json, in backticks', () => {
    const names = propertyNames(schema);
    // Guard against a broken walk: these are certainly in the format.
    for (const n of ['version', 'populations', 'guides', 'steps', 'doneWhen', 'withinDays', 'inactiveDays']) expect(names).toContain(n);
    expect(missing(names, inCode(authoring))).toEqual([]);
  });

  it('documents every rule operator and combinator, in backticks', () => {
    const rule = read('packages/schema/src/rule.ts');
    const names = new Set([...constList(rule, 'OPERATORS'), ...constList(rule, 'RULE_KEYS')]);
    for (const n of ['eq', 'in', 'contains', 'gte', 'lte', 'withinDays', 'inactiveDays', 'rollout', 'all', 'any', 'not']) {
      expect(names).toContain(n);
    }
    expect(missing(names, inCode(authoring))).toEqual([]);
  });

  it('documents every guide type and placement', () => {
    const base = read('packages/schema/src/base.ts');
    const guide = read('packages/schema/src/guide.ts');
    const names = new Set([...constList(guide, 'GUIDE_TYPES'), ...constList(base, 'PLACEMENTS')]);
    expect(missing(names, inCode(authoring))).toEqual([]);
  });
});

describe('docs/api.md', () => {
  it('documents every public API method', () => {
    const methods = interfaceMethods(read('packages/sdk/src/api.ts'), 'CompagnonApi');
    for (const m of ['init', 'identify', 'start', 'track', 'on', 'reset', 'destroy', 'debug']) expect(methods).toContain(m);
    // As a heading or a call: `init(options)`, `on(type, listener)`…
    expect(methods.filter((m) => !new RegExp('`' + m + '\\(').test(api))).toEqual([]);
  });

  it('documents every event type', () => {
    const types = constList(read('packages/schema/src/event.ts'), 'EVENT_TYPES');
    expect(types.length).toBeGreaterThanOrEqual(11);
    expect(missing(types, inCode(api))).toEqual([]);
  });

  it('documents every error code and every option', () => {
    const src = read('packages/sdk/src/api.ts');
    const codes = [...(/code:\s*([^;]+);/.exec(src)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(0);
    const options = [.../export interface CompagnonOptions\s*\{([\s\S]*?)\n\}/.exec(src)[1].matchAll(/^\s*(\w+)\??:/gm)].map((m) => m[1]);
    expect(options).toContain('app');
    expect(missing(new Set([...codes, ...options]), inCode(api))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch a missing field', () => {
    const names = propertyNames({ properties: { a: {} }, $defs: { X: { properties: { deep: { properties: { b: {} } } } } } });
    expect([...names].sort()).toEqual(['a', 'b', 'deep']);
    expect(missing(names, inCode('`a` and `{ "deep": 1 }`'))).toEqual(['b']);
    // A word outside backticks, or only as part of a longer name, does not count.
    expect(missing(['in'], inCode('in `inactiveDays` and in prose'))).toEqual(['in']);
  });
});
