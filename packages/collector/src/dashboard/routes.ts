// Serves the built dashboard: `GET /` (the page), `/dashboard.js`, `/dashboard.css` (and the source map).
// The page and its files are public — they hold no data; every report call carries the admin token.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

export interface DashboardOptions {
  /**
   * The folder holding `dashboard.js` and `dashboard.css` (rollup + scripts/build-dashboard-css.mjs).
   * @default packages/collector/dist/dashboard/
   */
  distDir?: string;
}

// No inline script or style anywhere, so nothing needs a nonce. uPlot and preact set styles through the CSSOM
// (element.style.x = …), which `style-src 'self'` allows.
export const DASHBOARD_CSP =
  "default-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The collector package's root, found by walking up from this module: the same answer whether this file runs
 * from src/ (vitest) or bundled into dist/ by rollup.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@compagnon/collector') return dir;
      } catch {
        // An unreadable package.json: keep walking.
      }
    }
    const up = dirname(dir);
    if (up === dir) return join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    dir = up;
  }
}

export const defaultDistDir = (): string => join(packageRoot(), 'dist', 'dashboard');

/** English or French, from `?lang=` then Accept-Language (by q-value); the page's `<html lang>`. */
export function pageLang(req: FastifyRequest): 'en' | 'fr' {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (q === 'fr' || q === 'en') return q;
  const ranked = String(req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qv = params.find((p) => p.trim().startsWith('q='));
      return { base: tag.toLowerCase().split('-')[0], q: qv ? Number(qv.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.base === 'en' || x.base === 'fr')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.base === 'fr' ? 'fr' : 'en';
}

const page = (lang: 'en' | 'fr') => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${lang === 'fr' ? 'Adoption Compagnon' : 'Compagnon adoption'}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard.css">
<script defer src="/dashboard.js"></script>
</head>
<body>
<div id="app"></div>
<noscript>${lang === 'fr' ? 'Le tableau de bord a besoin de JavaScript.' : 'The dashboard needs JavaScript.'}</noscript>
</body>
</html>
`;

const notBuilt = (file: string) =>
  `The dashboard is not built: ${file} is missing. Run \`npm run build\` at the repository root ` +
  '(rollup builds dashboard.js, scripts/build-dashboard-css.mjs writes dashboard.css).';

const FILES: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.js.map': 'application/json; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, opts) => {
  const distDir = opts.distDir ?? defaultDistDir();

  app.get('/', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer').header('cache-control', 'no-cache');
    const js = join(distDir, 'dashboard.js');
    if (!existsSync(js)) return reply.code(404).type('text/plain; charset=utf-8').send(notBuilt(js));
    return reply.header('content-security-policy', DASHBOARD_CSP).type('text/html; charset=utf-8').send(page(pageLang(req)));
  });

  for (const [name, type] of Object.entries(FILES)) {
    app.get(`/${name}`, async (_req, reply) => {
      const file = join(distDir, name);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        return reply.code(404).type('text/plain; charset=utf-8').send(notBuilt(file));
      }
      // Read at each request so a rebuild shows without a restart; no-cache revalidates cheaply on a laptop.
      return reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-cache').type(type).send(body);
    });
  }
};
