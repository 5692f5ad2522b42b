// URL globs: `*` stays within one path segment (one query parameter), `**` crosses them, `/**` also matches
// nothing (so `/docs/**` covers `/docs`). A pattern without `?` ignores the query. Every other character is
// literal: patterns are compiled, never pasted into a RegExp.
import type { Trigger } from '@compagnon/schema';

export interface UrlParts {
  pathname: string;
  search: string;
}

// Keys start with the separator, so no glob can collide with an Object.prototype name.
const cache: Record<string, RegExp> = {};

const compile = (glob: string, sep: '/' | '&'): RegExp =>
  (cache[sep + glob] ??= new RegExp(
    `^${glob.replace(/\/\*\*(?=\/|$)|\*\*?|[.+?^${}()|[\]\\]/g, (token) =>
      token === '*' ? `[^${sep}]*` : token === '**' ? '.*' : token[1] ? (sep === '/' ? '(?:/.*)?' : '/.*') : `\\${token}`,
    )}$`,
  ));

// `/profile/` and `/profile` are the same page to an author.
const trimSlash = (path: string) => path.replace(/(.)\/$/, '$1');

export function matchUrl(pattern: string, url: UrlParts): boolean {
  const q = pattern.indexOf('?');
  return (
    compile(trimSlash(q < 0 ? pattern : pattern.slice(0, q)), '/').test(trimSlash(url.pathname)) &&
    (q < 0 || compile(pattern.slice(q + 1), '&').test(url.search.replace(/^\?/, '')))
  );
}

/** No trigger, no `url` or an empty list: every page. */
export function matchesTrigger(trigger: Trigger | undefined, url: UrlParts): boolean {
  const patterns = [trigger?.url ?? []].flat();
  return !patterns.length || patterns.some((p) => matchUrl(p, url));
}
