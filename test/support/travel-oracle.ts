import { haversineMeters } from './haversine';
import { readSharedCsv } from './shared-data';

/*
 * The calibrated estimate (calibrated-v2) written again from the README's parameter table, with the
 * Deutsche Bahn stations read from ../shared/data/saxony/transport/sn_db_stations.csv — not from the
 * file Lotse bundles, and nothing from libs/travel. The e2e suites check the API against it.
 */
interface OracleStation {
  lat: number;
  lon: number;
  category: number;
}

let stations: OracleStation[] | undefined;
function sharedStations(): OracleStation[] {
  if (stations) return stations;
  const rows = readSharedCsv('transport/sn_db_stations.csv');
  if (!rows) throw new Error('the travel oracle needs ../shared/data/saxony/transport/sn_db_stations.csv');
  stations = rows.map((r) => ({ lat: Number(r.lat), lon: Number(r.lon), category: Number(r.category) }));
  return stations;
}

export interface Point {
  latitude: number;
  longitude: number;
}

export function oracleWalkMinutes(meters: number): number {
  return ((meters / 1000) * 1.25 / 4.5) * 60;
}

export function oracleBusMinutes(meters: number, rural: boolean): number {
  const road = (meters / 1000) * 1.35;
  const [first, per] = rural ? [25, 25] : [8, 12];
  const transfers = road <= first ? 0 : Math.ceil((road - first) / per);
  return rural ? 10 + 3 + (road / 32) * 60 + transfers * 10 : 6 + 3 + (road / 18) * 60 + transfers * 5;
}

const WAIT = [0, 2, 2, 3, 3, 4, 5, 5];
const CHANGE = [0, 6, 6, 6, 10, 10, 15, 15];

const nearCache = new Map<string, { s: OracleStation; m: number }[]>();
/** Stations within 1.2 km (remembered per point: the suites ask for the same points many times). */
function near(p: Point): { s: OracleStation; m: number }[] {
  const key = `${p.latitude},${p.longitude}`;
  let found = nearCache.get(key);
  if (!found) {
    found = sharedStations()
      .map((s) => ({ s, m: haversineMeters(p.latitude, p.longitude, s.lat, s.lon) }))
      .filter((x) => x.m <= 1200);
    nearCache.set(key, found);
  }
  return found;
}

export function oracleRailMinutes(from: Point, to: Point): number {
  let best = Infinity;
  for (const a of near(from)) {
    for (const b of near(to)) {
      const track = (haversineMeters(a.s.lat, a.s.lon, b.s.lat, b.s.lon) / 1000) * 1.15;
      if (a.s === b.s || track < 2) continue;
      const transfers = track <= 40 ? 0 : Math.ceil((track - 40) / 50);
      const minutes = oracleWalkMinutes(a.m) + WAIT[a.s.category] + (track / 50) * 60 + transfers * CHANGE[Math.max(a.s.category, b.s.category)] + oracleWalkMinutes(b.m);
      best = Math.min(best, minutes);
    }
  }
  return best;
}

/** Public transport door to door, or walking where that is quicker; `distanceScale` stretches the straight line (sphere vs spheroid bounds). */
export function oracleMinutesPublicTransport(from: Point, to: Point, rural: boolean, distanceScale = 1): { minutes: number; walked: boolean } {
  const meters = haversineMeters(from.latitude, from.longitude, to.latitude, to.longitude) * distanceScale;
  const walk = oracleWalkMinutes(meters);
  const transit = Math.min(oracleBusMinutes(meters, rural), oracleRailMinutes(from, to));
  return walk <= transit ? { minutes: walk, walked: true } : { minutes: transit, walked: false };
}
