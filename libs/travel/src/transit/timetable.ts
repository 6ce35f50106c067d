import { HEURISTIC_PARAMETERS } from '../heuristic/heuristic-travel-time.estimator';
import { dayNumber, FeedData, FeedInfo, fromDayNumber, isoWeekday } from '../gtfs/feed-data';
import { haversineMeters, PointGrid } from './geometry';

/**
 * Parameters of the transit router, each with its reason (README, "Fahrplan").
 */
export const TRANSIT_PARAMETERS = {
  /** walking to, from and between stops: the walk mode's speed and detour (4.5 km/h, ×1.25) → 1 s per straight-line metre */
  walkSecondsPerMeter: (HEURISTIC_PARAMETERS.walk.detour / HEURISTIC_PARAMETERS.walk.kmh) * 3.6,
  /** walking reach to the first and from the last stop: 20 min (≈ 1.2 km straight), what rural participants accept to a bus stop */
  maxAccessSeconds: 20 * 60,
  /** walking between two stops to change, where transfers.txt does not say otherwise: up to 5 min (≈ 300 m) */
  maxTransferWalkSeconds: 5 * 60,
  /** changing vehicles at the same stop takes at least a minute (transfers.txt may say more) */
  sameStopChangeSeconds: 60,
  /** at most 5 vehicles (4 changes) per journey: more is no journey a coach would suggest */
  maxVehicles: 5,
  /** journeys longer than 3 h door to door are not searched (a request's limit is at most 4 h, see maxHorizonSeconds) */
  horizonSeconds: 3 * 3600,
  maxHorizonSeconds: 4 * 3600 + 20 * 60,
  /** how many service days a day table is kept for (each holds the day's trips once) */
  cachedDays: 4,
};

const DAY = 86_400;

/** One service day's trips in RAPTOR's layout: patterns (same stop sequence, no overtaking), each with its trips sorted by time. */
export interface DayTable {
  /** YYYYMMDD of the service day; times are seconds after its midnight (yesterday's late trips are negative-shifted, tomorrow's early ones past 86,400) */
  date: number;
  patternCount: number;
  /** pattern p's stops are patternStops[patternStopStart[p] … patternStopStart[p+1]−1] */
  patternStopStart: Int32Array;
  patternStops: Int32Array;
  /** pattern p has patternTripCount[p] trips; trip j's time at position i is at patternTimeStart[p] + j × stops + i */
  patternTripCount: Int32Array;
  patternTimeStart: Int32Array;
  arrival: Int32Array;
  departure: Int32Array;
  /** concrete trip → feed trip index (for wording and tests) */
  patternTripStart: Int32Array;
  tripOf: Int32Array;
  /** stop s lies on patterns stopPatterns[stopPatternStart[s] …] at positions stopPatternPos[…] */
  stopPatternStart: Int32Array;
  stopPatterns: Int32Array;
  stopPatternPos: Int32Array;
  trips: number;
}

/**
 * A feed in memory for routing: stops with a spatial index, footpaths between stops (transfers.txt,
 * else walking between stops up to maxTransferWalkSeconds apart), service calendars, and one
 * DayTable per service day, built on first use and cached. Built once per feed (the travel module
 * rebuilds it when a new feed is imported).
 */
export class Timetable {
  readonly info: FeedInfo;
  readonly stopCount: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** 1 for stops some trip serves */
  readonly served: Uint8Array;
  readonly grid: PointGrid;
  /** footpaths from stop s: footTo/footSeconds[footStart[s] … footStart[s+1]−1] */
  readonly footStart: Int32Array;
  readonly footTo: Int32Array;
  readonly footSeconds: Int32Array;
  /** minimum time to change vehicles at the same stop */
  readonly changeSeconds: Int32Array;
  /** fastest straight-line speed between consecutive stops of any trip, m/s (bounds the reach radius) */
  readonly maxSpeed: number;
  private readonly dayTables = new Map<number, DayTable>();
  private readonly feed: FeedData;
  /** base pattern (stop sequence) of each feed trip */
  private readonly tripPattern: Int32Array;
  private readonly patternLength: Int32Array;

