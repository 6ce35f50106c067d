/**
 * Serves the built web app (apps/web → dist/web) from the API process: same origin as /graphql, so
 * the strict CSP (`default-src 'self'`) holds and nothing is fetched from another host.
 *
 * - `/assets/…` are Vite's content-hashed files: cached for a year (`immutable`).
 * - `/` and the app's own routes (WEB_ROUTES, first path segment) get index.html, never cached, so a
 *   new build is picked up at the next load; the client-side router takes it from there.
 * - Everything else (/graphql, /ide, /health, REST exports) is passed on untouched.
 * Files are read and gzipped once at start (the build is a few hundred KB).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';

/**
 * First path segments that belong to the web app (its client-side routes). Add a segment here when
 * the web app gets a new top-level route; keep REST prefixes (/hsds, /fhir, …) out.
 */
export const WEB_ROUTES = ['anmelden', 'angebote', 'suche', 'merkliste', 'partner', 'koordination', 'konto', 'vermittlungen', 'eingang'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.geojson', '.svg', '.txt']);

interface WebFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  etag: string;
  cacheControl: string;
}

/** Where `npm run build` puts the web app. */
export function defaultWebAppDir(): string {
  return join(process.cwd(), 'dist', 'web');
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function loadFiles(dir: string): Map<string, WebFile> {
  const table = new Map<string, WebFile>();
  for (const path of listFiles(dir)) {
    const route = `/${relative(dir, path).split(sep).join('/')}`;
    const ext = extname(path).toLowerCase();
    const body = readFileSync(path);
    table.set(route, {
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body, { level: 9 }) : undefined,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      cacheControl: route.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  return table;
}

const NOT_BUILT = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Lotse</title></head>
<body><h1>Lotse</h1><p>Die Web-Anwendung ist noch nicht gebaut. Bitte <code>npm run build</code> ausführen
(oder <code>npm start</code>, das sie mitbaut). Die GraphQL-Oberfläche liegt unter <a href="/graphql">/graphql</a>.</p></body></html>`;

type Next = (err?: unknown) => void;

/** What the web app reads at run time from GET /web-config.json (one build for every deployment). */
export interface WebConfig {
  mapTileUrl?: string;
  mapTileAttribution?: string;
  /** IMPORT_MAX_BYTES: the import screen says the limit and refuses a larger file before uploading it */
  importMaxBytes?: number;
}

/** The CSP img-src entry for a tile URL template: its origin, `{s}.` subdomains as a wildcard. */
export function tileSource(template: string): string {
  const url = new URL(template.replace('{s}.', 'x-subdomain.').replace(/\{[a-z]+\}/g, '0'));
  return url.origin.replace('x-subdomain.', '*.');
}

export function createWebAppHandler(dir: string, config: WebConfig = {}): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  const files = existsSync(join(dir, 'index.html')) ? loadFiles(dir) : undefined;
  const configBody = Buffer.from(JSON.stringify(config));
  const routes = new Set(WEB_ROUTES);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const first = pathname.split('/')[1] ?? '';
    const isPage = pathname === '/' || pathname === '/index.html' || routes.has(first);
    if (pathname === '/web-config.json') {
      res.setHeader('Content-Type', TYPES['.json']);
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Length', configBody.length);
      return void res.end(req.method === 'HEAD' ? undefined : configBody);
    }
    let file = files?.get(pathname);
    if (!file && isPage) {
      if (!files) {
        res.statusCode = 200;
        res.setHeader('Content-Type', TYPES['.html']);
        return void res.end(NOT_BUILT);
      }
      file = files.get('/index.html');
    }
    if (!file) return next();
    res.setHeader('Content-Type', file.type);
    res.setHeader('Cache-Control', file.cacheControl);
    res.setHeader('ETag', file.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag)) {
      res.statusCode = 304;
      return void res.end();
    }
    const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzip! : file.body;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Serve the web app at / (call before `app.listen()`; after helmet, so its CSP applies). */
export function mountWebApp(app: INestApplication, dir = defaultWebAppDir(), config: WebConfig = {}): void {
  app.use(createWebAppHandler(dir, config));
}
