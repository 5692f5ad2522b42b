import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, createStaticServer, resolveUnder } from '../static-server.mjs';

// A site with a secret next to (not under) its root, to prove traversal cannot reach it.
const base = mkdtempSync(join(tmpdir(), 'static-server-'));
const root = join(base, 'site');
mkdirSync(join(root, 'sub'), { recursive: true });
writeFileSync(join(base, 'secret.txt'), 'top secret');
writeFileSync(join(root, 'index.html'), '<!doctype html><title>home</title>');
writeFileSync(join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
for (const [name, body] of [['app.mjs', 'export {}'], ['app.js', '1'], ['guides.json', '{}'], ['logo.svg', '<svg/>'],
  ['shot.png', 'png'], ['app.css', 'a{}'], ['blob.xyz', 'bytes'], ['two words.txt', 'spaced']]) {
  writeFileSync(join(root, name), body);
}
const built = join(base, 'dist-compagnon.iife.js');
writeFileSync(built, 'window.Compagnon = {};');

// Raw requests: fetch() would normalise `..` segments before they reach the server.
function get(url, path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('createStaticServer', () => {
  let server;
  beforeAll(async () => {
    server = await createStaticServer({
      root,
      routes: { '/compagnon.iife.js': built, '/missing.js': join(base, 'not-built.js') },
      headers: (pathname) => (pathname.endsWith('.html') || pathname.endsWith('/')
        ? { 'Content-Security-Policy': "script-src 'self'" } : undefined),
    });
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 with a free port and a url without trailing slash', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    { name: 'root is index.html', path: '/', status: 200, type: 'text/html; charset=utf-8', body: '<title>home</title>' },
    { name: 'directory index', path: '/sub/', status: 200, type: 'text/html; charset=utf-8', body: '<title>sub</title>' },
    { name: 'query string ignored', path: '/app.js?v=2#x', status: 200, type: 'text/javascript; charset=utf-8', body: '1' },
    { name: 'module script', path: '/app.mjs', status: 200, type: 'text/javascript; charset=utf-8', body: 'export {}' },
    { name: 'json', path: '/guides.json', status: 200, type: 'application/json; charset=utf-8', body: '{}' },
    { name: 'svg', path: '/logo.svg', status: 200, type: 'image/svg+xml', body: '<svg/>' },
    { name: 'png', path: '/shot.png', status: 200, type: 'image/png', body: 'png' },
    { name: 'css', path: '/app.css', status: 200, type: 'text/css; charset=utf-8', body: 'a{}' },
    { name: 'unknown extension', path: '/blob.xyz', status: 200, type: 'application/octet-stream', body: 'bytes' },
    { name: 'encoded space', path: '/two%20words.txt', status: 200, type: 'text/plain; charset=utf-8', body: 'spaced' },
    { name: 'route to a file outside root', path: '/compagnon.iife.js', status: 200, type: 'text/javascript; charset=utf-8', body: 'window.Compagnon' },
    { name: 'route not built yet', path: '/missing.js', status: 404, type: 'text/plain; charset=utf-8', body: 'not built yet?' },
    { name: 'missing file', path: '/nope.html', status: 404, type: 'text/plain; charset=utf-8', body: 'Not found: /nope.html' },
    { name: 'dot-dot', path: '/../secret.txt', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'encoded dot-dot', path: '/%2e%2e/secret.txt', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'encoded slash', path: '/sub/..%2f..%2fsecret.txt', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'backslash', path: '/..%5csecret.txt', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'null byte', path: '/index.html%00.txt', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'malformed escape', path: '/%E0%A4%A', status: 400, type: 'text/plain; charset=utf-8', body: 'Bad request' },
    { name: 'double slash is a path, not a host', path: '//app.css', status: 200, type: 'text/css; charset=utf-8', body: 'a{}' },
  ])('$name: GET $path → $status', async ({ path, status, type, body }) => {
    const res = await get(server.url, path);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain(body);
    expect(res.body).not.toContain('top secret');
  });

  it.each([
    { name: 'html page', path: '/', csp: "script-src 'self'" },
    { name: 'script', path: '/app.js', csp: undefined },
  ])('adds the extra headers of $name', async ({ path, csp }) => {
    const res = await get(server.url, path);
    expect(res.headers['content-security-policy']).toBe(csp);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    { name: 'HEAD has headers and no body', method: 'HEAD', status: 200, body: '' },
    { name: 'POST is refused', method: 'POST', status: 405, body: 'Method not allowed' },
  ])('$name', async ({ method, status, body }) => {
    const res = await get(server.url, '/app.css', method);
    expect(res.status).toBe(status);
    expect(res.body).toBe(body ? body + '\n' : '');
  });
});

describe('createStaticServer lifecycle', () => {
  it('takes a static headers object, and close() frees the port even with a keep-alive client', async () => {
    const server = await createStaticServer({ root, headers: { 'X-Demo': 'yes' } });
    const res = await fetch(server.url + '/app.css');
    expect(res.headers.get('x-demo')).toBe('yes');
    await server.close();
    await expect(fetch(server.url + '/app.css')).rejects.toThrow(TypeError);
  });

  it('rejects when the port is taken, so callers can fall back', async () => {
    const first = await createStaticServer({ root });
    await expect(createStaticServer({ root, port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await first.close();
  });

  it('requires a root', () => {
    expect(() => createStaticServer({})).toThrow(/root/);
  });
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('helpers', () => {
  it.each([
    { name: 'upper-case extension', file: 'A.PNG', type: 'image/png' },
    { name: 'no extension', file: 'LICENSE', type: 'application/octet-stream' },
  ])('contentType: $name', ({ file, type }) => {
    expect(contentType(file)).toBe(type);
  });

  it.each([
    { name: 'plain', path: '/a/b.txt', inside: true },
    { name: 'root itself', path: '/', inside: true },
    { name: 'sibling with the same prefix', path: '/../site-other/x', inside: false },
    { name: 'parent', path: '/a/../../x', inside: false },
  ])('resolveUnder: $name', ({ path, inside }) => {
    const file = resolveUnder(root, path);
    expect(file === null ? false : file.startsWith(root)).toBe(inside);
  });
});