  constructor(feed: FeedData) {
    this.feed = feed;
    this.info = feed.info;
    const stops = feed.stops;
    this.stopCount = stops.ids.length;
    this.lat = stops.lat;
    this.lon = stops.lon;
    this.served = new Uint8Array(this.stopCount);
    for (const s of feed.stopTimes.stop) this.served[s] = 1;
    this.grid = new PointGrid(this.lat, this.lon, (i) => this.served[i] === 1, median(this.lat));

    // ---- patterns of stop sequences
    const tripCount = feed.trips.ids.length;
    this.tripPattern = new Int32Array(tripCount);
    const keys = new Map<string, number>();
    const lengths: number[] = [];
    for (let t = 0; t < tripCount; t++) {
      const from = feed.tripStart[t];
      const to = feed.tripStart[t + 1];
      const key = Array.prototype.join.call(feed.stopTimes.stop.subarray(from, to), ',');
      let p = keys.get(key);
      if (p === undefined) {
        p = lengths.length;
        keys.set(key, p);
        lengths.push(to - from);
      }
      this.tripPattern[t] = p;
    }
    this.patternLength = Int32Array.from(lengths);

    // ---- fastest hop
    let maxSpeed = 0;
    const st = feed.stopTimes;
    for (let t = 0; t < tripCount; t++) {
      for (let k = feed.tripStart[t] + 1; k < feed.tripStart[t + 1]; k++) {
        const dt = st.arrival[k] - st.departure[k - 1];
        if (dt < 60) continue;
        const v = haversineMeters(this.lat[st.stop[k - 1]], this.lon[st.stop[k - 1]], this.lat[st.stop[k]], this.lon[st.stop[k]]) / dt;
        if (v > maxSpeed) maxSpeed = v;
      }
    }
    // between a city bus (8 m/s) and an ICE (70 m/s); data errors beyond are ignored
    this.maxSpeed = Math.min(70, Math.max(8, maxSpeed));

    // ---- footpaths and change times
    this.changeSeconds = new Int32Array(this.stopCount).fill(TRANSIT_PARAMETERS.sameStopChangeSeconds);
    const given = new Map<number, number>(); // from*n+to → seconds, −1 forbidden
    const childrenOf = new Map<number, number[]>();
    stops.parent.forEach((p, s) => {
      if (p >= 0) childrenOf.set(p, [...(childrenOf.get(p) ?? []), s]);
    });
    const expand = (s: number) => (stops.locationType[s] === 1 ? childrenOf.get(s) ?? [] : [s]);
    const tr = feed.transfers;
    for (let i = 0; i < tr.from.length; i++) {
      for (const a of expand(tr.from[i])) {
        for (const b of expand(tr.to[i])) {
          const walk = Math.round(haversineMeters(this.lat[a], this.lon[a], this.lat[b], this.lon[b]) * TRANSIT_PARAMETERS.walkSecondsPerMeter);
          const type = tr.type[i];
          const seconds = type === 3 ? -1 : type === 2 ? tr.minTime[i] : a === b ? Math.max(0, tr.minTime[i]) : Math.max(walk, tr.minTime[i]);
          if (a === b) this.changeSeconds[a] = seconds < 0 ? DAY * 10 : seconds;
          else given.set(a * this.stopCount + b, seconds);
        }
      }
    }
    const footFrom: number[] = [];
    const footTo: number[] = [];
    const footSeconds: number[] = [];
    const maxWalkMeters = TRANSIT_PARAMETERS.maxTransferWalkSeconds / TRANSIT_PARAMETERS.walkSecondsPerMeter;
    for (let a = 0; a < this.stopCount; a++) {
      if (!this.served[a]) continue;
      this.grid.within(this.lat[a], this.lon[a], maxWalkMeters, (b, meters) => {
        if (b === a || given.has(a * this.stopCount + b)) return;
        footFrom.push(a);
        footTo.push(b);
        footSeconds.push(Math.round(meters * TRANSIT_PARAMETERS.walkSecondsPerMeter));
      });
    }
    for (const [key, seconds] of given) {
      if (seconds < 0) continue;
      const a = Math.floor(key / this.stopCount);
      const b = key % this.stopCount;
      footFrom.push(a);
      footTo.push(b);
      footSeconds.push(seconds);
    }
    const csr = toCsr(this.stopCount, footFrom, [footTo, footSeconds]);
    this.footStart = csr.start;
    [this.footTo, this.footSeconds] = csr.columns;
  }

  /** Served stops within `seconds` of walking from a point, with their walking seconds. */
  stopsWithinWalk(lat: number, lon: number, seconds: number): { stops: Int32Array; seconds: Int32Array } {
    const found: number[] = [];
    const walk: number[] = [];
    this.grid.within(lat, lon, seconds / TRANSIT_PARAMETERS.walkSecondsPerMeter, (s, meters) => {
      found.push(s);
      walk.push(Math.round(meters * TRANSIT_PARAMETERS.walkSecondsPerMeter));
    });
    return { stops: Int32Array.from(found), seconds: Int32Array.from(walk) };
  }

