import { csvTable, CsvTable } from './csv-table';
import { FeedData, FeedInfo } from './feed-data';

/** One problem of a feed, where an operator can find it. `line` is the file's physical line (header = 1). */
export interface FeedIssue {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export class GtfsValidationError extends Error {
  constructor(readonly issues: FeedIssue[], readonly totalIssues: number) {
    super(`the GTFS feed has ${totalIssues} error${totalIssues === 1 ? '' : 's'}; nothing was imported`);
  }
}

export interface ParseOptions {
  /** short name shown to coaches ("VVO"); default: feed_info's publisher, else the first agency */
  name?: string;
  licence?: string;
  licenceUrl?: string;
  /** phases and rows for a progress bar */
  onProgress?: (phase: string, done: number, total: number) => void;
}

export interface ParsedFeed {
  feed: FeedData;
  warnings: FeedIssue[];
}

/** Files Lotse reads; others in the feed (shapes, fares, …) are ignored. */
export const GTFS_FILES = [
  'agency.txt',
  'stops.txt',
  'routes.txt',
  'trips.txt',
  'stop_times.txt',
  'calendar.txt',
  'calendar_dates.txt',
  'frequencies.txt',
  'transfers.txt',
  'feed_info.txt',
] as const;

const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'];
const REQUIRED_FIELDS: Record<string, string[]> = {
  'agency.txt': ['agency_name', 'agency_url', 'agency_timezone'],
  'stops.txt': ['stop_id', 'stop_lat', 'stop_lon'],
  'routes.txt': ['route_id', 'route_type'],
  'trips.txt': ['route_id', 'service_id', 'trip_id'],
  'stop_times.txt': ['trip_id', 'stop_id', 'stop_sequence', 'arrival_time', 'departure_time'],
  'calendar.txt': ['service_id', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'start_date', 'end_date'],
  'calendar_dates.txt': ['service_id', 'date', 'exception_type'],
  'frequencies.txt': ['trip_id', 'start_time', 'end_time', 'headway_secs'],
  'transfers.txt': ['from_stop_id', 'to_stop_id', 'transfer_type'],
  'feed_info.txt': ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Errors listed in full; beyond this the report counts them. */
export const MAX_REPORTED_ISSUES = 200;

/**
 * "HH:MM:SS" (or "H:MM:SS") → seconds after the service day's midnight. Hours past 24 are valid
 * GTFS: a trip that leaves at 23:50 and arrives at 00:20 is written 23:50:00 … 24:20:00, on the
 * service day it started. −1 for empty, −2 for malformed.
 */
export function parseGtfsTime(value: string): number {
  const s = value.trim();
  if (s === '') return -1;
  const c1 = s.indexOf(':');
  if (c1 < 1 || c1 > 3 || s.length !== c1 + 6 || s.charCodeAt(c1 + 3) !== 58) return -2;
  let h = 0;
  for (let i = 0; i < c1; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -2;
    h = h * 10 + d;
  }
  const m1 = s.charCodeAt(c1 + 1) - 48;
  const m2 = s.charCodeAt(c1 + 2) - 48;
  const s1 = s.charCodeAt(c1 + 4) - 48;
  const s2 = s.charCodeAt(c1 + 5) - 48;
  if (m1 < 0 || m1 > 5 || m2 < 0 || m2 > 9 || s1 < 0 || s1 > 5 || s2 < 0 || s2 > 9) return -2;
  return h * 3600 + (m1 * 10 + m2) * 60 + s1 * 10 + s2;
}

/** YYYYMMDD → the same as an integer, or −1 when it is no date. */
export function parseGtfsDate(value: string): number {
  const s = value.trim();
  if (!/^\d{8}$/.test(s)) return -1;
  const n = Number(s);
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? n : -1;
}

class Issues {
  readonly errors: FeedIssue[] = [];
  readonly warnings: FeedIssue[] = [];
  errorCount = 0;

  error(file: string, line: number | null, field: string | null, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_ISSUES) this.errors.push({ file, line, field, message });
  }

  warn(file: string, line: number | null, field: string | null, message: string): void {
    if (this.warnings.length < MAX_REPORTED_ISSUES) this.warnings.push({ file, line, field, message });
  }
}

/** A growable Int32Array. */
class IntList {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  get(i: number): number {
    return this.data[i];
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Reads and validates a feed. Every problem is collected (up to MAX_REPORTED_ISSUES listed, all
 * counted) and, if there is any, a GtfsValidationError names file, line and field of each — the
 * caller then writes nothing. Checked: required files and fields; unique ids; every reference
 * (route → agency, trip → route and service, stop time → trip and stop, stop → parent station,
 * frequency → trip, transfer → stops); times (past 24:00 is valid), their order along a trip and
 * departure ≥ arrival; coordinates; calendars (dates, weekday flags, start ≤ end, exception types,
 * every service defined); at least two stop times per trip.
 */
export function parseFeed(files: Map<string, Uint8Array>, options: ParseOptions = {}): ParsedFeed {
  const issues = new Issues();
  const progress = options.onProgress ?? (() => undefined);
  const tables = new Map<string, CsvTable>();
  for (const name of GTFS_FILES) {
    const bytes = files.get(name);
    if (!bytes) continue;
    const table = csvTable(name, bytes);
    tables.set(name, table);
    for (const field of REQUIRED_FIELDS[name]) {
      if (table.column(field) < 0) issues.error(name, 1, field, `required column "${field}" is missing`);
    }
  }
  for (const name of REQUIRED_FILES) if (!tables.has(name)) issues.error(name, null, null, 'required file is missing');
  if (!tables.has('calendar.txt') && !tables.has('calendar_dates.txt')) {
    issues.error('calendar.txt', null, null, 'the feed needs calendar.txt or calendar_dates.txt (or both)');
  }
  if (issues.errorCount) throw new GtfsValidationError(issues.errors, issues.errorCount);

  const get = (t: CsvTable, name: string) => {
    const i = t.column(name);
    return (fields: string[]) => (i >= 0 && i < fields.length ? fields[i].trim() : '');
  };

  // ---- agency
  const agencyTable = tables.get('agency.txt')!;
  const agencies = { ids: [] as string[], names: [] as string[], urls: [] as string[], timezones: [] as string[] };
  const agencyIndex = new Map<string, number>();
  {
    const id = get(agencyTable, 'agency_id');
    const name = get(agencyTable, 'agency_name');
    const url = get(agencyTable, 'agency_url');
    const tz = get(agencyTable, 'agency_timezone');
    agencyTable.forEach((f, line) => {
      const agencyId = id(f);
      if (agencyIndex.has(agencyId)) issues.error('agency.txt', line, 'agency_id', `duplicate agency_id "${agencyId}"`);
      if (!name(f)) issues.error('agency.txt', line, 'agency_name', 'agency_name is empty');
      if (!tz(f)) issues.error('agency.txt', line, 'agency_timezone', 'agency_timezone is empty');
      agencyIndex.set(agencyId, agencies.ids.length);
      agencies.ids.push(agencyId);
      agencies.names.push(name(f));
      agencies.urls.push(url(f));
      agencies.timezones.push(tz(f));
    });
    if (agencies.ids.length === 0) issues.error('agency.txt', null, null, 'no agency');
    if (agencies.ids.length > 1) {
      agencies.ids.forEach((a, i) => a === '' && issues.error('agency.txt', i + 2, 'agency_id', 'agency_id is required when the feed has several agencies'));
    }
  }

  // ---- stops
  const stopTable = tables.get('stops.txt')!;
  const stopIds: string[] = [];
  const stopNames: string[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const locationType: number[] = [];
  const parentIds: { id: string; line: number }[] = [];
  const stopIndex = new Map<string, number>();
  {
    const id = get(stopTable, 'stop_id');
    const name = get(stopTable, 'stop_name');
    const la = get(stopTable, 'stop_lat');
    const lo = get(stopTable, 'stop_lon');
    const lt = get(stopTable, 'location_type');
    const parent = get(stopTable, 'parent_station');
    stopTable.forEach((f, line) => {
      const stopId = id(f);
      if (!stopId) issues.error('stops.txt', line, 'stop_id', 'stop_id is empty');
      else if (stopIndex.has(stopId)) issues.error('stops.txt', line, 'stop_id', `duplicate stop_id "${stopId}"`);
      const typeText = lt(f);
      const type = typeText === '' ? 0 : Number(typeText);
      if (!Number.isInteger(type) || type < 0 || type > 4) issues.error('stops.txt', line, 'location_type', `location_type "${typeText}" is not 0–4`);
      const y = Number(la(f));
      const x = Number(lo(f));
      const needsPoint = type <= 2;
      if (needsPoint || la(f) !== '' || lo(f) !== '') {
        if (la(f) === '' || !Number.isFinite(y) || y < -90 || y > 90) issues.error('stops.txt', line, 'stop_lat', `stop_lat "${la(f)}" is not a latitude`);
        if (lo(f) === '' || !Number.isFinite(x) || x < -180 || x > 180) issues.error('stops.txt', line, 'stop_lon', `stop_lon "${lo(f)}" is not a longitude`);
      }
      if (needsPoint && !name(f)) issues.error('stops.txt', line, 'stop_name', 'stop_name is required for stops, stations and entrances');
      stopIndex.set(stopId, stopIds.length);
      stopIds.push(stopId);
      stopNames.push(name(f));
      lat.push(Number.isFinite(y) ? y : NaN);
      lon.push(Number.isFinite(x) ? x : NaN);
      locationType.push(Number.isInteger(type) ? type : 0);
      parentIds.push({ id: parent(f), line });
    });
  }
  const parentIndex = new Int32Array(stopIds.length).fill(-1);
  parentIds.forEach((p, i) => {
    if (!p.id) {
      if (locationType[i] >= 2) issues.error('stops.txt', p.line, 'parent_station', `parent_station is required for location_type ${locationType[i]}`);
      return;
    }
    const j = stopIndex.get(p.id);
    if (j === undefined) issues.error('stops.txt', p.line, 'parent_station', `unknown parent_station "${p.id}"`);
    else if (locationType[i] === 1) issues.error('stops.txt', p.line, 'parent_station', 'a station (location_type 1) cannot have a parent_station');
    else parentIndex[i] = j;
  });

  // ---- routes
  const routeTable = tables.get('routes.txt')!;
  const routes = { ids: [] as string[], agency: [] as number[], shortNames: [] as string[], longNames: [] as string[], type: [] as number[] };
  const routeIndex = new Map<string, number>();
  {
    const id = get(routeTable, 'route_id');
    const agency = get(routeTable, 'agency_id');
    const short = get(routeTable, 'route_short_name');
    const long = get(routeTable, 'route_long_name');
    const type = get(routeTable, 'route_type');
    routeTable.forEach((f, line) => {
      const routeId = id(f);
      if (!routeId) issues.error('routes.txt', line, 'route_id', 'route_id is empty');
      else if (routeIndex.has(routeId)) issues.error('routes.txt', line, 'route_id', `duplicate route_id "${routeId}"`);
      let a = agencyIndex.get(agency(f));
      if (a === undefined) {
        if (agency(f) === '' && agencies.ids.length === 1) a = 0;
        else issues.error('routes.txt', line, 'agency_id', agency(f) ? `unknown agency_id "${agency(f)}"` : 'agency_id is required when the feed has several agencies');
      }
      if (!short(f) && !long(f)) issues.error('routes.txt', line, 'route_short_name', 'a route needs route_short_name or route_long_name');
      const t = Number(type(f));
      if (type(f) === '' || !Number.isInteger(t) || t < 0 || t > 1702) issues.error('routes.txt', line, 'route_type', `route_type "${type(f)}" is not a GTFS route type`);
      routeIndex.set(routeId, routes.ids.length);
      routes.ids.push(routeId);
      routes.agency.push(a ?? 0);
      routes.shortNames.push(short(f));
      routes.longNames.push(long(f));
      routes.type.push(Number.isInteger(t) ? t : 3);
    });
  }

  // ---- services: calendar and calendar_dates
  const serviceIndex = new Map<string, number>();
  const serviceIds: string[] = [];
  const serviceOf = (id: string) => {
    let i = serviceIndex.get(id);
    if (i === undefined) {
      i = serviceIds.length;
      serviceIndex.set(id, i);
      serviceIds.push(id);
    }
    return i;
  };
  const calendar = { service: [] as number[], weekdays: [] as number[], start: [] as number[], end: [] as number[] };
  const calendarTable = tables.get('calendar.txt');
  if (calendarTable) {
    const id = get(calendarTable, 'service_id');
    const days = WEEKDAYS.map((d) => get(calendarTable, d));
    const start = get(calendarTable, 'start_date');
    const end = get(calendarTable, 'end_date');
    const seen = new Set<string>();
    calendarTable.forEach((f, line) => {
      const serviceId = id(f);
      if (!serviceId) issues.error('calendar.txt', line, 'service_id', 'service_id is empty');
      else if (seen.has(serviceId)) issues.error('calendar.txt', line, 'service_id', `duplicate service_id "${serviceId}"`);
      seen.add(serviceId);
      let mask = 0;
      days.forEach((d, i) => {
        const v = d(f);
        if (v === '1') mask |= 1 << i;
        else if (v !== '0') issues.error('calendar.txt', line, WEEKDAYS[i], `${WEEKDAYS[i]} must be 0 or 1, not "${v}"`);
      });
      const s = parseGtfsDate(start(f));
      const e = parseGtfsDate(end(f));
      if (s < 0) issues.error('calendar.txt', line, 'start_date', `start_date "${start(f)}" is not a date YYYYMMDD`);
      if (e < 0) issues.error('calendar.txt', line, 'end_date', `end_date "${end(f)}" is not a date YYYYMMDD`);
      if (s >= 0 && e >= 0 && e < s) issues.error('calendar.txt', line, 'end_date', `end_date ${e} lies before start_date ${s}`);
      calendar.service.push(serviceOf(serviceId));
      calendar.weekdays.push(mask);
      calendar.start.push(s);
      calendar.end.push(e);
    });
  }
  const calendarDates = { service: [] as number[], date: [] as number[], exception: [] as number[] };
  const datesTable = tables.get('calendar_dates.txt');
  if (datesTable) {
    const id = get(datesTable, 'service_id');
    const date = get(datesTable, 'date');
    const type = get(datesTable, 'exception_type');
    const seen = new Set<string>();
    datesTable.forEach((f, line) => {
      const serviceId = id(f);
      if (!serviceId) issues.error('calendar_dates.txt', line, 'service_id', 'service_id is empty');
      const d = parseGtfsDate(date(f));
      if (d < 0) issues.error('calendar_dates.txt', line, 'date', `date "${date(f)}" is not a date YYYYMMDD`);
      const t = type(f);
      if (t !== '1' && t !== '2') issues.error('calendar_dates.txt', line, 'exception_type', `exception_type must be 1 (added) or 2 (removed), not "${t}"`);
      const key = `${serviceId}\u0000${d}`;
      if (seen.has(key)) issues.error('calendar_dates.txt', line, 'date', `service "${serviceId}" has ${date(f)} twice`);
      seen.add(key);
      calendarDates.service.push(serviceOf(serviceId));
      calendarDates.date.push(d);
      calendarDates.exception.push(t === '1' ? 1 : 2);
    });
  }

  // ---- trips
  const tripTable = tables.get('trips.txt')!;
  const trips = { ids: [] as string[], route: [] as number[], service: [] as number[], headsigns: [] as string[] };
  const tripIndex = new Map<string, number>();
  const tripLines: number[] = [];
  {
    const id = get(tripTable, 'trip_id');
    const route = get(tripTable, 'route_id');
    const service = get(tripTable, 'service_id');
    const headsign = get(tripTable, 'trip_headsign');
    tripTable.forEach((f, line) => {
      const tripId = id(f);
      if (!tripId) issues.error('trips.txt', line, 'trip_id', 'trip_id is empty');
      else if (tripIndex.has(tripId)) issues.error('trips.txt', line, 'trip_id', `duplicate trip_id "${tripId}"`);
      const r = routeIndex.get(route(f));
      if (r === undefined) issues.error('trips.txt', line, 'route_id', `unknown route_id "${route(f)}"`);
      const s = serviceIndex.get(service(f));
      if (s === undefined) issues.error('trips.txt', line, 'service_id', `unknown service_id "${service(f)}" (in neither calendar.txt nor calendar_dates.txt)`);
      tripIndex.set(tripId, trips.ids.length);
      trips.ids.push(tripId);
      trips.route.push(r ?? 0);
      trips.service.push(s ?? 0);
      trips.headsigns.push(headsign(f));
      tripLines.push(line);
    });
  }

  // ---- stop_times (the big one: typed columns, no per-row objects)
  const stTable = tables.get('stop_times.txt')!;
  const stTrip = new IntList(1 << 16);
  const stSeq = new IntList(1 << 16);
  const stStop = new IntList(1 << 16);
  const stArr = new IntList(1 << 16);
  const stDep = new IntList(1 << 16);
  const stLine = new IntList(1 << 16);
  {
    const ti = stTable.column('trip_id');
    const si = stTable.column('stop_id');
    const qi = stTable.column('stop_sequence');
    const ai = stTable.column('arrival_time');
    const di = stTable.column('departure_time');
    const field = (f: string[], i: number) => (i < f.length ? f[i] : '');
    let lastTripId = '';
    let lastTrip = -1;
    let rows = 0;
    const total = stTable.lineCount();
    progress('stop_times.txt', 0, total);
    stTable.forEach((f, line) => {
      const tripId = field(f, ti);
      let t = lastTrip;
      if (tripId !== lastTripId) {
        t = tripIndex.get(tripId.trim()) ?? -1;
        lastTripId = tripId;
        lastTrip = t;
      }
      if (t < 0) issues.error('stop_times.txt', line, 'trip_id', `unknown trip_id "${tripId.trim()}"`);
      const stopId = field(f, si).trim();
      const s = stopIndex.get(stopId);
      if (s === undefined) issues.error('stop_times.txt', line, 'stop_id', `unknown stop_id "${stopId}"`);
      else if (locationType[s] !== 0) issues.error('stop_times.txt', line, 'stop_id', `stop "${stopId}" is a station or entrance (location_type ${locationType[s]}), not a stop`);
      const seqText = field(f, qi).trim();
      const seq = Number(seqText);
      if (seqText === '' || !Number.isInteger(seq) || seq < 0) issues.error('stop_times.txt', line, 'stop_sequence', `stop_sequence "${seqText}" is not a non-negative integer`);
      let a = parseGtfsTime(field(f, ai));
      let d = parseGtfsTime(field(f, di));
      if (a === -2) issues.error('stop_times.txt', line, 'arrival_time', `arrival_time "${field(f, ai)}" is not a time HH:MM:SS`);
      if (d === -2) issues.error('stop_times.txt', line, 'departure_time', `departure_time "${field(f, di)}" is not a time HH:MM:SS`);
      if (a === -1 && d >= 0) a = d;
      if (d === -1 && a >= 0) d = a;
      if (a >= 0 && d >= 0 && d < a) issues.error('stop_times.txt', line, 'departure_time', `departure_time ${field(f, di).trim()} is before arrival_time ${field(f, ai).trim()}`);
      stTrip.push(t);
      stSeq.push(Number.isInteger(seq) ? seq : 0);
      stStop.push(s ?? 0);
      stArr.push(a < 0 ? -1 : a);
      stDep.push(d < 0 ? -1 : d);
      stLine.push(line);
      if (++rows % 100_000 === 0) progress('stop_times.txt', Math.min(rows, total), total);
    });
    progress('stop_times.txt', total, total);
  }

  // order by trip, then stop_sequence: a counting sort by trip, then each trip by sequence
  const n = stTrip.length;
  const tripCount = trips.ids.length;
  const tripStart = new Int32Array(tripCount + 1);
  for (let i = 0; i < n; i++) if (stTrip.get(i) >= 0) tripStart[stTrip.get(i) + 1]++;
  for (let t = 0; t < tripCount; t++) tripStart[t + 1] += tripStart[t];
  const valid = tripStart[tripCount];
  const order = new Int32Array(valid);
  {
    const fill = tripStart.slice(0, tripCount);
    for (let i = 0; i < n; i++) {
      const t = stTrip.get(i);
      if (t >= 0) order[fill[t]++] = i;
    }
  }
  for (let t = 0; t < tripCount; t++) {
    const from = tripStart[t];
    const to = tripStart[t + 1];
    // insertion sort: files are nearly always in order already
    for (let i = from + 1; i < to; i++) {
      const v = order[i];
      const key = stSeq.get(v);
      let j = i - 1;
      while (j >= from && stSeq.get(order[j]) > key) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = v;
    }
  }
  const stopTimes = {
    trip: new Int32Array(valid),
    sequence: new Int32Array(valid),
    stop: new Int32Array(valid),
    arrival: new Int32Array(valid),
    departure: new Int32Array(valid),
  };
  for (let k = 0; k < valid; k++) {
    const i = order[k];
    stopTimes.trip[k] = stTrip.get(i);
    stopTimes.sequence[k] = stSeq.get(i);
    stopTimes.stop[k] = stStop.get(i);
    stopTimes.arrival[k] = stArr.get(i);
    stopTimes.departure[k] = stDep.get(i);
  }
  const lineOf = (k: number) => stLine.get(order[k]);
  for (let t = 0; t < tripCount; t++) {
    const from = tripStart[t];
    const to = tripStart[t + 1];
    if (to - from < 2) {
      issues.error('trips.txt', tripLines[t], 'trip_id', `trip "${trips.ids[t]}" has ${to - from} stop time${to - from === 1 ? '' : 's'}; it needs at least two`);
      continue;
    }
    for (const k of [from, to - 1]) {
      if (stopTimes.arrival[k] < 0) issues.error('stop_times.txt', lineOf(k), 'arrival_time', `the ${k === from ? 'first' : 'last'} stop of trip "${trips.ids[t]}" needs a time`);
    }
    let lastTime = -1;
    for (let k = from; k < to; k++) {
      if (k > from && stopTimes.sequence[k] === stopTimes.sequence[k - 1]) {
        issues.error('stop_times.txt', lineOf(k), 'stop_sequence', `trip "${trips.ids[t]}" has stop_sequence ${stopTimes.sequence[k]} twice`);
      }
      const a = stopTimes.arrival[k];
      if (a < 0) continue;
      if (a < lastTime) issues.error('stop_times.txt', lineOf(k), 'arrival_time', `trip "${trips.ids[t]}" arrives here before it left the previous stop`);
      lastTime = Math.max(lastTime, stopTimes.departure[k]);
    }
    interpolate(stopTimes, from, to, lat, lon);
  }
  progress('validation', 1, 1);

  // ---- frequencies
  const frequencies = { trip: [] as number[], start: [] as number[], end: [] as number[], headway: [] as number[], exactTimes: [] as number[] };
  const freqTable = tables.get('frequencies.txt');
  if (freqTable) {
    const id = get(freqTable, 'trip_id');
    const start = get(freqTable, 'start_time');
    const end = get(freqTable, 'end_time');
    const headway = get(freqTable, 'headway_secs');
    const exact = get(freqTable, 'exact_times');
    freqTable.forEach((f, line) => {
      const t = tripIndex.get(id(f));
      if (t === undefined) issues.error('frequencies.txt', line, 'trip_id', `unknown trip_id "${id(f)}"`);
      const s = parseGtfsTime(start(f));
      const e = parseGtfsTime(end(f));
      if (s < 0) issues.error('frequencies.txt', line, 'start_time', `start_time "${start(f)}" is not a time HH:MM:SS`);
      if (e < 0) issues.error('frequencies.txt', line, 'end_time', `end_time "${end(f)}" is not a time HH:MM:SS`);
      if (s >= 0 && e >= 0 && e <= s) issues.error('frequencies.txt', line, 'end_time', 'end_time must be after start_time');
      const h = Number(headway(f));
      if (!Number.isInteger(h) || h <= 0) issues.error('frequencies.txt', line, 'headway_secs', `headway_secs "${headway(f)}" is not a positive whole number`);
      const x = exact(f);
      if (x !== '' && x !== '0' && x !== '1') issues.error('frequencies.txt', line, 'exact_times', `exact_times must be 0 or 1, not "${x}"`);
      frequencies.trip.push(t ?? 0);
      frequencies.start.push(s);
      frequencies.end.push(e);
      frequencies.headway.push(Number.isInteger(h) ? h : 0);
      frequencies.exactTimes.push(x === '1' ? 1 : 0);
    });
  }

  // ---- transfers (stop-to-stop; route- and trip-specific rows of the extended spec are read as stop-to-stop)
  const transfers = { from: [] as number[], to: [] as number[], type: [] as number[], minTime: [] as number[] };
  const transferTable = tables.get('transfers.txt');
  if (transferTable) {
    const from = get(transferTable, 'from_stop_id');
    const to = get(transferTable, 'to_stop_id');
    const type = get(transferTable, 'transfer_type');
    const min = get(transferTable, 'min_transfer_time');
    transferTable.forEach((f, line) => {
      const a = stopIndex.get(from(f));
      const b = stopIndex.get(to(f));
      if (a === undefined) issues.error('transfers.txt', line, 'from_stop_id', `unknown from_stop_id "${from(f)}"`);
      if (b === undefined) issues.error('transfers.txt', line, 'to_stop_id', `unknown to_stop_id "${to(f)}"`);
      const t = type(f) === '' ? 0 : Number(type(f));
      if (!Number.isInteger(t) || t < 0 || t > 5) issues.error('transfers.txt', line, 'transfer_type', `transfer_type "${type(f)}" is not 0–5`);
      const m = min(f) === '' ? -1 : Number(min(f));
      if (min(f) !== '' && (!Number.isInteger(m) || m < 0)) issues.error('transfers.txt', line, 'min_transfer_time', `min_transfer_time "${min(f)}" is not a non-negative whole number`);
      if (t === 2 && m < 0) issues.error('transfers.txt', line, 'min_transfer_time', 'transfer_type 2 needs min_transfer_time');
      // types 4 and 5 (in-seat transfers) concern trips, not stops: skipped
      if (t > 3) return;
      transfers.from.push(a ?? 0);
      transfers.to.push(b ?? 0);
      transfers.type.push(Number.isInteger(t) ? t : 0);
      transfers.minTime.push(Number.isInteger(m) ? m : -1);
    });
  }

  // ---- feed_info and validity
  let info: Partial<FeedInfo> = {};
  const infoTable = tables.get('feed_info.txt');
  let infoFrom = -1;
  let infoTo = -1;
  if (infoTable) {
    const publisher = get(infoTable, 'feed_publisher_name');
    const url = get(infoTable, 'feed_publisher_url');
    const lang = get(infoTable, 'feed_lang');
    const version = get(infoTable, 'feed_version');
    const start = get(infoTable, 'feed_start_date');
    const end = get(infoTable, 'feed_end_date');
    let rows = 0;
    infoTable.forEach((f, line) => {
      if (rows++) return issues.error('feed_info.txt', line, null, 'feed_info.txt has more than one row');
      info = { publisherName: publisher(f) || null, publisherUrl: url(f) || null, lang: lang(f) || null, feedVersion: version(f) || null };
      if (start(f)) {
        infoFrom = parseGtfsDate(start(f));
        if (infoFrom < 0) issues.error('feed_info.txt', line, 'feed_start_date', `feed_start_date "${start(f)}" is not a date YYYYMMDD`);
      }
      if (end(f)) {
        infoTo = parseGtfsDate(end(f));
        if (infoTo < 0) issues.error('feed_info.txt', line, 'feed_end_date', `feed_end_date "${end(f)}" is not a date YYYYMMDD`);
      }
    });
  }
  let minDate = Infinity;
  let maxDate = -Infinity;
  calendar.start.forEach((s) => s > 0 && (minDate = Math.min(minDate, s)));
  calendar.end.forEach((e) => e > 0 && (maxDate = Math.max(maxDate, e)));
  calendarDates.date.forEach((d, i) => d > 0 && calendarDates.exception[i] === 1 && ((minDate = Math.min(minDate, d)), (maxDate = Math.max(maxDate, d))));
  const validFrom = infoFrom > 0 ? infoFrom : minDate;
  const validTo = infoTo > 0 ? infoTo : maxDate;
  if (!Number.isFinite(validFrom) || !Number.isFinite(validTo)) {
    if (!issues.errorCount) issues.error('calendar.txt', null, null, 'no service runs on any day: the calendars add no date');
  } else if (validTo < validFrom) {
    issues.error('feed_info.txt', null, 'feed_end_date', `the feed ends (${validTo}) before it starts (${validFrom})`);
  }
  if (issues.errorCount) throw new GtfsValidationError(issues.errors, issues.errorCount);

  const usedStops = new Uint8Array(stopIds.length);
  stopTimes.stop.forEach((s) => (usedStops[s] = 1));
  const unused = usedStops.reduce((c, u, i) => c + (u === 0 && locationType[i] === 0 ? 1 : 0), 0);
  if (unused) issues.warn('stops.txt', null, null, `${unused} stops have no stop time`);
  if (!options.licence) issues.warn('feed_info.txt', null, null, 'no licence given (GTFS has no field for it): pass --licence, e.g. "CC BY 4.0", so maps and answers can credit the feed');

  const name = options.name?.trim() || info.publisherName || agencies.names[0] || 'GTFS';
  return {
    feed: {
      info: {
        name,
        publisherName: info.publisherName ?? agencies.names[0] ?? null,
        publisherUrl: info.publisherUrl ?? agencies.urls[0] ?? null,
        licence: options.licence?.trim() || null,
        licenceUrl: options.licenceUrl?.trim() || null,
        feedVersion: info.feedVersion ?? null,
        lang: info.lang ?? null,
        validFrom,
        validTo,
      },
      agencies,
      stops: {
        ids: stopIds,
        names: stopNames,
        lat: Float64Array.from(lat),
        lon: Float64Array.from(lon),
        locationType: Uint8Array.from(locationType),
        parent: parentIndex,
      },
      routes: { ids: routes.ids, agency: Int32Array.from(routes.agency), shortNames: routes.shortNames, longNames: routes.longNames, type: Int32Array.from(routes.type) },
      services: { ids: serviceIds },
      trips: { ids: trips.ids, route: Int32Array.from(trips.route), service: Int32Array.from(trips.service), headsigns: trips.headsigns },
      stopTimes,
      tripStart,
      calendar: { service: Int32Array.from(calendar.service), weekdays: Uint8Array.from(calendar.weekdays), start: Int32Array.from(calendar.start), end: Int32Array.from(calendar.end) },
      calendarDates: sortedDates(calendarDates),
      frequencies: {
        trip: Int32Array.from(frequencies.trip),
        start: Int32Array.from(frequencies.start),
        end: Int32Array.from(frequencies.end),
        headway: Int32Array.from(frequencies.headway),
        exactTimes: Uint8Array.from(frequencies.exactTimes),
      },
      transfers: { from: Int32Array.from(transfers.from), to: Int32Array.from(transfers.to), type: Uint8Array.from(transfers.type), minTime: Int32Array.from(transfers.minTime) },
    },
    warnings: issues.warnings,
  };
}

/** Calendar dates by service, then date: the order the database gives them back in. */
function sortedDates(d: { service: number[]; date: number[]; exception: number[] }): FeedData['calendarDates'] {
  const order = d.service.map((_, i) => i).sort((a, b) => d.service[a] - d.service[b] || d.date[a] - d.date[b]);
  return {
    service: Int32Array.from(order, (i) => d.service[i]),
    date: Int32Array.from(order, (i) => d.date[i]),
    exception: Uint8Array.from(order, (i) => d.exception[i]),
  };
}

/**
 * Stops between two timed stops get times in proportion to the straight-line distance along the
 * trip (GTFS leaves the method to the consumer; shapes are not read).
 */
function interpolate(st: FeedData['stopTimes'], from: number, to: number, lat: number[], lon: number[]): void {
  let k = from;
  while (k < to - 1) {
    if (st.arrival[k + 1] >= 0) {
      k++;
      continue;
    }
    let next = k + 1;
    while (next < to && st.arrival[next] < 0) next++;
    if (next >= to) return; // reported: the last stop needs a time
    const legs: number[] = [];
    let total = 0;
    for (let i = k; i < next; i++) {
      const d = Math.hypot(lat[st.stop[i + 1]] - lat[st.stop[i]], (lon[st.stop[i + 1]] - lon[st.stop[i]]) * Math.cos((lat[st.stop[i]] * Math.PI) / 180));
      legs.push(d);
      total += d;
    }
    const t0 = st.departure[k];
    const span = st.arrival[next] - t0;
    let acc = 0;
    for (let i = k + 1; i < next; i++) {
      acc += legs[i - k - 1];
      const t = t0 + Math.round(total > 0 ? (span * acc) / total : (span * (i - k)) / (next - k));
      st.arrival[i] = t;
      st.departure[i] = t;
    }
    k = next;
  }
}
