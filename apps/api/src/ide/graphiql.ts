/**
 * Offline GraphQL IDE.
 *
 * Apollo Server's default landing page (and @nestjs/apollo's `graphiql: true`)
 * load their JavaScript from a CDN. Lotse must work without internet access,
 * so we serve GraphiQL 3.x (UMD build) plus the React 18 UMD builds it needs
 * from our own npm dependencies under `/ide/…`, and render a landing page that
 * references nothing but those URLs.
 *
 * Wiring (see main.ts / the GraphQL module):
 *   GraphQLModule.forRoot({ …, playground: false, plugins: [graphiqlLandingPagePlugin('/graphql')] })
 *   mountGraphiqlAssets(app)   // before app.listen()
 *
 * `playground: false` matters: with it @nestjs/apollo only adds the
 * `LandingPageDisabled` marker (which merely stops Apollo from installing its
 * CDN-based default page); leaving `playground` undefined outside production
 * makes Nest add the GraphQL Playground plugin too, and Apollo then refuses to
 * start ("Only one plugin can implement renderLandingPage").
 *
 * The page contains no inline script (bootstrap code is served as
 * `/ide/lotse-graphiql.js`), so it keeps working under a `script-src 'self'`
 * Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';

export const IDE_PREFIX = '/ide';
export const IDE_TITLE = 'Lotse GraphQL';
export const IDE_DEFAULT_QUERY = `# Lotse GraphQL – Beispielabfrage
{ needs { code labelDe } }
`;

export interface GraphiqlAsset {
  /** URL path under which the asset is served, e.g. `/ide/graphiql@3.9.0/graphiql.min.js`. */
  route: string;
  /** Absolute path of the file in node_modules that backs the route. */
  file: string;
  contentType: string;
}

interface PackageFile {
  key: 'graphiqlJs' | 'graphiqlCss' | 'reactJs' | 'reactDomJs';
  pkg: string;
  path: string;
  contentType: string;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/**
 * The files we serve. Note: these packages have an `exports` map that does not
 * expose `graphiql.min.js` / `umd/*`, so `require.resolve('graphiql/graphiql.min.js')`
 * throws ERR_PACKAGE_PATH_NOT_EXPORTED; we resolve `<pkg>/package.json` (which all
 * three export) and join the file path to its directory.
 * React 19 dropped UMD builds, hence react/react-dom 18; graphiql 4+/5 dropped
 * the UMD bundle as well, hence graphiql 3.x (its peer range is react ^16.8–^18).
 */
const PACKAGE_FILES: PackageFile[] = [
  { key: 'reactJs', pkg: 'react', path: 'umd/react.production.min.js', contentType: JS },
  { key: 'reactDomJs', pkg: 'react-dom', path: 'umd/react-dom.production.min.js', contentType: JS },
  { key: 'graphiqlJs', pkg: 'graphiql', path: 'graphiql.min.js', contentType: JS },
  { key: 'graphiqlCss', pkg: 'graphiql', path: 'graphiql.min.css', contentType: CSS },
];

function packageInfo(pkg: string): { dir: string; version: string } {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: dirname(manifest), version };
}

function packageAssets(): (GraphiqlAsset & { key: PackageFile['key'] })[] {
  return PACKAGE_FILES.map((f) => {
    const { dir, version } = packageInfo(f.pkg);
    const name = f.path.split('/').pop() as string;
    return {
      key: f.key,
      // The version is part of the URL, so the files can be cached "immutable".
      route: `${IDE_PREFIX}/${f.pkg}@${version}/${name}`,
      file: join(dir, f.path),
      contentType: f.contentType,
    };
  });
}

/** Asset URLs under `/ide/…` and the absolute files (from node_modules) behind them. */
export function graphiqlAssets(): GraphiqlAsset[] {
  return packageAssets().map(({ route, file, contentType }) => ({ route, file, contentType }));
}

/** Bootstrap script; reads the endpoint from `data-endpoint` of `#graphiql`. */
export const GRAPHIQL_BOOTSTRAP_ROUTE = `${IDE_PREFIX}/lotse-graphiql.js`;
const GRAPHIQL_BOOTSTRAP_JS = `(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var endpoint = container.getAttribute('data-endpoint') || '/graphql';
  var defaultQuery = ${JSON.stringify(IDE_DEFAULT_QUERY)};
  var url = new URL(endpoint, window.location.href).toString();
  var fetcher = GraphiQL.createFetcher({ url: url });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers'
    })
  );
})();
`;

