import { parseFeed } from '../gtfs/parse-feed';
import { east, FeedSpec, gtfsFiles, gtfsTime, StopSpec } from '../testing/gtfs-builder';
import { haversineMeters } from './geometry';
import { Timetable, TRANSIT_PARAMETERS } from './timetable';
import { DepartureWindow } from '../travel-time.port';
import { median, TransitAnswer, TransitRouter } from './transit-router';

/*
 * Synthetic feeds with answers worked out by hand. Stops lie on a line 5 km apart (far beyond walking
 * reach of each other), origins and targets on the stops unless a test says otherwise, so walking
 * adds nothing and every minute below can be read off the trips.
 */
const LAT = 51.0;
const LON = 13.0;
const at = (km: number) => east(LAT, LON, km * 1000);
const stop = (id: string, km: number): StopSpec => ({ id, name: `Halt ${id} (fiktiv)`, ...at(km) });
const point = (km: number) => ({ latitude: at(km).lat, longitude: at(km).lon });
const WEEKDAYS = { service: 'WK', days: '1111100', start: '20260105', end: '20260329' };
const TUESDAY_MORNING: DepartureWindow = { weekday: 2, fromMinutes: 7 * 60, toMinutes: 9 * 60 };
const hm = (h: number, m: number) => h * 3600 + m * 60;

function routerFor(spec: FeedSpec): TransitRouter {
  return new TransitRouter(new Timetable(parseFeed(gtfsFiles(spec)).feed));
}

function timetableAnswer(answer: TransitAnswer) {
  if (answer.kind !== 'timetable') throw new Error(`expected a timetable answer, got ${answer.kind}`);
  return answer;
}

const line = (id: string, route: string, service: string, legs: [string, number][]) => ({
  id,
  route,
  service,
  times: legs.map(([s, t]) => [s, gtfsTime(t)] as [string, string]),
});

