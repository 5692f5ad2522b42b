import { z } from './z.ts';

type Raw = z.core.$ZodRawIssue;
type Obj = Record<string, unknown>;
type Options = readonly [z.ZodMiniType, ...z.ZodMiniType[]];

const isRecord = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const custom = (input: unknown, key: string | undefined, params: Obj) =>
  ({ code: 'custom', input, path: key === undefined ? [] : [key], params }) as Raw;

/**
 * A union of objects where one look at the value tells which option it meant. It accepts exactly what the plain
 * union accepts, but when nothing matches, the issues reported are those of that one option (or `none` when it
 * meant none), so an author reads `when.all[1].eqq: unknown operator` instead of "no union member matched".
 * `op` names the stray keys of the chosen option "operators" (rules) rather than "keys".
 */
function chosen<const T extends Options>(options: T, choose: (v: Obj) => number, none: (v: Obj) => Raw, op = false) {
  return z.union(options).check(
    z.check(
      (p) => {
        const v = p.value;
        const issue = p.issues[0] as { code: string; errors?: Raw[][] };
        if (issue.code === 'invalid_union' && issue.errors) {
          const i = isRecord(v) ? choose(v) : -2;
          p.issues.length = 0;
          if (i === -2) p.issues.push({ code: 'invalid_type', expected: 'object', input: v, path: [] } as Raw);
          else p.issues.push(...(i < 0 ? [none(v as Obj)] : issue.errors[i]!));
        }
        if (!op) return;
        // A lone stray key may also come straight from the union (its one non-aborted branch).
        p.issues.forEach((iss, n) => {
          const key = iss.code === 'unrecognized_keys' && !iss.path?.length ? iss.keys[0] : undefined;
          if (key !== undefined) p.issues[n] = custom(v, key, { m: 'op', v: key });
        });
      },
      { when: (p) => p.issues.length > 0 },
    ),
  );
}

/** Options told apart by the key they carry (`{ attr }`, `{ all }`, `{ url }`…), in the order of `keys`. */
export const keyed = <const T extends Options>(keys: readonly string[], options: T, op = false) =>
  chosen(
    options,
    (v) => keys.findIndex((k) => k in v),
    (v) => {
      const stray = Object.keys(v)[0];
      return custom(v, stray, { m: 'one', k: stray, v: keys.join(', ') });
    },
    op,
  );

/**
 * Options told apart by the value of `tag` (`type: "tour"`…), in the order of `tags`. What `z.discriminatedUnion`
 * does, for less code in the browser bundle; json-schema.ts still writes it as a `oneOf`.
 */
export const tagged = <const T extends Options>(tag: string, tags: readonly unknown[], options: T) =>
  chosen(
    options,
    (v) => tags.indexOf(v[tag]),
    (v) => ({ code: 'invalid_value', values: [...tags], input: v[tag], path: [tag] }) as Raw,
  );
