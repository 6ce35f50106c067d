import { DayTable, Timetable, TRANSIT_PARAMETERS } from './timetable';

/** Stops near a point and the seconds it takes to walk between them and the point. */
export interface WalkLinks {
  stops: Int32Array;
  seconds: Int32Array;
}

export interface ProfileRequest {
  access: WalkLinks;
  /** per target, the stops within walking reach of it */
  egress: WalkLinks[];
  /** leaving home in [from, to], seconds after the service day's midnight */
  from: number;
  to: number;
  /** journeys longer than this (door to door) are not searched */
  horizonSeconds?: number;
  /** departures from home are taken on this grid (60: on the minute; 1: exact) */
  departureStepSeconds?: number;
}

/** A Pareto-optimal journey: leaving home at `departure`, at the target at `arrival` (seconds of the service day). */
export interface Connection {
  departure: number;
  arrival: number;
}

const INF = 0x3fffffff;

/**
 * Range RAPTOR (Delling, Pajor, Werneck: "Round-Based Public Transit Routing", ALENEX 2012, and
 * its profile variant rRAPTOR in the same paper) from one origin to many targets.
 *
 * RAPTOR works in rounds: round k knows the earliest arrival at every stop with at most k
 * vehicles. Each round scans every pattern (trips with the same stop sequence that never overtake)
 * that serves a stop improved in the round before: it boards the earliest trip it can catch at
 * that stop and rides it along, improving the arrival at later stops; then footpaths carry the
 * improvements to nearby stops. No priority queue; the memory is a few arrays per stop.
 *
 * rRAPTOR answers a whole departure window: it runs RAPTOR once per possible departure from home,
 * the latest first, and keeps the labels between the runs — a journey that leaves later is still
 * valid for someone who leaves earlier, so each run only has to find improvements. The possible
 * departures are the moments one has to leave home to catch a vehicle at a stop within walking
 * reach just in time (its departure minus the walk), on a grid of `departureStepSeconds`. Before
 * them comes one run for a departure just after the window: a connection in the window that
 * arrives no earlier than that run is beaten by one that leaves after the window.
 *
 * For each target the result lists the Pareto-optimal connections leaving in the window — no other
 * connection leaves later and arrives no later — with the arrival at the target (last stop plus
 * the walk from it). Because each connection's departure is "just in time" for its first vehicle,
 * waiting at the first stop is never counted; waiting at changes is. Arrivals by walking alone do
 * not count as connections.
 */
export class RangeRaptor {
  private readonly rounds = TRANSIT_PARAMETERS.maxVehicles;
  private readonly tau: Int32Array;
  private readonly ready: Int32Array;
  private readonly best: Int32Array;
  private readonly bestTransit: Int32Array;
  /** earliest moment one can board at the stop, any round (a walk there beats a vehicle arriving earlier plus the change) */
  private readonly bestReady: Int32Array;
  private readonly marked: Uint8Array;
  private readonly markedList: Int32Array;
  private markedCount = 0;
  private readonly improvedTransit: Uint8Array;
  private readonly improvedList: Int32Array;
  private improvedCount = 0;
  private patternPos = new Int32Array(0);
  private patternQueue = new Int32Array(0);

  constructor(private readonly timetable: Timetable) {
    const n = timetable.stopCount;
    this.tau = new Int32Array((this.rounds + 1) * n);
    this.ready = new Int32Array((this.rounds + 1) * n);
    this.best = new Int32Array(n);
    this.bestTransit = new Int32Array(n);
    this.bestReady = new Int32Array(n);
    this.marked = new Uint8Array(n);
    this.markedList = new Int32Array(n);
    this.improvedTransit = new Uint8Array(n);
    this.improvedList = new Int32Array(n);
  }