describe('transit router (range RAPTOR) on synthetic feeds', () => {
  it('a direct trip: every departure in the window is one connection, door to door', () => {
    const departures = [hm(6, 50), hm(7, 10), hm(7, 40), hm(8, 10), hm(8, 40), hm(9, 10)];
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'R1' }],
      trips: departures.map((d, i) => line(`T${i}`, 'R1', 'WK', [['A', d], ['B', d + 20 * 60]])),
      calendar: [WEEKDAYS],
    });
    const [answer] = router.journeys(point(0), [point(10)], TUESDAY_MORNING);
    const a = timetableAnswer(answer);
    // 06:50 leaves before the window and 09:10 after it: four connections of 20 minutes
    expect(a.connections).toEqual([hm(7, 10), hm(7, 40), hm(8, 10), hm(8, 40)].map((d) => ({ departure: d, arrival: d + 1200 })));
    expect(a.typicalSeconds).toBe(1200);
    expect(a.serviceDate).toBe(20260106);
  });

  it('counts the walk to the first stop and from the last, not the wait at the first', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'R1' }],
      trips: [line('T1', 'R1', 'WK', [['A', hm(7, 30)], ['B', hm(7, 50)]])],
      calendar: [WEEKDAYS],
    });
    const origin = { latitude: at(-0.4).lat, longitude: at(-0.4).lon };
    const target = { latitude: at(10.25).lat, longitude: at(10.25).lon };
    const walkIn = Math.round(haversineMeters(origin.latitude, origin.longitude, at(0).lat, at(0).lon) * TRANSIT_PARAMETERS.walkSecondsPerMeter);
    const walkOut = Math.round(haversineMeters(at(10).lat, at(10).lon, target.latitude, target.longitude) * TRANSIT_PARAMETERS.walkSecondsPerMeter);
    expect(walkIn).toBeCloseTo(400, -1); // 1 s per metre
    const a = timetableAnswer(router.journeys(origin, [target], TUESDAY_MORNING, { departureStepSeconds: 1 })[0]);
    expect(a.connections).toEqual([{ departure: hm(7, 30) - walkIn, arrival: hm(7, 50) + walkOut }]);
    expect(a.typicalSeconds).toBe(walkIn + 20 * 60 + walkOut);
    // on the default minute grid, leaving home is rounded down to the minute: at most 59 s more
    const b = timetableAnswer(router.journeys(origin, [target], TUESDAY_MORNING)[0]);
    expect(b.connections[0].departure % 60).toBe(0);
    expect(b.typicalSeconds! - a.typicalSeconds!).toBeGreaterThanOrEqual(0);
    expect(b.typicalSeconds! - a.typicalSeconds!).toBeLessThan(60);
  });

  it('a transfer: waiting at the change counts, and a change takes at least a minute at the same stop', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10), stop('C', 20)],
      routes: [{ id: 'R1' }, { id: 'R2' }],
      trips: [
        line('R1a', 'R1', 'WK', [['A', hm(7, 0)], ['B', hm(7, 20)]]),
        // 30 s after the arrival: too soon to change
        line('R2a', 'R2', 'WK', [['B', hm(7, 20) + 30], ['C', hm(7, 40)]]),
        line('R2b', 'R2', 'WK', [['B', hm(7, 25)], ['C', hm(7, 45)]]),
      ],
      calendar: [WEEKDAYS],
    });
    const a = timetableAnswer(router.journeys(point(0), [point(20)], TUESDAY_MORNING)[0]);
    expect(a.connections).toEqual([{ departure: hm(7, 0), arrival: hm(7, 45) }]);
    expect(a.typicalSeconds).toBe(45 * 60);
  });

  it('walks between nearby stops to change, unless transfers.txt says it takes longer', () => {
    const b2 = { id: 'B2', name: 'Halt B2 (fiktiv)', ...east(at(10).lat, at(10).lon, 150) };
    const spec = (transfers?: FeedSpec['transfers']): FeedSpec => ({
      stops: [stop('A', 0), stop('B', 10), b2, stop('D', 25)],
      routes: [{ id: 'R1' }, { id: 'R3' }],
      trips: [
        line('R1a', 'R1', 'WK', [['A', hm(7, 0)], ['B', hm(7, 20)]]),
        line('R3a', 'R3', 'WK', [['B2', hm(7, 23)], ['D', hm(7, 40)]]),
        line('R3b', 'R3', 'WK', [['B2', hm(7, 33)], ['D', hm(7, 50)]]),
      ],
      calendar: [WEEKDAYS],
      transfers,
    });
    // 150 m ≈ 150 s on foot: 07:22:30 at B2, in time for 07:23
    expect(timetableAnswer(routerFor(spec()).journeys(point(0), [point(25)], TUESDAY_MORNING)[0]).typicalSeconds).toBe(40 * 60);
    // transfers.txt: five minutes from B to B2 → 07:25, the 07:33 is the next
    const ruled = routerFor(spec([{ from: 'B', to: 'B2', type: 2, minTime: 300 }]));
    expect(timetableAnswer(ruled.journeys(point(0), [point(25)], TUESDAY_MORNING)[0]).typicalSeconds).toBe(50 * 60);
    // transfer_type 3: not possible at all
    const forbidden = routerFor(spec([{ from: 'B', to: 'B2', type: 3 }]));
    expect(timetableAnswer(forbidden.journeys(point(0), [point(25)], TUESDAY_MORNING)[0]).connections).toEqual([]);
  });

  it('a trip on some days only: calendar weekdays, calendar_dates removals and additions, a typical Tuesday', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'R1' }],
      trips: [
        line('WK1', 'R1', 'WK', [['A', hm(7, 30)], ['B', hm(7, 50)]]),
        line('SP1', 'R1', 'SP', [['A', hm(8, 0)], ['B', hm(8, 15)]]),
        line('SA1', 'R1', 'SA', [['A', hm(7, 15)], ['B', hm(7, 45)]]),
      ],
      calendar: [WEEKDAYS, { service: 'SA', days: '0000010', start: '20260105', end: '20260329' }],
      calendarDates: [
        { service: 'WK', date: '20260106', exception: 2 }, // a Tuesday without service
        { service: 'SP', date: '20260113', exception: 1 }, // a special trip on one Tuesday only
        { service: 'SA', date: '20260110', exception: 2 },
      ],
    });
    const tt = router.timetable;
    const services = (date: number) => [...tt.activeServices(date)];
    // services in order of appearance: WK, SA, SP
    expect(services(20260106)).toEqual([0, 0, 0]);
    expect(services(20260113)).toEqual([1, 0, 1]);
    expect(services(20260120)).toEqual([1, 0, 0]);
    expect(services(20260110)).toEqual([0, 0, 0]);
    expect(services(20260117)).toEqual([0, 1, 0]);
    // Tuesdays: 06.01 nothing, 13.01 WK + SP, ten more with WK alone → the typical one is 20.01.
    expect(tt.typicalDate(2)).toBe(20260120);
    const tuesday = timetableAnswer(router.journeys(point(0), [point(10)], TUESDAY_MORNING)[0]);
    expect(tuesday.connections).toEqual([{ departure: hm(7, 30), arrival: hm(7, 50) }]);
    // Saturdays run SA; Sundays run nothing at all
    const saturday = timetableAnswer(router.journeys(point(0), [point(10)], { ...TUESDAY_MORNING, weekday: 6 })[0]);
    expect(saturday.serviceDate).toBe(20260117);
    expect(saturday.typicalSeconds).toBe(30 * 60);
    const sunday = timetableAnswer(router.journeys(point(0), [point(10)], { ...TUESDAY_MORNING, weekday: 7 })[0]);
    // (a Sunday stands for itself only through Saturday's trips past midnight: there are none)
    expect(sunday).toEqual({ kind: 'timetable', connections: [], typicalSeconds: null, serviceDate: 20260118 });
  });

  it('a trip past midnight (24:50:00 → 25:10:00) runs on the next morning of the day it started', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'N' }],
      trips: [line('N1', 'N', 'WK', [['A', hm(24, 50)], ['B', hm(25, 10)]])],
      calendar: [WEEKDAYS],
    });
    const night = { fromMinutes: 30, toMinutes: 90 };
    // Tuesday 00:50–01:10 is Monday's trip
    expect(timetableAnswer(router.journeys(point(0), [point(10)], { weekday: 2, ...night })[0]).connections).toEqual([{ departure: hm(0, 50), arrival: hm(1, 10) }]);
    // Monday 00:50 would be Sunday's, and WK does not run on Sundays
    expect(timetableAnswer(router.journeys(point(0), [point(10)], { weekday: 1, ...night })[0]).connections).toEqual([]);
    // Saturday 00:50 is Friday's
    expect(timetableAnswer(router.journeys(point(0), [point(10)], { weekday: 6, ...night })[0]).typicalSeconds).toBe(20 * 60);
    // and a late window on Monday catches the trip at 24:50 of its own day
    expect(timetableAnswer(router.journeys(point(0), [point(10)], { weekday: 1, fromMinutes: 23 * 60 + 30, toMinutes: 24 * 60 + 59 })[0]).connections)
      .toEqual([{ departure: hm(24, 50), arrival: hm(25, 10) }]);
  });

  it('a frequency-based route: frequencies.txt expands the template trip once per headway', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'F' }],
      trips: [line('F1', 'F', 'WK', [['A', hm(5, 0)], ['B', hm(5, 12)]])],
      calendar: [WEEKDAYS],
      frequencies: [{ trip: 'F1', start: '07:00:00', end: '08:00:00', headway: 600 }],
    });
    const a = timetableAnswer(router.journeys(point(0), [point(10)], TUESDAY_MORNING)[0]);
    // 07:00, 07:10, … 07:50 (the end is exclusive); the template's own 05:00 does not run
    expect(a.connections.map((c) => c.departure)).toEqual([0, 10, 20, 30, 40, 50].map((m) => hm(7, m)));
    expect(a.connections.every((c) => c.arrival - c.departure === 12 * 60)).toBe(true);
  });

  it('drops a connection that a later one beats (leaves later, arrives no later)', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'SLOW' }, { id: 'FAST' }],
      trips: [
        line('S1', 'SLOW', 'WK', [['A', hm(7, 0)], ['B', hm(7, 50)]]),
        line('F1', 'FAST', 'WK', [['A', hm(7, 20)], ['B', hm(7, 40)]]),
        line('S2', 'SLOW', 'WK', [['A', hm(8, 30)], ['B', hm(9, 20)]]),
        // leaves after the window and arrives before S2: S2 is beaten too
        line('F2', 'FAST', 'WK', [['A', hm(9, 5)], ['B', hm(9, 15)]]),
      ],
      calendar: [WEEKDAYS],
    });
    const a = timetableAnswer(router.journeys(point(0), [point(10)], TUESDAY_MORNING)[0]);
    expect(a.connections).toEqual([{ departure: hm(7, 20), arrival: hm(7, 40) }]);
  });

  it('says when the feed has no stop within walking reach of the origin or the target', () => {
    const router = routerFor({
      stops: [stop('A', 0), stop('B', 10)],
      routes: [{ id: 'R1' }],
      trips: [line('T1', 'R1', 'WK', [['A', hm(7, 30)], ['B', hm(7, 50)]])],
      calendar: [WEEKDAYS],
    });
    const [near, beyond] = router.journeys(point(0), [point(10), point(18)], TUESDAY_MORNING);
    expect(timetableAnswer(near).typicalSeconds).toBe(20 * 60);
    expect(beyond).toEqual({ kind: 'no-stop-near-target' });
    expect(router.journeys(point(-8), [point(10)], TUESDAY_MORNING)).toEqual([{ kind: 'no-stop-near-origin' }]);
  });

  it('takes the median of the connections: the middle one, or the mean of the middle two', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// An independent check: the Connection Scan Algorithm (Dibbelt et al. 2013), written here from
// the feed's own rows, gives the earliest arrival for every departure minute of the window; its
// Pareto set and median must be the router's.

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomFeed(seed: number): FeedSpec {
  const random = seeded(seed);
  const stops: StopSpec[] = [];
  // a 6 × 6 grid, 1.5 km apart (walking reach of 1.2 km stays within a cell)
  for (let r = 0; r < 6; r++) for (let c = 0; c < 6; c++) stops.push({ id: `S${r}${c}`, ...east(LAT + r * 0.0135, LON, c * 1500) });
  const routes: FeedSpec['routes'] = [];
  const trips: FeedSpec['trips'] = [];
  const transfers: FeedSpec['transfers'] = [];
  for (let k = 0; k < 10; k++) {
    // a random walk over the grid
    const path: string[] = [];
    // every line passes the middle of the grid, so the network hangs together
    let r = 2 + Math.floor(random() * 2);
    let c = 2 + Math.floor(random() * 2);
    for (let i = 0; i < 6 + Math.floor(random() * 4); i++) {
      path.push(`S${r}${c}`);
      if (random() < 0.5) r = Math.min(5, Math.max(0, r + (random() < 0.5 ? -1 : 1)));
      else c = Math.min(5, Math.max(0, c + (random() < 0.5 ? -1 : 1)));
    }
    const stopsOnPath = path.filter((s, i) => i === 0 || s !== path[i - 1]);
    if (stopsOnPath.length < 2) continue;
    routes.push({ id: `L${k}` });
    const headway = 6 + Math.floor(random() * 20);
    const hop = 2 + Math.floor(random() * 5);
    for (let d = hm(6, 0) + Math.floor(random() * 600); d < hm(10, 30); d += headway * 60) {
      trips.push({ id: `L${k}-${d}`, route: `L${k}`, service: 'WK', times: stopsOnPath.map((s, i) => [s, gtfsTime(d + i * hop * 60 + (i ? 30 : 0)), gtfsTime(d + i * hop * 60 + (i ? 60 : 0))]) });
    }
  }
  transfers.push({ from: 'S22', to: 'S22', type: 2, minTime: 240 });
  return { stops, routes, trips, calendar: [WEEKDAYS], transfers };
}

/** Earliest arrival at each target for leaving home at t, by scanning every elementary connection in time order. */
function connectionScan(spec: FeedSpec, origin: { latitude: number; longitude: number }, targets: { latitude: number; longitude: number }[]): (t: number) => number[] {
  const index = new Map(spec.stops.map((s, i) => [s.id, i]));
  const secondsOf = (text: string) => text.split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
  const hops: { trip: number; from: number; to: number; dep: number; arr: number }[] = [];
  spec.trips.forEach((trip, k) => {
    for (let i = 0; i + 1 < trip.times.length; i++) {
      hops.push({ trip: k, from: index.get(trip.times[i][0])!, to: index.get(trip.times[i + 1][0])!, dep: secondsOf(trip.times[i][2] ?? trip.times[i][1]), arr: secondsOf(trip.times[i + 1][1]) });
    }
  });
  hops.sort((a, b) => a.dep - b.dep);
  const n = spec.stops.length;
  const walk = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => Math.round(haversineMeters(a.lat, a.lon, b.lat, b.lon) * TRANSIT_PARAMETERS.walkSecondsPerMeter);
  const change = spec.stops.map((s) => (spec.transfers ?? []).find((x) => x.from === s.id && x.to === s.id)?.minTime ?? TRANSIT_PARAMETERS.sameStopChangeSeconds);
  const near = spec.stops.map((a) =>
    spec.stops.flatMap((q, j) => {
      const w = walk(a, q);
      return q !== a && w <= TRANSIT_PARAMETERS.maxTransferWalkSeconds ? [{ j, w }] : [];
    }),
  );
  const o = { lat: origin.latitude, lon: origin.longitude };
  return (t) => {
    const boardable = new Array(n).fill(Infinity);
    const arrivedByVehicle = new Array(n).fill(Infinity);
    spec.stops.forEach((s, i) => {
      const w = walk(o, s);
      if (w <= TRANSIT_PARAMETERS.maxAccessSeconds) boardable[i] = t + w;
    });
    const onTrip = new Set<number>();
    for (const h of hops) {
      if (!onTrip.has(h.trip) && boardable[h.from] > h.dep) continue;
      onTrip.add(h.trip);
      if (h.arr < arrivedByVehicle[h.to]) arrivedByVehicle[h.to] = h.arr;
      boardable[h.to] = Math.min(boardable[h.to], h.arr + change[h.to]);
      for (const { j, w } of near[h.to]) {
        boardable[j] = Math.min(boardable[j], h.arr + w);
        arrivedByVehicle[j] = Math.min(arrivedByVehicle[j], h.arr + w);
      }
    }
    return targets.map((target) => {
      let bestArrival = Infinity;
      spec.stops.forEach((s, i) => {
        const w = walk(s, { lat: target.latitude, lon: target.longitude });
        if (w <= TRANSIT_PARAMETERS.maxAccessSeconds) bestArrival = Math.min(bestArrival, arrivedByVehicle[i] + w);
      });
      return bestArrival;
    });
  };
}

describe('transit router against an independent computation (Connection Scan)', () => {
  it.each([1, 2, 3, 4, 5])('finds the same connections and the same median (feed %i)', (seed) => {
    const spec = randomFeed(seed);
    const tt = new Timetable(parseFeed(gtfsFiles(spec)).feed);
    const router = new TransitRouter(tt);
    // origin and targets on served stops, the targets far enough away that walking alone never reaches them
    const routesAt = (s: StopSpec) => new Set(spec.trips.filter((t) => t.times.some(([id]) => id === s.id)).map((t) => t.route)).size;
    const served = spec.stops.filter((s) => routesAt(s) > 0).sort((a, b) => routesAt(b) - routesAt(a));
    const origin = { latitude: served[0].lat, longitude: served[0].lon };
    const targets = served
      .filter((s) => haversineMeters(s.lat, s.lon, origin.latitude, origin.longitude) > 2 * TRANSIT_PARAMETERS.maxAccessSeconds)
      .map((s) => ({ latitude: s.lat, longitude: s.lon }));
    expect(targets.length).toBeGreaterThan(3);
    const answers = router.journeys(origin, targets, TUESDAY_MORNING);
    const from = TUESDAY_MORNING.fromMinutes * 60;
    const to = TUESDAY_MORNING.toMinutes * 60;
    const horizon = TRANSIT_PARAMETERS.horizonSeconds;
    // earliest arrival on every minute from the window's start, and just after its end
    const grid: number[] = [];
    for (let t = from; t <= to; t += 60) grid.push(t);
    const earliestArrival = connectionScan(spec, origin, targets);
    const after = earliestArrival(to + 1);
    const arrivals = grid.map((t) => earliestArrival(t));
    let checked = 0;
    targets.forEach((_, j) => {
      const expected: { departure: number; arrival: number }[] = [];
      let later = after[j];
      for (let g = grid.length - 1; g >= 0; g--) {
        const a = arrivals[g][j];
        if (a < later && a - grid[g] <= horizon) expected.unshift({ departure: grid[g], arrival: a });
        later = Math.min(later, a);
      }
      const answer = timetableAnswer(answers[j]);
      expect(answer.connections).toEqual(expected);
      expect(answer.typicalSeconds).toBe(median(expected.map((c) => c.arrival - c.departure)));
      checked += expected.length;
    });
    expect(checked).toBeGreaterThan(10);
  });
});
