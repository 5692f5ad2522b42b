// A local node:http server for the bench: the host page (5,000-row table), each library's dist files exactly as
// shipped (read from node_modules / packages/sdk/dist), the in-page harness, and bundles built in memory.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { hostPage } from './page.mjs';

const TYPES = { js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8',
  html: 'text/html; charset=utf-8', json: 'application/json' };

/**
 * @param {{ files: Record<string, string>, memory: Record<string, string> }} routes
 *   files: URL path → file on disk; memory: URL path → JavaScript text (bundles built by esbuild).
 */
export function startServer({ files, memory }) {
  const cache = new Map();
  const body = (path) => {
    if (memory[path] !== undefined) return Buffer.from(memory[path]);
    if (!files[path]) return null;
    if (!cache.has(path)) cache.set(path, readFileSync(files[path]));
    return cache.get(path);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let data;
    let type;
    if (url.pathname === '/page.html') {
      data = Buffer.from(hostPage(url.searchParams.get('lib') ?? 'none', Number(url.searchParams.get('rows') ?? 5000)));
      type = TYPES.html;
    } else {
      data = body(url.pathname);
      type = TYPES[url.pathname.split('.').pop()] ?? 'application/octet-stream';
    }
    if (!data) { res.writeHead(404).end('not found'); return; }
    // No caching: every fresh browser context fetches and compiles the files as a first visit would.
    res.writeHead(200, { 'content-type': type, 'content-length': data.length, 'cache-control': 'no-store' });
    res.end(data);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }) });
    });
  });
}