  /** Whether a service runs on a date: calendar.txt's weekdays and range, then calendar_dates.txt's additions and removals. */
  activeServices(date: number): Uint8Array {
    const active = new Uint8Array(this.feed.services.ids.length);
    const bit = 1 << (isoWeekday(date) - 1);
    const c = this.feed.calendar;
    for (let i = 0; i < c.service.length; i++) {
      if ((c.weekdays[i] & bit) !== 0 && c.start[i] <= date && date <= c.end[i]) active[c.service[i]] = 1;
    }
    const d = this.feed.calendarDates;
    for (let i = 0; i < d.service.length; i++) {
      if (d.date[i] === date) active[d.service[i]] = d.exception[i] === 1 ? 1 : 0;
    }
    return active;
  }

  /**
   * The service day that stands for "a typical <weekday>": of all such dates within the feed's
   * validity, the one whose set of running services is the most common (school-term Tuesdays
   * outnumber holiday ones; a public holiday is an outlier), the earliest of those on a tie.
   * Independent of today's date. Null when no such weekday lies within the validity.
   */
  typicalDate(weekday: number): number | null {
    const first = dayNumber(this.info.validFrom);
    const last = dayNumber(this.info.validTo);
    const firstWeekday = isoWeekday(this.info.validFrom);
    const counts = new Map<string, { n: number; date: number }>();
    for (let day = first + ((weekday - firstWeekday + 7) % 7); day <= last; day += 7) {
      const date = fromDayNumber(day);
      // the day's own services, and the day before's (its trips past 24:00 run in this day's small hours)
      const active = this.activeServices(date);
      const before = this.activeServices(fromDayNumber(day - 1));
      if (!active.includes(1) && !before.includes(1)) continue;
      const key = `${active.join('')}|${before.join('')}`;
      const entry = counts.get(key);
      if (entry) entry.n++;
      else counts.set(key, { n: 1, date });
    }
    let best: { n: number; date: number } | null = null;
    for (const entry of counts.values()) if (!best || entry.n > best.n || (entry.n === best.n && entry.date < best.date)) best = entry;
    return best?.date ?? null;
  }

  /**
   * The trips that run on a service day, in RAPTOR's layout. Besides the day's own trips it holds
   * the previous day's trips that are still under way after midnight (their 25:10:00 is 01:10 of
   * this day) and the next day's trips in the first hours after this day's 24:00, so a window late
   * in the evening and a journey past midnight both work. frequencies.txt trips are expanded into
   * one trip per headway. Trips of one stop sequence that overtake each other go to separate
   * patterns, so every pattern keeps RAPTOR's first-in-first-out order.
   */
  dayTable(date: number): DayTable {
    const cached = this.dayTables.get(date);
    if (cached) {
      this.dayTables.delete(date);
      this.dayTables.set(date, cached);
      return cached;
    }
    const table = this.buildDayTable(date);
    this.dayTables.set(date, table);
    while (this.dayTables.size > TRANSIT_PARAMETERS.cachedDays) this.dayTables.delete(this.dayTables.keys().next().value!);
    return table;
  }

