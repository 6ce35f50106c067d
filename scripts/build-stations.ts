/**
 * Builds libs/travel/data/db-stations.json.gz — the railway stations the calibrated estimate knows —
 * from the npm package `db-stations` (Deutsche Bahn station data, CC BY 4.0). Keeps the stations in
 * and around Saxony (the box below: Saxony plus ~25 km, so trips to a station just across the border
 * count) with EVA number, name, position and station category (1 = largest hubs … 7 = smallest halts).
 * Run: npm run stations:build (after `npm install`; the package is a development dependency).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';

const ROOT = join(__dirname, '..');
const PACKAGE = join(ROOT, 'node_modules', 'db-stations');
const OUT = join(ROOT, 'libs', 'travel', 'data', 'db-stations.json.gz');
/** Saxony spans 50.17–51.69° N, 11.87–15.04° E; 0.25° margin (~25 km) */
const BOX = { minLat: 49.9, maxLat: 51.95, minLon: 11.5, maxLon: 15.4 };

interface FullStation {
  id: string;
  name: string;
  location?: { latitude: number; longitude: number };
  category?: number | null;
}

const version = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')).version as string;
const all = JSON.parse(readFileSync(join(PACKAGE, 'full.json'), 'utf8')) as FullStation[];
const kept = all
  .filter((s) => s.location && s.location.latitude >= BOX.minLat && s.location.latitude <= BOX.maxLat && s.location.longitude >= BOX.minLon && s.location.longitude <= BOX.maxLon)
  .filter((s) => Number.isInteger(s.category) && s.category! >= 1 && s.category! <= 7)
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((s) => [s.id, s.name, Math.round(s.location!.latitude * 1e6) / 1e6, Math.round(s.location!.longitude * 1e6) / 1e6, s.category!]);
mkdirSync(join(ROOT, 'libs', 'travel', 'data'), { recursive: true });
const body = {
  source: `db-stations ${version} (npm), full.json`,
  attribution: 'Bahnhofsdaten: Deutsche Bahn AG (DB Station&Service), CC BY 4.0, über db-stations',
  fields: ['eva', 'name', 'latitude', 'longitude', 'category'],
  stations: kept,
};
writeFileSync(OUT, gzipSync(JSON.stringify(body), { level: 9 }));
console.log(`${kept.length} of ${all.length} stations → ${OUT}`);
