/**
 * A synthetic, Saxony-sized GTFS feed for the travel bench: ≈ 20,000 stops and ≈ 1,000,000 stop
 * times at scale 1, deterministic from a seed. Stops cluster around Saxon towns (bus stops 300–600 m
 * apart) with the rest spread over the state; ≈ 1,000 bus lines wander between nearby stops and ≈ 5 %
 * are railway lines with stops kilometres apart; every line runs both ways, on weekdays and at
 * weekends, at headways of 10 minutes to 2 hours from 05:00 to 23:00. Nothing is real: a stand-in for
 * the VVO, MDV and VMS feeds together, for timing the import and the router.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAXON_TOWNS } from './geo';
import { Rng } from './random';

export interface SyntheticFeed {
  stops: number;
  routes: number;
  trips: number;
  stopTimes: number;
  /** stop positions, for drawing origins and targets near them */
  lat: Float64Array;
  lon: Float64Array;
  /** stops some line serves */
  served: number[];
}

const SAXONY = { minLat: 50.25, maxLat: 51.6, minLon: 12.1, maxLon: 14.9 };
const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;
function meters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}
const time = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;

/** Writes the feed's files into `dir` and says what it holds. */
export function writeSyntheticFeed(dir: string, scale = 1, seed = 'lotse-gtfs'): SyntheticFeed {
  const rng = new Rng(seed);
  const stopCount = Math.round(20_000 * scale);
  const routeCount = Math.max(4, Math.round(1_000 * scale));
  const targetStopTimes = Math.round(1_000_000 * scale);
  const lat = new Float64Array(stopCount);
  const lon = new Float64Array(stopCount);
  for (let i = 0; i < stopCount; i++) {
    if (i < stopCount * 0.6) {
      const town = SAXON_TOWNS[i % SAXON_TOWNS.length];
      const sd = 2500 + (i % 7) * 400;
      lat[i] = town.lat + (rng.gauss() * sd) / 111_000;
      lon[i] = town.lon + (rng.gauss() * sd) / (111_000 * Math.cos(rad(town.lat)));
    } else {
      lat[i] = SAXONY.minLat + rng.next() * (SAXONY.maxLat - SAXONY.minLat);
      lon[i] = SAXONY.minLon + rng.next() * (SAXONY.maxLon - SAXONY.minLon);
    }
  }
  // a grid of 2 km cells to find neighbours
  const cell = (a: number, b: number) => `${Math.floor(a / 0.018)}:${Math.floor(b / 0.028)}`;
  const grid = new Map<string, number[]>();
  for (let i = 0; i < stopCount; i++) {
    const k = cell(lat[i], lon[i]);
    const list = grid.get(k) ?? [];
    list.push(i);
    grid.set(k, list);
  }
  const near = (i: number, min: number, max: number): number[] => {
    const found: number[] = [];
    const span = Math.ceil(max / 2000);
    const r0 = Math.floor(lat[i] / 0.018);
    const c0 = Math.floor(lon[i] / 0.028);
    for (let r = r0 - span; r <= r0 + span; r++) {
      for (let c = c0 - span; c <= c0 + span; c++) {
        for (const j of grid.get(`${r}:${c}`) ?? []) {
          const d = meters(lat[i], lon[i], lat[j], lon[j]);
          if (j !== i && d >= min && d <= max) found.push(j);
        }
      }
    }
    return found;
  };

  // lines: a walk that keeps its heading
  const lines: { stops: number[]; seconds: number[]; rail: boolean }[] = [];
  for (let r = 0; r < routeCount; r++) {
    const rail = r % 20 === 0;
    // fewer stops at a reduced scale lie farther apart: stretch the hops so lines still find neighbours
    const stretchHops = 1 / Math.sqrt(Math.min(1, scale));
    const [min, max, speed] = rail ? [2500 * stretchHops, 9000 * stretchHops, 16] : [250 * stretchHops, 900 * stretchHops, 6.5];
    let at = rng.int(0, stopCount - 1);
    const stops = [at];
    const seconds = [0];
    let heading = rng.next() * 2 * Math.PI;
    const length = rail ? rng.int(8, 16) : rng.int(12, 26);
    for (let k = 1; k < length; k++) {
      const options = near(at, min, max).filter((j) => !stops.includes(j));
      if (!options.length) break;
      // prefer the neighbour closest to the heading
      let best = options[0];
      let score = -Infinity;
      for (const j of options.slice(0, 60)) {
        const dir = Math.atan2(lat[j] - lat[at], (lon[j] - lon[at]) * Math.cos(rad(lat[at])));
        const s = Math.cos(dir - heading) + rng.next() * 0.6;
        if (s > score) {
          score = s;
          best = j;
        }
      }
      heading = Math.atan2(lat[best] - lat[at], (lon[best] - lon[at]) * Math.cos(rad(lat[at]))) + (rng.next() - 0.5) * 0.5;
      seconds.push(seconds[k - 1] + Math.round(meters(lat[at], lon[at], lat[best], lon[best]) / speed) + 30);
      stops.push(best);
      at = best;
    }
    if (stops.length >= 3) lines.push({ stops, seconds, rail });
  }
  // headways so that the day's stop times come to the target
  const headwayChoices = [10, 15, 20, 30, 30, 60, 60, 120].map((m) => m * 60);
  const chosen = lines.map((l) => (l.rail ? 30 * 60 : rng.pick(headwayChoices)));
  const span = 18 * 3600;
  const perDay = lines.reduce((n, l, i) => n + 2 * l.stops.length * Math.floor(span / chosen[i]), 0);
  const stretch = perDay / (targetStopTimes / 1.15); // weekday trips are ≈ 87 % of all
  const headways = chosen.map((h) => Math.max(300, Math.round((h * stretch) / 60) * 60));

  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'agency.txt'), 'agency_id,agency_name,agency_url,agency_timezone\nSYN,Synthetischer Verbund (fiktiv),https://verkehr.example,Europe/Berlin\n');
  writeFileSync(join(dir, 'feed_info.txt'), 'feed_publisher_name,feed_publisher_url,feed_lang,feed_version,feed_start_date,feed_end_date\nSynthetischer Verbund (fiktiv),https://verkehr.example,de,bench,20260105,20261213\n');
  writeFileSync(join(dir, 'calendar.txt'), 'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nWK,1,1,1,1,1,0,0,20260105,20261213\nWE,0,0,0,0,0,1,1,20260105,20261213\n');
  writeFileSync(join(dir, 'calendar_dates.txt'), 'service_id,date,exception_type\nWK,20260406,2\nWE,20260406,1\nWK,20260501,2\nWE,20260501,1\n');
  const stopLines = ['stop_id,stop_name,stop_lat,stop_lon'];
  for (let i = 0; i < stopCount; i++) stopLines.push(`S${i},Halt ${i} (fiktiv),${lat[i].toFixed(6)},${lon[i].toFixed(6)}`);
  writeFileSync(join(dir, 'stops.txt'), stopLines.join('\n') + '\n');
  const routeLines = ['route_id,agency_id,route_short_name,route_type'];
  lines.forEach((l, i) => routeLines.push(`L${i},SYN,${l.rail ? 'RB' : ''}${i},${l.rail ? 2 : 3}`));
  writeFileSync(join(dir, 'routes.txt'), routeLines.join('\n') + '\n');
  const tripLines = ['route_id,service_id,trip_id'];
  const stopTimeChunks: string[] = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
  let trips = 0;
  let stopTimes = 0;
  lines.forEach((l, i) => {
    for (const service of ['WK', 'WE']) {
      const headway = service === 'WK' ? headways[i] : headways[i] * 2;
      for (const direction of [0, 1]) {
        const order = direction ? [...l.stops].reverse() : l.stops;
        const total = l.seconds[l.seconds.length - 1];
        const offsets = direction ? l.seconds.map((s) => total - s).reverse() : l.seconds;
        for (let d = 5 * 3600 + ((i * 97) % headway); d < 23 * 3600; d += headway) {
          const id = `T${trips++}`;
          tripLines.push(`L${i},${service},${id}`);
          const rows: string[] = [];
          order.forEach((s, k) => {
            const t = d + offsets[k];
            rows.push(`${id},${time(t)},${time(k === 0 || k === order.length - 1 ? t : t + 20)},S${s},${k + 1}`);
          });
          stopTimes += rows.length;
          stopTimeChunks.push(rows.join('\n'));
        }
      }
    }
  });
  writeFileSync(join(dir, 'trips.txt'), tripLines.join('\n') + '\n');
  writeFileSync(join(dir, 'stop_times.txt'), stopTimeChunks.join('\n') + '\n');
  const served = [...new Set(lines.flatMap((l) => l.stops))].sort((a, b) => a - b);
  return { stops: stopCount, routes: lines.length, trips, stopTimes, lat, lon, served };
}
