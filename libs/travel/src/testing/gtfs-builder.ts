/**
 * Synthetic GTFS feeds for tests and benches: describe stops, trips and calendars as plain data,
 * get the files a feed zip or folder would hold. Nothing here is real timetable data.
 */
export interface StopSpec {
  id: string;
  name?: string;
  lat: number;
  lon: number;
  locationType?: number;
  parent?: string;
}

export interface TripSpec {
  id: string;
  route: string;
  service: string;
  /** [stop id, arrival, departure?] with GTFS times "HH:MM:SS" (departure defaults to arrival; '' for an untimed stop) */
  times: [string, string, string?][];
  headsign?: string;
}

export interface FeedSpec {
  agency?: { id?: string; name: string; url?: string; timezone?: string }[];
  stops: StopSpec[];
  routes: { id: string; shortName?: string; longName?: string; type?: number; agency?: string }[];
  trips: TripSpec[];
  /** days as seven 0/1 flags, Monday first: "1111100" */
  calendar?: { service: string; days: string; start: string; end: string }[];
  calendarDates?: { service: string; date: string; exception: 1 | 2 }[];
  frequencies?: { trip: string; start: string; end: string; headway: number; exact?: 0 | 1 }[];
  transfers?: { from: string; to: string; type: number; minTime?: number }[];
  feedInfo?: { publisher: string; url?: string; lang?: string; version?: string; start?: string; end?: string };
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

function csv(header: string[], rows: (string | number | undefined)[][]): string {
  const cell = (v: string | number | undefined) => {
    const s = v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** The feed's text files (file name → content). */
export function gtfsText(spec: FeedSpec): Map<string, string> {
  const files = new Map<string, string>();
  const agencies = spec.agency ?? [{ id: 'A', name: 'Testverkehr (fiktiv)', url: 'https://verkehr.example', timezone: 'Europe/Berlin' }];
  files.set('agency.txt', csv(['agency_id', 'agency_name', 'agency_url', 'agency_timezone'], agencies.map((a) => [a.id, a.name, a.url ?? 'https://verkehr.example', a.timezone ?? 'Europe/Berlin'])));
  files.set(
    'stops.txt',
    csv(['stop_id', 'stop_name', 'stop_lat', 'stop_lon', 'location_type', 'parent_station'], spec.stops.map((s) => [s.id, s.name ?? s.id, s.lat, s.lon, s.locationType ?? '', s.parent ?? ''])),
  );
  files.set(
    'routes.txt',
    csv(['route_id', 'agency_id', 'route_short_name', 'route_long_name', 'route_type'], spec.routes.map((r) => [r.id, r.agency ?? agencies[0].id, r.shortName ?? r.id, r.longName ?? '', r.type ?? 3])),
  );
  files.set('trips.txt', csv(['route_id', 'service_id', 'trip_id', 'trip_headsign'], spec.trips.map((t) => [t.route, t.service, t.id, t.headsign ?? ''])));
  const stopTimes: (string | number)[][] = [];
  for (const t of spec.trips) t.times.forEach(([stop, arr, dep], i) => stopTimes.push([t.id, arr, dep ?? arr, stop, i + 1]));
  files.set('stop_times.txt', csv(['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'], stopTimes));
  if (spec.calendar) {
    files.set(
      'calendar.txt',
      csv(['service_id', ...WEEKDAYS, 'start_date', 'end_date'], spec.calendar.map((c) => [c.service, ...c.days.split(''), c.start, c.end])),
    );
  }
  if (spec.calendarDates) files.set('calendar_dates.txt', csv(['service_id', 'date', 'exception_type'], spec.calendarDates.map((d) => [d.service, d.date, d.exception])));
  if (spec.frequencies) {
    files.set('frequencies.txt', csv(['trip_id', 'start_time', 'end_time', 'headway_secs', 'exact_times'], spec.frequencies.map((f) => [f.trip, f.start, f.end, f.headway, f.exact ?? 0])));
  }
  if (spec.transfers) files.set('transfers.txt', csv(['from_stop_id', 'to_stop_id', 'transfer_type', 'min_transfer_time'], spec.transfers.map((t) => [t.from, t.to, t.type, t.minTime])));
  if (spec.feedInfo) {
    const f = spec.feedInfo;
    files.set(
      'feed_info.txt',
      csv(['feed_publisher_name', 'feed_publisher_url', 'feed_lang', 'feed_version', 'feed_start_date', 'feed_end_date'], [[f.publisher, f.url ?? 'https://verkehr.example', f.lang ?? 'de', f.version, f.start, f.end]]),
    );
  }
  return files;
}

export function gtfsFiles(spec: FeedSpec): Map<string, Uint8Array> {
  const encoder = new TextEncoder();
  return new Map([...gtfsText(spec)].map(([name, text]) => [name, encoder.encode(text)]));
}

/** "07:05:00" from seconds after midnight (hours may pass 24). */
export function gtfsTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * A point `meters` east of (lat, lon) — synthetic feeds lay stops out on lines, and walking is one
 * second per straight-line metre, so distances in a test read as walking seconds.
 */
export function east(lat: number, lon: number, meters: number): { lat: number; lon: number } {
  return { lat, lon: lon + meters / (111_194.9 * Math.cos((lat * Math.PI) / 180)) };
}
