import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createWebAppHandler, tileSource, WEB_ROUTES } from './web-app';

describe('web app handler', () => {
  let server: Server;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1);'.repeat(100));
    const handler = createWebAppHandler(dir, { mapTileUrl: 'https://{s}.tiles.example/{z}/{x}/{y}.png' });
    server = createServer((req, res) => handler(req, res, () => ((res.statusCode = 404), res.end('next'))));
  });
  afterAll(() => server.close());

  it('serves index.html at / and at the app routes, never cached', async () => {
    for (const path of ['/', '/angebote', '/merkliste/druck']) {
      const res = await request(server).get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets gzipped and immutable, with ETag revalidation', async () => {
    const res = await request(server).get('/assets/index-abc.js').set('accept-encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    const again = await request(server).get('/assets/index-abc.js').set('if-none-match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('passes everything else on (GraphQL, REST exports, unknown files)', async () => {
    for (const path of ['/graphql', '/hsds/services', '/assets/missing.js', '/health']) {
      expect((await request(server).get(path)).text).toBe('next');
    }
  });

  it('hands the run-time settings to the app', async () => {
    const res = await request(server).get('/web-config.json');
    expect(res.body).toEqual({ mapTileUrl: 'https://{s}.tiles.example/{z}/{x}/{y}.png' });
  });

  it('names a tile server for the CSP, subdomains as a wildcard', () => {
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(tileSource('https://tiles.example.org:8443/osm/{z}/{x}/{y}.png')).toBe('https://tiles.example.org:8443');
  });

  it('knows every first path segment of the web app’s route table, so a reload of any screen finds the app', () => {
    // read as text: the web app has its own tsconfig (DOM, JSX), the API's tests do not compile it
    const table = readFileSync(join(__dirname, '..', '..', '..', 'web', 'src', 'App.tsx'), 'utf8');
    const segments = [...table.matchAll(/\bpath: '\/([^/']+)/g)].map((m) => m[1]);
    expect(segments.length).toBeGreaterThan(5);
    expect(segments.filter((s) => !WEB_ROUTES.includes(s))).toEqual([]);
  });
});
