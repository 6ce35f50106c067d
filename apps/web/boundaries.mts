/**
 * The map's offline base layer: Saxony's district boundaries that Lotse already bundles
 * (libs/geo/data/sn-districts.geojson.gz, the source of the API's area index and coverage maps),
 * simplified for the screen (Douglas–Peucker, ≈ 80 m; 4 decimals) and emitted by the build as
 * /karte/kreise.geojson. No tile server is needed; see MAP_TILE_URL for one in production.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

type Pt = [number, number];
const SOURCE = fileURLToPath(new URL('../../libs/geo/data/sn-districts.geojson.gz', import.meta.url));
const TOLERANCE = 0.0008;

function sqSegDist(p: Pt, a: Pt, b: Pt): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const tt = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
    if (tt > 1) [x, y] = b;
    else if (tt > 0) [x, y] = [x + dx * tt, y + dy * tt];
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

function simplifyRing(ring: Pt[]): Pt[] {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  const stack: [number, number][] = [[0, ring.length - 1]];
  const tol = TOLERANCE * TOLERANCE;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let max = 0;
    let index = 0;
    for (let i = first + 1; i < last; i++) {
      const d = sqSegDist(ring[i], ring[first], ring[last]);
      if (d > max) [max, index] = [d, i];
    }
    if (max > tol) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = ring.filter((_, i) => keep[i]).map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4] as Pt);
  return out.length >= 4 ? out : ring;
}

export function districtsGeoJson(): string {
  const geo = JSON.parse(gunzipSync(readFileSync(SOURCE)).toString('utf8'));
  for (const f of geo.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates = g.coordinates.map(simplifyRing);
    if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map((poly: Pt[][]) => poly.map(simplifyRing));
    f.properties = { ags: f.properties.ags, name: f.properties.name };
  }
  return JSON.stringify(geo);
}

export function boundariesPlugin(): Plugin {
  const FILE = 'karte/kreise.geojson';
  return {
    name: 'lotse-boundaries',
    configureServer(server) {
      server.middlewares.use(`/${FILE}`, (_req, res) => {
        res.setHeader('content-type', 'application/geo+json');
        res.end(districtsGeoJson());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: FILE, source: districtsGeoJson() });
    },
  };
}
