import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AddressQuery, GeocodePrecision, Geocoder, isApproximate } from '../geocoding/geocoder';
import { OfflineGeocodingTables } from '../geocoding/offline-geocoder';
import { Place, PlaceKind } from '../geo.types';
import { PLACES_FILE, POSTCODES_FILE, readPlacesCsv, readPostcodesCsv } from '../places/place-files';

/** The offline geocoder's tables straight from the bundled files (no database needed). */
export function bundledGeocodingTables(): OfflineGeocodingTables {
  const dir = join(__dirname, '..', '..', 'data');
  const derived = readPlacesCsv(readFileSync(join(dir, PLACES_FILE), 'utf8'));
  const municipalityName = new Map(derived.filter((p) => p.kind === PlaceKind.MUNICIPALITY).map((p) => [p.municipalityAgs, p.name]));
  const places: Place[] = derived.map((p) => ({
    id: p.id, name: p.name, kind: p.kind as PlaceKind, municipalityAgs: p.municipalityAgs, municipalityName: municipalityName.get(p.municipalityAgs) ?? p.name,
    districtAgs: p.districtAgs, latitude: p.latitude, longitude: p.longitude, population: p.population, postcodes: p.postcodes,
  }));
  const postcodes = readPostcodesCsv(readFileSync(join(dir, POSTCODES_FILE), 'utf8')).map((p) => ({ code: p.code, latitude: p.latitude, longitude: p.longitude }));
  return { postcodes, places };
}

/** Great-circle distance in metres (spherical Earth; plenty for "within a few kilometres"). */
function metres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

interface Case {
  what: string;
  address: AddressQuery;
  /** the town's centre as OpenStreetMap and GeoNames both place it, and how far any honest answer may lie */
  near: { latitude: number; longitude: number; withinMetres: number };
}

const CASES: Case[] = [
  { what: 'a full address in Meißen', address: { street: 'Markt 1', postcode: '01662', town: 'Meißen' }, near: { latitude: 51.1636, longitude: 13.4775, withinMetres: 4000 } },
  { what: 'postcode and town of Riesa', address: { postcode: '01589', town: 'Riesa' }, near: { latitude: 51.3080, longitude: 13.2939, withinMetres: 6000 } },
  { what: 'a town alone (Großenhain)', address: { town: 'Großenhain' }, near: { latitude: 51.2895, longitude: 13.5246, withinMetres: 6000 } },
  { what: 'a street in Dresden with postcode', address: { street: 'Schloßstraße 1', postcode: '01067', town: 'Dresden' }, near: { latitude: 51.0526, longitude: 13.7373, withinMetres: 5000 } },
];

/**
 * What every geocoder adapter must do, whatever answers (Vendure's shared-tests pattern): place
 * Saxon addresses near where they are, be honest about precision (a postcode alone is never
 * EXACT), stay in Germany, and say null for what does not exist.
 */
export function describeGeocoderContract(name: string, create: () => Geocoder): void {
  describe(`geocoder contract: ${name}`, () => {
    let geocoder: Geocoder;
    beforeAll(() => {
      geocoder = create();
    });

    it.each(CASES)('places $what near the town', async ({ address, near }) => {
      const found = await geocoder.geocode(address);
      expect(found).not.toBeNull();
      expect(metres(found!, near)).toBeLessThan(near.withinMetres);
      expect(Object.values(GeocodePrecision)).toContain(found!.precision);
      expect(found!.source).toEqual(expect.any(String));
    });

    it('does not claim more than it knows: a postcode alone is approximate', async () => {
      const found = await geocoder.geocode({ postcode: '01662' });
      expect(found).not.toBeNull();
      expect(isApproximate(found!.precision)).toBe(true);
      expect(metres(found!, { latitude: 51.1636, longitude: 13.4775 })).toBeLessThan(8000);
    });

    it('answers null for a place that does not exist', async () => {
      expect(await geocoder.geocode({ town: 'Qwxzyvbrkhausen' })).toBeNull();
    });

    it('answers null for an empty address', async () => {
      expect(await geocoder.geocode({})).toBeNull();
    });

    it('stays in Germany', async () => {
      const found = await geocoder.geocode({ postcode: '09111', town: 'Chemnitz' });
      expect(found!.latitude).toBeGreaterThan(47.2);
      expect(found!.latitude).toBeLessThan(55.1);
      expect(found!.longitude).toBeGreaterThan(5.8);
      expect(found!.longitude).toBeLessThan(15.1);
    });
  });
}
