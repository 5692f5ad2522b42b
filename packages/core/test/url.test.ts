import { describe, expect, it } from 'vitest';
import { matchUrl, matchesTrigger } from '../src/index.ts';

const at = (href: string) => {
  const q = href.indexOf('?');
  return q < 0 ? { pathname: href, search: '' } : { pathname: href.slice(0, q), search: href.slice(q) };
};

describe('matchUrl', () => {
  it.each([
    ['exact path', '/profile', '/profile', true],
    ['trailing slash on the page', '/profile', '/profile/', true],
    ['trailing slash in the pattern', '/profile/', '/profile', true],
    ['another path', '/profile', '/profiles', false],
    ['case matters', '/Profile', '/profile', false],
    ['* within a segment', '/expenses*', '/expenses-2026', true],
    ['* does not cross /', '/expenses*', '/expenses/new', false],
    ['* as a whole segment', '/users/*/edit', '/users/42/edit', true],
    ['* not across two segments', '/users/*/edit', '/users/42/x/edit', false],
    ['** crosses segments', '/docs/**', '/docs/a/b/c', true],
    ['/** matches zero segments', '/docs/**', '/docs', true],
    ['/**/ in the middle, zero segments', '/docs/**/edit', '/docs/edit', true],
    ['/**/ in the middle, several', '/docs/**/edit', '/docs/a/b/edit', true],
    ['** does not match a sibling prefix', '/docs/**', '/docsx', false],
    ['** inside a segment', '/a**z', '/a/b/z', true],
    ['. is literal', '/report.csv', '/reportXcsv', false],
    ['. literal matches itself', '/report.csv', '/report.csv', true],
    ['regex characters are literal', '/a+(b)|[c]$', '/a+(b)|[c]$', true],
    ['regex characters do not act', '/a+', '/aaa', false],
    ['backslash is literal', '/a\\d', '/a1', false],
    ['no ? in the pattern: query ignored', '/search', '/search?q=x', true],
    ['query pattern matches', '/search?q=*', '/search?q=shoes', true],
    ['query pattern requires the query', '/search?q=*', '/search', false],
    ['* in the query stays in one parameter', '/search?q=*', '/search?q=a&page=2', false],
    ['** in the query crosses parameters', '/search?q=**', '/search?q=a&page=2', true],
    ['query value must match', '/search?tab=settings', '/search?tab=profile', false],
    ['empty query pattern means no query', '/search?', '/search', true],
    ['path still checked with a query pattern', '/search?q=*', '/find?q=x', false],
  ])('%s: %s vs %s', (_name, pattern, href, expected) => {
    expect(matchUrl(pattern, at(href))).toBe(expected);
  });
});

describe('matchesTrigger', () => {
  it.each([
    ['no trigger: every page', undefined, true],
    ['no url: every page', { manual: true }, true],
    ['empty list: every page', { url: [] }, true],
    ['one matching pattern', { url: '/expenses/*' }, true],
    ['* does not reach into a sub-path', { url: '/expenses*' }, false],
    ['one pattern not matching', { url: '/profile' }, false],
    ['a list where one matches', { url: ['/profile', '/expenses/**'] }, true],
    ['a list where none matches', { url: ['/profile', '/home'] }, false],
  ])('%s', (_name, trigger, expected) => {
    expect(matchesTrigger(trigger, at('/expenses/new'))).toBe(expected);
  });
});
