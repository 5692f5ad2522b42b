// A tiny static file server on node:http, for the demo (`npm start`), the screenshot and end-to-end tests.
// No dependencies, no caching (tests must always see the freshly built SDK), no path traversal.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The content type served for a file name; unknown extensions are served as bytes, never sniffed. */
export function contentType(file) {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file under `root`, or null when it would leave `root` or is malformed.
 * Decoding happens once, before the check, so `%2e%2e%2f` cannot slip past it.
 */
export function resolveUnder(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const base = resolve(root);
  const file = resolve(base, '.' + (decoded.startsWith('/') ? decoded : '/' + decoded));
  return file === base || file.startsWith(base + sep) ? file : null;
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    if (info.isFile()) return { path, size: info.size };
    if (info.isDirectory()) return fileAt(join(path, 'index.html'));
  } catch {
    // missing or unreadable: a 404 like any other
  }
  return null;
}

/**
 * @param {object} options
 * @param {string} options.root Directory served as `/`.
 * @param {Record<string, string>} [options.routes] URL path → absolute file, checked before `root`. @default {}
 * @param {number} [options.port] 0 picks a free port. @default 0
 * @param {string} [options.host] @default '127.0.0.1'
 * @param {Record<string, string> | ((pathname: string) => Record<string, string> | undefined)} [options.headers]
 *   Extra headers on every response (e.g. a strict Content-Security-Policy), or a function of the path.
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>} `url` has no trailing slash.
 */
export function createStaticServer({ root, routes = {}, port = 0, host = '127.0.0.1', headers } = {}) {
  if (!root) throw new TypeError('createStaticServer: `root` is required');

  const server = createServer(async (req, res) => {
    // Never parse req.url as a URL: `//evil.example/x` would become a host, not a path.
    const raw = (req.url ?? '/').split(/[?#]/)[0] || '/';
    const pathname = raw.replace(/\/{2,}/g, '/');
    const extra = (typeof headers === 'function' ? headers(pathname) : headers) ?? {};
    const send = (status, type, body, more = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...extra, ...more });
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const routed = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    const target = routed ?? resolveUnder(root, pathname);
    const found = target ? await fileAt(target) : null;
    if (!found) {
      const hint = routed ? ` (mapped to ${routed}: not built yet?)` : '';
      send(target ? 404 : 400, 'text/plain; charset=utf-8', `${target ? 'Not found' : 'Bad request'}: ${pathname}${hint}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': contentType(found.path),
      'Content-Length': found.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolvePromise({
        url: `http://${shownHost}:${actualPort}`,
        port: actualPort,
        close: () =>
          new Promise((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive sockets (browsers hold them open) would otherwise delay close() for seconds.
            server.closeAllConnections();
          }),
      });
    });
  });
}