  /** Candidate departures from home in [from, to], latest first. */
  departures(day: DayTable, request: ProfileRequest): number[] {
    const step = request.departureStepSeconds ?? 60;
    const found = new Set<number>();
    const { stops, seconds } = request.access;
    for (let a = 0; a < stops.length; a++) {
      const s = stops[a];
      const walk = seconds[a];
      for (let o = day.stopPatternStart[s]; o < day.stopPatternStart[s + 1]; o++) {
        const p = day.stopPatterns[o];
        const i = day.stopPatternPos[o];
        const length = day.patternStopStart[p + 1] - day.patternStopStart[p];
        if (i === length - 1) continue; // nobody boards at the last stop
        const base = day.patternTimeStart[p];
        const count = day.patternTripCount[p];
        let j = firstTrip(day.departure, base, length, i, count, request.from + walk);
        for (; j < count; j++) {
          const leave = day.departure[base + j * length + i] - walk;
          if (leave > request.to) break;
          found.add(Math.floor(leave / step) * step);
        }
      }
    }
    return [...found].filter((t) => t >= request.from && t <= request.to).sort((a, b) => b - a);
  }

  /** The Pareto-optimal connections to every target, each list by departure ascending. */
  profile(day: DayTable, request: ProfileRequest): Connection[][] {
    const n = this.timetable.stopCount;
    const horizon = request.horizonSeconds ?? TRANSIT_PARAMETERS.horizonSeconds;
    this.tau.fill(INF);
    this.ready.fill(INF);
    this.best.fill(INF);
    this.bestTransit.fill(INF);
    this.bestReady.fill(INF);
    if (this.patternPos.length < day.patternCount) {
      this.patternPos = new Int32Array(day.patternCount);
      this.patternQueue = new Int32Array(day.patternCount);
    }
    this.patternPos.fill(-1, 0, day.patternCount);

    // which targets an improvement at a stop concerns
    const targetCount = request.egress.length;
    const stopTargetStart = new Int32Array(n + 1);
    for (const e of request.egress) for (const s of e.stops) stopTargetStart[s + 1]++;
    for (let s = 0; s < n; s++) stopTargetStart[s + 1] += stopTargetStart[s];
    const stopTargets = new Int32Array(stopTargetStart[n]);
    const stopTargetWalk = new Int32Array(stopTargetStart[n]);
    {
      const fill = stopTargetStart.slice(0, n);
      request.egress.forEach((e, j) => {
        for (let x = 0; x < e.stops.length; x++) {
          const at = fill[e.stops[x]]++;
          stopTargets[at] = j;
          stopTargetWalk[at] = e.seconds[x];
        }
      });
    }
    const arrivalAt = new Int32Array(targetCount).fill(INF);
    const previous = new Int32Array(targetCount).fill(INF);
    const result: Connection[][] = request.egress.map(() => []);

    const departures = [request.to + 1, ...this.departures(day, request)];
    for (const t of departures) {
      this.run(day, request.access, t, t + horizon);
      // targets whose egress stops improved: their arrival for leaving at t
      for (let x = 0; x < this.improvedCount; x++) {
        const s = this.improvedList[x];
        this.improvedTransit[s] = 0;
        const arrive = this.bestTransit[s];
        for (let o = stopTargetStart[s]; o < stopTargetStart[s + 1]; o++) {
          const j = stopTargets[o];
          const a = arrive + stopTargetWalk[o];
          if (a < arrivalAt[j]) arrivalAt[j] = a;
        }
      }
      this.improvedCount = 0;
      if (t > request.to) {
        previous.set(arrivalAt);
        continue;
      }
      for (let j = 0; j < targetCount; j++) {
        if (arrivalAt[j] < previous[j]) {
          result[j].push({ departure: t, arrival: arrivalAt[j] });
          previous[j] = arrivalAt[j];
        }
      }
    }
    for (const list of result) list.reverse();
    return result;
  }

