import { type Issue, type Message, message } from './messages.ts';

/**
 * The one issue an author should read, with its full path. A failed union is resolved to the branch that got
 * furthest (a non-type issue, or one below the root): `{ "en": 5 }` as a title is about `title.en`, not about
 * "not a string". When every branch failed on the type itself, the expected types are merged.
 */
export function narrow(i: Issue): Issue {
  const path = i.path ?? [];
  if (i.code === 'unrecognized_keys') return { ...i, path: [...path, i.keys[0]] };
  if (i.code !== 'invalid_union') return i;
  const branches: Issue[][] = i.errors ?? [];
  const deep = branches.find((b) => b[0] && (b[0].code !== 'invalid_type' || b[0].path?.length))?.[0];
  if (deep) return narrow({ ...deep, path: [...path, ...(deep.path ?? [])] });
  return { code: 'invalid_type', path, input: i.input, expected: branches.map((b) => b[0]?.expected) };
}

// Dotted where the key reads as a name (`populations.new-hires`), bracketed and quoted otherwise.
const NAME = /^[A-Za-z0-9_$-]+$/;

/** `guides[2].steps[0].target` */
export function jsonPath(parts: readonly PropertyKey[]): string {
  let s = '';
  for (const p of parts) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (NAME.test(String(p))) s += (s ? '.' : '') + String(p);
    else s += `[${JSON.stringify(String(p))}]`;
  }
  return s;
}

export function describe(i: Issue, prefix: readonly PropertyKey[]): { path: string; message: Message } {
  const n = narrow(i);
  return { path: jsonPath([...prefix, ...(n.path ?? [])]), message: message(n) };
}