  private buildDayTable(date: number): DayTable {
    const feed = this.feed;
    const st = feed.stopTimes;
    const day = dayNumber(date);
    const horizonEnd = DAY + TRANSIT_PARAMETERS.maxHorizonSeconds;
    // frequency-based trips: template trip → its frequency rows
    const frequencyRows = new Map<number, number[]>();
    feed.frequencies.trip.forEach((t, i) => frequencyRows.set(t, [...(frequencyRows.get(t) ?? []), i]));

    // concrete trips: (feed trip, shift in seconds), grouped by base pattern
    const byPattern = new Map<number, { trip: number; shift: number; first: number }[]>();
    for (const offset of [-1, 0, 1]) {
      const active = this.activeServices(fromDayNumber(day + offset));
      const dayShift = offset * DAY;
      for (let t = 0; t < feed.trips.ids.length; t++) {
        if (!active[feed.trips.service[t]]) continue;
        const from = feed.tripStart[t];
        const to = feed.tripStart[t + 1];
        const base = st.departure[from];
        const duration = st.arrival[to - 1] - base;
        const starts: number[] = [];
        const rows = frequencyRows.get(t);
        if (rows) {
          for (const r of rows) {
            for (let s = feed.frequencies.start[r]; s < feed.frequencies.end[r]; s += feed.frequencies.headway[r]) starts.push(s);
          }
        } else starts.push(base);
        for (const start of starts) {
          const first = start + dayShift;
          if (first + duration < 0 || first > horizonEnd) continue;
          const p = this.tripPattern[t];
          let list = byPattern.get(p);
          if (!list) byPattern.set(p, (list = []));
          list.push({ trip: t, shift: first - base, first });
        }
      }
    }

    // FIFO sub-patterns and the flat layout
    const patternStopStart: number[] = [0];
    const patternStops: number[] = [];
    const patternTripCount: number[] = [];
    const patternTimeStart: number[] = [];
    const patternTripStart: number[] = [0];
    const tripOf: number[] = [];
    let timeLength = 0;
    const groups: { stops: Int32Array; trips: { trip: number; shift: number }[] }[] = [];
    for (const [p, list] of byPattern) {
      list.sort((a, b) => a.first - b.first || a.trip - b.trip);
      const length = this.patternLength[p];
      const sub: { trips: { trip: number; shift: number }[] }[] = [];
      for (const c of list) {
        const fits = sub.find((g) => !overtakes(st, feed.tripStart, g.trips[g.trips.length - 1], c, length));
        if (fits) fits.trips.push(c);
        else sub.push({ trips: [c] });
      }
      const from = feed.tripStart[list[0].trip];
      const stops = st.stop.subarray(from, from + length);
      for (const g of sub) groups.push({ stops, trips: g.trips });
    }
    for (const g of groups) timeLength += g.stops.length * g.trips.length;
    const arrival = new Int32Array(timeLength);
    const departure = new Int32Array(timeLength);
    let offset = 0;
    for (const g of groups) {
      const length = g.stops.length;
      for (const s of g.stops) patternStops.push(s);
      patternStopStart.push(patternStops.length);
      patternTripCount.push(g.trips.length);
      patternTimeStart.push(offset);
      for (const c of g.trips) {
        const from = feed.tripStart[c.trip];
        for (let i = 0; i < length; i++) {
          arrival[offset + i] = st.arrival[from + i] + c.shift;
          departure[offset + i] = st.departure[from + i] + c.shift;
        }
        offset += length;
        tripOf.push(c.trip);
      }
      patternTripStart.push(tripOf.length);
    }

    // stop → (pattern, position)
    const occurrences: number[] = [];
    const occPattern: number[] = [];
    const occPos: number[] = [];
    for (let p = 0; p < groups.length; p++) {
      for (let i = patternStopStart[p]; i < patternStopStart[p + 1]; i++) {
        occurrences.push(patternStops[i]);
        occPattern.push(p);
        occPos.push(i - patternStopStart[p]);
      }
    }
    const csr = toCsr(this.stopCount, occurrences, [occPattern, occPos]);
    return {
      date,
      patternCount: groups.length,
      patternStopStart: Int32Array.from(patternStopStart),
      patternStops: Int32Array.from(patternStops),
      patternTripCount: Int32Array.from(patternTripCount),
      patternTimeStart: Int32Array.from(patternTimeStart),
      arrival,
      departure,
      patternTripStart: Int32Array.from(patternTripStart),
      tripOf: Int32Array.from(tripOf),
      stopPatternStart: csr.start,
      stopPatterns: csr.columns[0],
      stopPatternPos: csr.columns[1],
      trips: tripOf.length,
    };
  }
}

/** Whether trip b (later first departure) arrives or departs before trip a anywhere: then they cannot share a pattern. */
function overtakes(
  st: FeedData['stopTimes'],
  tripStart: Int32Array,
  a: { trip: number; shift: number },
  b: { trip: number; shift: number },
  length: number,
): boolean {
  const fa = tripStart[a.trip];
  const fb = tripStart[b.trip];
  for (let i = 0; i < length; i++) {
    if (st.departure[fb + i] + b.shift < st.departure[fa + i] + a.shift || st.arrival[fb + i] + b.shift < st.arrival[fa + i] + a.shift) return true;
  }
  return false;
}

function toCsr(n: number, keys: number[], values: number[][]): { start: Int32Array; columns: Int32Array[] } {
  const start = new Int32Array(n + 1);
  for (const k of keys) start[k + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const columns = values.map(() => new Int32Array(keys.length));
  keys.forEach((k, i) => {
    const at = fill[k]++;
    values.forEach((v, c) => (columns[c][at] = v[i]));
  });
  return { start, columns };
}

function median(values: Float64Array): number {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[finite.length >> 1] : 51;
}