  /** One RAPTOR run for leaving home at `t`, on top of the labels of the later runs. */
  private run(day: DayTable, access: WalkLinks, t: number, bound: number): void {
    const n = this.timetable.stopCount;
    const { tau, ready, best, bestTransit, bestReady } = this;
    const change = this.timetable.changeSeconds;
    this.markedCount = 0;
    for (let a = 0; a < access.stops.length; a++) {
      const s = access.stops[a];
      const arrive = t + access.seconds[a];
      if (arrive < tau[s]) {
        tau[s] = arrive;
        ready[s] = arrive;
        if (arrive < best[s]) best[s] = arrive;
        if (arrive < bestReady[s]) bestReady[s] = arrive;
        this.mark(s);
      }
    }
    for (let k = 1; k <= this.rounds && this.markedCount > 0; k++) {
      const prev = (k - 1) * n;
      const cur = k * n;
      // patterns through the stops marked in round k−1, from the earliest marked position
      let queued = 0;
      for (let m = 0; m < this.markedCount; m++) {
        const s = this.markedList[m];
        this.marked[s] = 0;
        for (let o = day.stopPatternStart[s]; o < day.stopPatternStart[s + 1]; o++) {
          const p = day.stopPatterns[o];
          const pos = day.stopPatternPos[o];
          const was = this.patternPos[p];
          if (was < 0) {
            this.patternPos[p] = pos;
            this.patternQueue[queued++] = p;
          } else if (pos < was) this.patternPos[p] = pos;
        }
      }
      this.markedCount = 0;
      for (let q = 0; q < queued; q++) {
        const p = this.patternQueue[q];
        const from = this.patternPos[p];
        this.patternPos[p] = -1;
        const stopBase = day.patternStopStart[p];
        const length = day.patternStopStart[p + 1] - stopBase;
        const timeBase = day.patternTimeStart[p];
        const count = day.patternTripCount[p];
        let trip = -1;
        let row = 0;
        for (let i = from; i < length; i++) {
          const s = day.patternStops[stopBase + i];
          if (trip >= 0) {
            const arrive = day.arrival[row + i];
            if (arrive < best[s] && arrive <= bound) {
              tau[cur + s] = arrive;
              best[s] = arrive;
              const r = arrive + change[s];
              if (r < ready[cur + s]) ready[cur + s] = r;
              if (r < bestReady[s]) bestReady[s] = r;
              if (arrive < bestTransit[s]) this.improve(s, arrive);
              this.mark(s);
            }
          }
          // an earlier trip catchable here?
          const r = ready[prev + s];
          if (r < INF && i < length - 1 && (trip < 0 || r <= day.departure[row + i])) {
            const j = firstTrip(day.departure, timeBase, length, i, trip < 0 ? count : trip, r);
            if (j < (trip < 0 ? count : trip)) {
              trip = j;
              row = timeBase + j * length;
            }
          }
        }
      }
      // footpaths from the stops reached by a vehicle in this round
      const reached = this.markedCount;
      for (let m = 0; m < reached; m++) {
        const s = this.markedList[m];
        const arrived = tau[cur + s];
        for (let f = this.timetable.footStart[s]; f < this.timetable.footStart[s + 1]; f++) {
          const q = this.timetable.footTo[f];
          const arrive = arrived + this.timetable.footSeconds[f];
          // a walk can improve the moment to board even where a vehicle arrived earlier (it needs no change time)
          if (arrive < bestReady[q] && arrive <= bound) {
            if (arrive < best[q]) {
              tau[cur + q] = arrive;
              best[q] = arrive;
            }
            if (arrive < ready[cur + q]) ready[cur + q] = arrive;
            bestReady[q] = arrive;
            if (arrive < bestTransit[q]) this.improve(q, arrive);
            this.mark(q);
          }
        }
      }
    }
    for (let m = 0; m < this.markedCount; m++) this.marked[this.markedList[m]] = 0;
    this.markedCount = 0;
  }

  private mark(s: number): void {
    if (this.marked[s]) return;
    this.marked[s] = 1;
    this.markedList[this.markedCount++] = s;
  }

  private improve(s: number, arrive: number): void {
    this.bestTransit[s] = arrive;
    if (this.improvedTransit[s]) return;
    this.improvedTransit[s] = 1;
    this.improvedList[this.improvedCount++] = s;
  }
}

/** The first of trips [0, limit) of a pattern that leaves position i at or after `time` (limit when none): binary search, trips being in FIFO order. */
function firstTrip(departure: Int32Array, base: number, length: number, i: number, limit: number, time: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (departure[base + mid * length + i] < time) low = mid + 1;
    else high = mid;
  }
  return low;
}
