import { z } from './z.ts';

type Raw = z.core.$ZodRawIssue;
type UnionIssue = { code: string; errors?: Raw[][] };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A union of objects told apart by the key they carry (`{ attr }`, `{ all }`, `{ url }`…). It accepts exactly what
 * the plain union accepts, but when nothing matches, the issues reported are those of the one option whose key is
 * present, so an author reads `when.all[1].eqq: unknown operator` instead of "no union member matched".
 * `op` names the stray keys of the chosen option "operators" (rules) rather than "keys".
 */
export function keyed<const T extends readonly [z.ZodMiniType, ...z.ZodMiniType[]]>(
  keys: readonly string[],
  options: T,
  op = false,
) {
  return z.union(options).check(
    z.check(
      (p) => {
        const issue = p.issues[0] as UnionIssue;
        const v = p.value;
        if (issue.code === 'invalid_union' && issue.errors) {
          p.issues.length = 0;
          const i = isRecord(v) ? keys.findIndex((k) => k in v) : -2;
          const stray = isRecord(v) ? Object.keys(v)[0] : undefined;
          if (i === -2) p.issues.push({ code: 'invalid_type', expected: 'object', input: v, path: [] } as Raw);
          else if (i < 0) p.issues.push(custom(v, stray, { m: 'one', k: stray, v: keys.join(', ') }));
          else p.issues.push(...(issue.errors[i] ?? []));
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

const custom = (input: unknown, key: string | undefined, params: Record<string, unknown>) =>
  ({ code: 'custom', input, path: key === undefined ? [] : [key], params }) as Raw;
