/**
 * Where listings lie in the Saxony workload: where people live. The anchors are the places Lotse
 * ships (libs/geo/data/sn-places.csv: the 426 municipalities of the 2016 boundaries and their
 * GeoNames localities, with GeoNames' populations), each drawn with a weight of its population, so
 * Dresden and Leipzig get about an eighth of the listings each and a village a handful. A listing
 * lies at a gaussian offset from its place's point, wider for a bigger place, and always inside the
 * place's municipality (sn-municipalities.geojson.gz), so the catalogue never leaves Saxony.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PLACES_FILE, readPlacesCsv, ringsOf } from '@lotse/geo';
import { gaussianAround } from './geo';
import { Rng } from './random';

const DATA_DIR = join(__dirname, '..', 'libs', 'geo', 'data');

/**
 * Weight of a municipality GeoNames gives no population: places under ~1,000 people have none
 * (79 municipalities); localities without one are parts of a municipality already counted.
 */
const VILLAGE_POPULATION = 500;
/** Spread of a place's listings: √population / 130 km, between 0.5 km (a village) and 5 km (Dresden, Leipzig). */
const spreadKm = (population: number) => Math.min(5, Math.max(0.5, Math.sqrt(population) / 130));
/** Tries to draw a point inside the municipality before falling back to the place's own point. */
const TRIES = 8;

export interface SaxonPlace {
  name: string;
  municipalityAgs: string;
  latitude: number;
  longitude: number;
  population: number;
  postcode: string;
}

export interface SaxonyGeography {
  places: SaxonPlace[];
  /** cumulative population, for `Rng.weighted` */
  cumulative: number[];
  /** flat rings (lon, lat, …) of each municipality */
  rings: Map<string, Float64Array[]>;
  totalPopulation: number;
}

let loaded: SaxonyGeography | undefined;

export function saxonyGeography(): SaxonyGeography {
  if (loaded) return loaded;
  const places: SaxonPlace[] = [];
  for (const p of readPlacesCsv(readFileSync(join(DATA_DIR, PLACES_FILE), 'utf8'))) {
    const population = p.population ?? (p.kind === 'municipality' ? VILLAGE_POPULATION : 0);
    if (population <= 0) continue;
    places.push({ name: p.name, municipalityAgs: p.municipalityAgs, latitude: p.latitude, longitude: p.longitude, population, postcode: p.postcodes[0] ?? '01000' });
  }
  const features: { properties: { ags: string }; geometry: { type: string; coordinates: unknown } }[] = JSON.parse(
    gunzipSync(readFileSync(join(DATA_DIR, 'sn-municipalities.geojson.gz'))).toString('utf8'),
  ).features;
  const rings = new Map(features.map((f) => [f.properties.ags, ringsOf(f.geometry)]));
  let sum = 0;
  const cumulative = places.map((p) => (sum += p.population));
  loaded = { places, cumulative, rings, totalPopulation: sum };
  return loaded;
}

/** Even-odd rule over all rings (holes included); a point on an edge counts as outside, which only costs a retry. */
function inside(rings: Float64Array[] | undefined, x: number, y: number): boolean {
  if (!rings) return false;
  let result = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i];
      const yi = ring[i + 1];
      const xj = ring[j];
      const yj = ring[j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

export interface DrawnPlace {
  lat: number;
  lon: number;
  town: string;
  plz: string;
}

/** A point around `place`, inside its municipality. */
export function aroundPlace(rng: Rng, geo: SaxonyGeography, place: SaxonPlace): DrawnPlace {
  const rings = geo.rings.get(place.municipalityAgs);
  const sd = spreadKm(place.population);
  for (let i = 0; i < TRIES; i++) {
    const p = gaussianAround(rng, place.latitude, place.longitude, sd);
    if (inside(rings, p.lon, p.lat)) return { lat: p.lat, lon: p.lon, town: place.name, plz: place.postcode };
  }
  return { lat: place.latitude, lon: place.longitude, town: place.name, plz: place.postcode };
}

/** A place drawn by population. */
export function drawPlace(rng: Rng, geo: SaxonyGeography): SaxonPlace {
  return geo.places[rng.weighted(geo.cumulative)];
}
