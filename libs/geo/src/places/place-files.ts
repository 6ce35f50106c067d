import { csvRecords } from '../csv';
import { DerivedPlace, DerivedPostcode } from './derive-places';

/** The bundled, derived tables in libs/geo/data (built by scripts/build-places.ts; see SOURCE.md there). */
export const PLACES_FILE = 'sn-places.csv';
export const POSTCODES_FILE = 'sn-postcodes.csv';

const PLACE_COLUMNS = ['id', 'name', 'kind', 'municipality_ags', 'district_ags', 'latitude', 'longitude', 'population', 'postcodes', 'source'] as const;
const POSTCODE_COLUMNS = ['code', 'place', 'place_id', 'latitude', 'longitude', 'municipality_ags', 'district_ags', 'municipalities'] as const;

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const lines = (header: readonly string[], rows: (string | number | null)[][]) => [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
const list = (text: string) => (text ? text.split(' ') : []);

export function writePlacesCsv(places: DerivedPlace[]): string {
  return lines(
    PLACE_COLUMNS,
    places.map((p) => [p.id, p.name, p.kind, p.municipalityAgs, p.districtAgs, p.latitude, p.longitude, p.population, p.postcodes.join(' '), p.source]),
  );
}

export function writePostcodesCsv(postcodes: DerivedPostcode[]): string {
  return lines(
    POSTCODE_COLUMNS,
    postcodes.map((p) => [p.code, p.place, p.placeId, p.latitude, p.longitude, p.municipalityAgs, p.districtAgs, p.municipalities.join(' ')]),
  );
}

export function readPlacesCsv(text: string): DerivedPlace[] {
  return csvRecords(text).map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as DerivedPlace['kind'],
    municipalityAgs: r.municipality_ags,
    districtAgs: r.district_ags,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    population: r.population === '' ? null : Number(r.population),
    postcodes: list(r.postcodes),
    source: r.source as DerivedPlace['source'],
  }));
}

export function readPostcodesCsv(text: string): DerivedPostcode[] {
  return csvRecords(text).map((r) => ({
    code: r.code,
    place: r.place,
    placeId: r.place_id,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    municipalityAgs: r.municipality_ags,
    districtAgs: r.district_ags,
    municipalities: list(r.municipalities),
  }));
}
