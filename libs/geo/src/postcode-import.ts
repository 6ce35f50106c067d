import { csvRecords } from './csv';
import { PostcodeRow } from './geo.types';

const CODE = ['zipcode', 'plz', 'postcode', 'postal_code', 'code'];
const LAT = ['latitude', 'lat'];
const LON = ['longitude', 'lon', 'lng'];
const PLACE = ['place', 'ort', 'name', 'town'];

const pick = (record: Record<string, string>, names: string[]) => names.map((n) => record[n]).find((v) => v !== undefined && v !== '');

export interface ParsedPostcodes {
  rows: PostcodeRow[];
  skipped: number;
}

/**
 * Reads postcode centroids from CSV files such as GeoNames' or WZB's (header names are matched
 * loosely). Several rows per postcode (GeoNames lists each place) are averaged into one centroid.
 */
export function parsePostcodeCsv(text: string): ParsedPostcodes {
  const groups = new Map<string, { place: string; lat: number; lon: number; n: number }>();
  let skipped = 0;
  for (const record of csvRecords(text)) {
    const code = pick(record, CODE)?.padStart(5, '0');
    const lat = Number(pick(record, LAT));
    const lon = Number(pick(record, LON));
    if (!code || !/^\d{5}$/.test(code) || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
      skipped++;
      continue;
    }
    const group = groups.get(code) ?? { place: pick(record, PLACE) ?? '', lat: 0, lon: 0, n: 0 };
    group.lat += lat;
    group.lon += lon;
    group.n++;
    groups.set(code, group);
  }
  const rows = [...groups.entries()].map(([code, g]) => ({ code, place: g.place, latitude: g.lat / g.n, longitude: g.lon / g.n }));
  return { rows, skipped };
}
