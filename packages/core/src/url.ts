// URL globs: `*` stays within one path segment (one query parameter), `**` crosses them, `/**` also matches
// nothing (so `/docs/**` covers `/docs`). A pattern without `?` ignores the query. Every other character is
// literal: patterns are compiled, never pasted into a RegExp.
import type { Trigger } from '@compagnon/schema';

export interface UrlParts {
  pathname: string;
  search: string;
}

const cache = new Map<string, RegExp>();

function compile(glob: string, sep: '/' | '&'): RegExp {
  const key = sep + glob;
  let re = cache.get(key);
  if (re) return re;
  let src = '';
  for (let i = 0; i < glob.length; ) {
    if (sep === '/' && glob.startsWith('/**', i) && (glob[i + 3] ?? '/') === '/') {
      src += '(?:/.*)?';
      i += 3;
    } else if (glob.startsWith('**', i)) {
      src += '.*';
      i += 2;
    } else if (glob[i] === '*') {
      src += `[^${sep}]*`;
      i++;
    } else {
      src += glob[i]!.replace(/[.+?^${}()|[\]\\]/, '\\$&');
      i++;
    }
  }
  re = new RegExp(`^${src}$`);
  cache.set(key, re);
  return re;
}

// `/profile/` and `/profile` are the same page to an author.
const trimSlash = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

export function matchUrl(pattern: string, url: UrlParts): boolean {
  const q = pattern.indexOf('?');
  const path = q < 0 ? pattern : pattern.slice(0, q);
  if (!compile(trimSlash(path), '/').test(trimSlash(url.pathname))) return false;
  return q < 0 || compile(pattern.slice(q + 1), '&').test(url.search.replace(/^\?/, ''));
}

/** No trigger, no `url` or an empty list: every page. */
export function matchesTrigger(trigger: Trigger | undefined, url: UrlParts): boolean {
  const patterns = trigger?.url === undefined ? [] : ([] as string[]).concat(trigger.url);
  return patterns.length === 0 || patterns.some((p) => matchUrl(p, url));
}
