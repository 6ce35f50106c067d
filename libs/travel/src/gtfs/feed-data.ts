/**
 * A GTFS feed, validated, in a compact layout: every entity gets a dense integer index (its position
 * here), references are indices, times are seconds after the service day's midnight (GTFS: noon minus
 * 12 h; a time past 24:00 stays past 86,400 on the day the trip started), dates are YYYYMMDD integers. The import writes exactly this to the
 * database and the timetable loader reads it back, so the router is built from the same structure in
 * unit tests (from a file) and in the application (from the database).
 */
export interface FeedInfo {
  /** short name for people, e.g. "VVO": shown in "Fahrplan VVO, Stand …" */
  name: string;
  publisherName: string | null;
  publisherUrl: string | null;
  /** the licence the operator gives on import (GTFS has no field for it), e.g. "CC BY 4.0" */
  licence: string | null;
  licenceUrl: string | null;
  feedVersion: string | null;
  lang: string | null;
  /** first and last day of service, YYYYMMDD */
  validFrom: number;
  validTo: number;
}

export interface FeedData {
  info: FeedInfo;
  agencies: { ids: string[]; names: string[]; urls: string[]; timezones: string[] };
  stops: {
    ids: string[];
    names: string[];
    lat: Float64Array;
    lon: Float64Array;
    /** GTFS location_type: 0 stop/platform, 1 station, 2 entrance, 3 generic node, 4 boarding area */
    locationType: Uint8Array;
    /** index of the parent station, −1 for none */
    parent: Int32Array;
  };
  routes: { ids: string[]; agency: Int32Array; shortNames: string[]; longNames: string[]; type: Int32Array };
  services: { ids: string[] };
  trips: { ids: string[]; route: Int32Array; service: Int32Array; headsigns: string[] };
  /** sorted by trip, then stop_sequence; times interpolated where the feed leaves them empty */
  stopTimes: { trip: Int32Array; sequence: Int32Array; stop: Int32Array; arrival: Int32Array; departure: Int32Array };
  /** `tripStart[t]`…`tripStart[t+1]−1` are trip t's rows of `stopTimes` */
  tripStart: Int32Array;
  /** weekdays: bit 0 Monday … bit 6 Sunday */
  calendar: { service: Int32Array; weekdays: Uint8Array; start: Int32Array; end: Int32Array };
  /** exception 1 adds the service on that date, 2 removes it */
  calendarDates: { service: Int32Array; date: Int32Array; exception: Uint8Array };
  frequencies: { trip: Int32Array; start: Int32Array; end: Int32Array; headway: Int32Array; exactTimes: Uint8Array };
  /** transfer_type 0–3; minTime −1 when not given */
  transfers: { from: Int32Array; to: Int32Array; type: Uint8Array; minTime: Int32Array };
}

export interface FeedCounts {
  agencies: number;
  stops: number;
  routes: number;
  trips: number;
  stopTimes: number;
  services: number;
  calendar: number;
  calendarDates: number;
  frequencies: number;
  transfers: number;
}

export function feedCounts(feed: FeedData): FeedCounts {
  return {
    agencies: feed.agencies.ids.length,
    stops: feed.stops.ids.length,
    routes: feed.routes.ids.length,
    trips: feed.trips.ids.length,
    stopTimes: feed.stopTimes.trip.length,
    services: feed.services.ids.length,
    calendar: feed.calendar.service.length,
    calendarDates: feed.calendarDates.service.length,
    frequencies: feed.frequencies.trip.length,
    transfers: feed.transfers.from.length,
  };
}

/** YYYYMMDD → days since 1970-01-01 (UTC calendar arithmetic; no time zone involved). */
export function dayNumber(yyyymmdd: number): number {
  const y = Math.floor(yyyymmdd / 10000);
  const m = Math.floor(yyyymmdd / 100) % 100;
  const d = yyyymmdd % 100;
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() * 10000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** ISO weekday of a YYYYMMDD date: 1 Monday … 7 Sunday. */
export function isoWeekday(yyyymmdd: number): number {
  const dow = new Date(dayNumber(yyyymmdd) * 86_400_000).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/** "2026-11-28" */
export function isoDate(yyyymmdd: number): string {
  const s = String(yyyymmdd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
