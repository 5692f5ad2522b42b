import { once } from './once.ts';
import { z } from './z.ts';

// Lean stand-ins for z.refine(), z.int(), z.minimum(), z.maximum(), z.minLength(), z.maxLength(), z.regex(),
// z.boolean() and z.literal(). Each of those zod classes costs the browser bundle 0.2–0.8 kB of zod code; these are
// one custom check each. They report the very issue zod would (same code and fields, so messages.ts and the
// collector read them alike) and carry the JSON Schema keywords zod would have written, which json-schema.ts adds
// back: the generated schema says the same. Node-only schemas (events) may use zod's own.
// Nothing here is built at import (see once.ts): the factories build on call, the shared checks on first use.

type Raw = z.core.$ZodRawIssue;
type Keywords = Record<string, unknown>;

/** JSON Schema keywords of each lean check (filled as checks are built), read by json-schema.ts. */
export const KEYWORDS = new WeakMap<object, Keywords>();

/** A check saying `keywords` in JSON Schema and `issue(value)` (if any) in zod, with the value as `input`. */
function lean<T>(keywords: Keywords, issue: (value: T) => object | undefined) {
  const check = z.check<T>((p) => {
    const found = issue(p.value);
    if (found) p.issues.push({ ...found, input: p.value } as Raw);
  });
  KEYWORDS.set(check, keywords);
  return check;
}

// zod's own bound and format issues let the other checks run (`continue`); its type and value issues stop there.
const tooSmall = (origin: string, minimum: number) => ({ code: 'too_small', origin, minimum, inclusive: true, continue: true });
const tooBig = (origin: string, maximum: number) => ({ code: 'too_big', origin, maximum, inclusive: true, continue: true });

/**
 * z.refine(ok, { params: { m } }): a `custom` issue whose `m` names its message in messages.ts. `keywords` say the
 * same in JSON Schema where it can (`minProperties`).
 */
export const refine = <T>(ok: (value: T) => boolean, m: string, keywords: Keywords = {}, v?: string) =>
  lean<T>(keywords, (x) => (ok(x) ? undefined : { code: 'custom', params: { m, v }, continue: true }));

/** Exactly one of two optional keys (`image` or `video`), as JSON Schema's `oneOf` of two `required`. */
export const exactlyOne = (a: string, b: string) =>
  refine<object>((o) => a in o !== b in o, 'xor', { oneOf: [{ required: [a] }, { required: [b] }] }, `${a}|${b}`);

/** Key `a` only alongside key `b` (captions need a video), as JSON Schema's `dependentRequired`. */
export const requires = (a: string, b: string) =>
  refine<object>((o) => !(a in o) || b in o, 'with', { dependentRequired: { [a]: [b] } }, `${a}|${b}`);

/** z.minLength(1) on a string (one shared check). */
export const nonEmptyText = once(() => lean<string>({ minLength: 1 }, (v) => (v.length ? undefined : tooSmall('string', 1))));
/** z.minLength(n) on an array. */
export const minItems = (n: number) => lean<unknown[]>({ minItems: n }, (v) => (v.length >= n ? undefined : tooSmall('array', n)));
/** z.minLength(1) on an array (one shared check). */
export const nonEmptyList = once(() => minItems(1));

/** z.number() with, as asked, z.int()'s check (an integer in the safe range) and inclusive bounds. */
export function numeric({ integer = false, minimum = -Infinity, maximum = Infinity } = {}) {
  const keywords: Keywords = integer ? { type: 'integer', minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } : {};
  if (minimum > -Infinity) keywords.minimum = minimum;
  if (maximum < Infinity) keywords.maximum = maximum;
  return z.number().check(
    lean<number>(keywords, (v) =>
      integer && !Number.isSafeInteger(v)
        ? { code: 'invalid_type', expected: 'int' }
        : v < minimum ? tooSmall('number', minimum) : v > maximum ? tooBig('number', maximum) : undefined,
    ),
  );
}

/** z.regex(pattern), then z.maxLength(maxLength) when given (in UTF-16 units: for ASCII patterns). */
export function matches(pattern: RegExp, maxLength = Infinity) {
  const keywords: Keywords = maxLength < Infinity ? { maxLength, pattern: pattern.source } : { pattern: pattern.source };
  return lean<string>(keywords, (v) =>
    !pattern.test(v)
      ? { code: 'invalid_format', origin: 'string', format: 'regex', pattern: String(pattern), continue: true }
      : v.length > maxLength ? tooBig('string', maxLength) : undefined,
  );
}

/** z.boolean() (one shared schema). */
export const booleanSchema = once(
  () =>
    z.unknown().check(
      lean({ type: 'boolean' }, (v) => (typeof v === 'boolean' ? undefined : { code: 'invalid_type', expected: 'boolean' })),
    ) as unknown as z.ZodMiniType<boolean>,
);

/** z.literal(values): `values` all of one type (strings, or numbers). */
export function oneOf<const T extends readonly [string | number, ...(string | number)[]]>(values: T) {
  const keywords = { type: typeof values[0], ...(values.length > 1 ? { enum: values } : { const: values[0] }) };
  const check = lean<unknown>(keywords, (v) => (values.includes(v as T[number]) ? undefined : { code: 'invalid_value', values: [...values] }));
  return z.unknown().check(check) as unknown as z.ZodMiniType<T[number]>;
}