/** Small inline-free favicon, so browsers do not log a 404 for /favicon.ico. */
export const GRAPHIQL_FAVICON_ROUTE = `${IDE_PREFIX}/favicon.svg`;
const GRAPHIQL_FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<circle cx="16" cy="16" r="15" fill="#0b5f8a"/>
<path d="M16 4 L20 16 L16 28 L12 16 Z" fill="#fff"/>
<circle cx="16" cy="16" r="2.5" fill="#0b5f8a"/>
</svg>
`;

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The GraphiQL page. References only `/ide/…` URLs, no CDN, no inline script. */
export function renderGraphiqlHtml(endpoint: string): string {
  const a = Object.fromEntries(packageAssets().map((x) => [x.key, x.route])) as Record<
    PackageFile['key'],
    string
  >;
  return `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${escapeHtml(IDE_TITLE)}</title>
    <link rel="icon" type="image/svg+xml" href="${GRAPHIQL_FAVICON_ROUTE}" />
    <link rel="stylesheet" href="${a.graphiqlCss}" />
    <style>
      html, body { height: 100%; margin: 0; overflow: hidden; }
      #graphiql { height: 100vh; }
      .lotse-loading { font-family: system-ui, sans-serif; padding: 2rem; color: #555; }
    </style>
  </head>
  <body>
    <div id="graphiql" data-endpoint="${escapeHtml(endpoint)}">
      <div class="lotse-loading">${escapeHtml(IDE_TITLE)} wird geladen …</div>
    </div>
    <noscript>GraphiQL benötigt JavaScript.</noscript>
    <script src="${a.reactJs}"></script>
    <script src="${a.reactDomJs}"></script>
    <script src="${a.graphiqlJs}"></script>
    <script src="${GRAPHIQL_BOOTSTRAP_ROUTE}"></script>
  </body>
</html>
`;
}

/**
 * Apollo Server plugin: GET <endpoint> with `Accept: text/html` (i.e. a browser)
 * gets the GraphiQL page instead of Apollo's CDN-based landing page.
 */
export function graphiqlLandingPagePlugin(endpoint: string): ApolloServerPlugin {
  return {
    async serverWillStart() {
      const html = renderGraphiqlHtml(endpoint);
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

interface LoadedAsset {
  contentType: string;
  cacheControl: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
}

function load(body: Buffer, contentType: string, cacheControl: string): LoadedAsset {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  return { contentType, cacheControl, body, gzip: gzipSync(body, { level: 9 }), etag };
}

type Next = (err?: unknown) => void;
export type GraphiqlAssetHandler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

/**
 * A connect/express-style middleware serving the IDE assets. Files are read and
 * gzipped once (≈1.5 MB raw, ≈0.4 MB gzipped), served with ETag, and with
 * `immutable` caching for the versioned npm files. Everything else is passed on.
 */
export function createGraphiqlAssetHandler(): GraphiqlAssetHandler {
  const table = new Map<string, LoadedAsset>();
  for (const asset of graphiqlAssets()) {
    table.set(
      asset.route,
      load(readFileSync(asset.file), asset.contentType, 'public, max-age=31536000, immutable'),
    );
  }
  // Unversioned URL, so only a short cache plus ETag revalidation.
  table.set(
    GRAPHIQL_BOOTSTRAP_ROUTE,
    load(Buffer.from(GRAPHIQL_BOOTSTRAP_JS, 'utf8'), JS, 'public, max-age=300'),
  );
  table.set(
    GRAPHIQL_FAVICON_ROUTE,
    load(Buffer.from(GRAPHIQL_FAVICON_SVG, 'utf8'), 'image/svg+xml', 'public, max-age=86400'),
  );

  return (req, res, next) => {
    const url = req.url ?? '';
    if (!url.startsWith(`${IDE_PREFIX}/`) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return next();
    }
    const q = url.indexOf('?');
    let pathname = q === -1 ? url : url.slice(0, q);
    try {
      pathname = decodeURIComponent(pathname); // "react%4018.3.1" -> "react@18.3.1"
    } catch {
      return next();
    }
    const asset = table.get(pathname);
    if (!asset) return next();

    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', asset.cacheControl);
    res.setHeader('ETag', asset.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === asset.etag)) {
      res.statusCode = 304;
      return void res.end();
    }
    const acceptEncoding = String(req.headers['accept-encoding'] ?? '');
    const useGzip = /\bgzip\b/.test(acceptEncoding);
    const body = useGzip ? asset.gzip : asset.body;
    if (useGzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', body.length);
    res.statusCode = 200;
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Serve the IDE assets under `/ide/` (call before `app.listen()`). */
export function mountGraphiqlAssets(app: INestApplication): void {
  app.use(createGraphiqlAssetHandler());
}
