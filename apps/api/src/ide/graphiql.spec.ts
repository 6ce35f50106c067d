import { existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  createGraphiqlAssetHandler,
  graphiqlAssets,
  graphiqlLandingPagePlugin,
  GRAPHIQL_BOOTSTRAP_ROUTE,
  GRAPHIQL_FAVICON_ROUTE,
  renderGraphiqlHtml,
} from './graphiql';

/** All src/href attribute values in the page. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
}

interface FakeResponse {
  statusCode: number;
  headers: Record<string, string | number>;
  body?: Buffer;
  ended: boolean;
}

function request(
  handler: ReturnType<typeof createGraphiqlAssetHandler>,
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): { res: FakeResponse; nextCalled: boolean } {
  const res: FakeResponse = { statusCode: 0, headers: {}, ended: false };
  const fakeRes = {
    set statusCode(v: number) {
      res.statusCode = v;
    },
    get statusCode() {
      return res.statusCode;
    },
    setHeader(name: string, value: string | number) {
      res.headers[name.toLowerCase()] = value;
    },
    end(body?: Buffer) {
      res.body = body;
      res.ended = true;
    },
  } as unknown as ServerResponse;
  let nextCalled = false;
  handler({ url, method, headers } as unknown as IncomingMessage, fakeRes, () => {
    nextCalled = true;
  });
  return { res, nextCalled };
}

describe('GraphiQL offline IDE', () => {
  const assets = graphiqlAssets();

  it('backs every asset route by an existing, non-empty file', () => {
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset.route.startsWith('/ide/')).toBe(true);
      expect(isAbsolute(asset.file)).toBe(true);
      expect(existsSync(asset.file)).toBe(true);
      expect(statSync(asset.file).size).toBeGreaterThan(1000);
      expect(asset.contentType).toMatch(/^text\/(javascript|css)/);
    }
    const files = assets.map((a) => a.file.replace(/\\/g, '/'));
    expect(files.some((f) => /\/react\/umd\/react\.production\.min\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /\/react-dom\/umd\/react-dom\.production\.min\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /\/graphiql\/graphiql\.min\.js$/.test(f))).toBe(true);
    expect(files.some((f) => /\/graphiql\/graphiql\.min\.css$/.test(f))).toBe(true);
    expect(new Set(assets.map((a) => a.route)).size).toBe(assets.length);
  });

  it('renders a page that references only local /ide/ URLs', () => {
    const html = renderGraphiqlHtml('/graphql');
    expect(html).toContain('<title>Lotse GraphQL</title>');
    expect(html).toContain('data-endpoint="/graphql"');
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']\/\//i); // protocol-relative

    const urls = referencedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) expect(url.startsWith('/ide/')).toBe(true);
    for (const asset of assets) expect(urls).toContain(asset.route);
    expect(urls).toContain(GRAPHIQL_BOOTSTRAP_ROUTE);
    expect(urls).toContain(GRAPHIQL_FAVICON_ROUTE);

    // no inline scripts (CSP-friendly): every <script> has a src
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.length).toBe(4);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc=/);
    // React and ReactDOM must load before GraphiQL's UMD bundle, the bootstrap last
    const order = scripts.map((tag) => /src="([^"]+)"/.exec(tag)![1]);
    expect(order[0]).toMatch(/\/react@/);
    expect(order[1]).toMatch(/\/react-dom@/);
    expect(order[2]).toMatch(/\/graphiql@.*\.js$/);
    expect(order[3]).toBe(GRAPHIQL_BOOTSTRAP_ROUTE);
  });

  it('escapes the endpoint in the HTML attribute', () => {
    const html = renderGraphiqlHtml('/graphql?a="><script>x</script>');
    expect(html).not.toContain('<script>x</script>');
    expect(html).toContain('data-endpoint="/graphql?a=&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('returns the page from the Apollo plugin renderLandingPage hook', async () => {
    const plugin = graphiqlLandingPagePlugin('/graphql');
    const listener = await plugin.serverWillStart!({} as never);
    expect(listener).toBeTruthy();
    const page = await listener!.renderLandingPage!();
    expect(page).toEqual({ html: renderGraphiqlHtml('/graphql') });
  });

  describe('asset handler', () => {
    const handler = createGraphiqlAssetHandler();
    const js = assets.find((a) => a.route.endsWith('/graphiql.min.js'))!;

    it('serves an asset with content type, caching headers and ETag', () => {
      const { res, nextCalled } = request(handler, js.route);
      expect(nextCalled).toBe(false);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(js.contentType);
      expect(res.headers['cache-control']).toContain('immutable');
      expect(res.headers['etag']).toBeTruthy();
      expect(res.body!.length).toBe(statSync(js.file).size);
    });

    it('serves gzip when accepted and 304 on a matching ETag', () => {
      const gz = request(handler, js.route, { 'accept-encoding': 'gzip, deflate, br' }).res;
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.body!).length).toBe(statSync(js.file).size);

      const cached = request(handler, js.route, { 'if-none-match': String(gz.headers['etag']) }).res;
      expect(cached.statusCode).toBe(304);
      expect(cached.body).toBeUndefined();
    });

    it('serves the bootstrap script', () => {
      const { res } = request(handler, `${GRAPHIQL_BOOTSTRAP_ROUTE}?x=1`);
      expect(res.statusCode).toBe(200);
      const body = res.body!.toString('utf8');
      expect(body).toContain('GraphiQL.createFetcher');
      expect(body).toContain('isHeadersEditorEnabled: true');
      expect(body).toContain('{ needs { code labelDe } }');
    });

    it('serves the favicon', () => {
      const { res } = request(handler, GRAPHIQL_FAVICON_ROUTE);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml');
      expect(res.body!.toString('utf8')).toContain('<svg');
    });

    it('passes unknown paths and non-GET methods on', () => {
      expect(request(handler, '/ide/nope.js').nextCalled).toBe(true);
      expect(request(handler, '/graphql').nextCalled).toBe(true);
      expect(request(handler, js.route, {}, 'POST').nextCalled).toBe(true);
    });
  });
});
