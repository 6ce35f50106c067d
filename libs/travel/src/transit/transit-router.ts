import { DEFAULT_DEPARTURE_WINDOW, DepartureWindow, LatLon } from '../travel-time.port';
import { Connection, RangeRaptor, WalkLinks } from './raptor';
import { Timetable, TRANSIT_PARAMETERS } from './timetable';

/** What the timetable says about one origin–target pair. */
export type TransitAnswer =
  /** the feed has no served stop within walking reach of the origin, or of the target: it cannot answer */
  | { kind: 'no-stop-near-origin' }
  | { kind: 'no-stop-near-target' }
  | {
      kind: 'timetable';
      /** Pareto-optimal connections leaving in the window, by departure */
      connections: Connection[];
      /** median door-to-door seconds of those connections; null when there is none */
      typicalSeconds: number | null;
      /** the service day that stood for the weekday (YYYYMMDD); null when the feed has none */
      serviceDate: number | null;
    };

export interface RouterOptions {
  departureStepSeconds?: number;
  horizonSeconds?: number;
}

/** Median of a list of numbers: the middle one, or the mean of the middle two. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The typical journey by public transport from one origin to many targets, as a participant makes
 * it who plans to the timetable: every Pareto-optimal connection leaving home in the window (range
 * RAPTOR, see RangeRaptor), each one's door-to-door duration from leaving home just in time —
 * walking to the first stop counts, waiting there does not, waiting at changes does — and their
 * median. Walking reach to and from stops is the walk mode's (TRANSIT_PARAMETERS).
 */
export class TransitRouter {
  private readonly raptor: RangeRaptor;

  constructor(readonly timetable: Timetable) {
    this.raptor = new RangeRaptor(timetable);
  }

  walkLinks(point: LatLon): WalkLinks {
    return this.timetable.stopsWithinWalk(point.latitude, point.longitude, TRANSIT_PARAMETERS.maxAccessSeconds);
  }

  journeys(origin: LatLon, targets: LatLon[], window: DepartureWindow = DEFAULT_DEPARTURE_WINDOW, options: RouterOptions = {}): TransitAnswer[] {
    const access = this.walkLinks(origin);
    if (access.stops.length === 0) return targets.map(() => ({ kind: 'no-stop-near-origin' as const }));
    const egress = targets.map((t) => this.walkLinks(t));
    const routed = egress.map((e, i) => (e.stops.length ? i : -1)).filter((i) => i >= 0);
    const serviceDate = this.timetable.typicalDate(window.weekday);
    let profiles: Connection[][] = routed.map(() => []);
    if (serviceDate !== null && routed.length) {
      profiles = this.raptor.profile(this.timetable.dayTable(serviceDate), {
        access,
        egress: routed.map((i) => egress[i]),
        from: window.fromMinutes * 60,
        to: window.toMinutes * 60,
        departureStepSeconds: options.departureStepSeconds,
        horizonSeconds: options.horizonSeconds,
      });
    }
    const answers: TransitAnswer[] = targets.map(() => ({ kind: 'no-stop-near-target' as const }));
    routed.forEach((i, r) => {
      const connections = profiles[r];
      answers[i] = { kind: 'timetable', connections, typicalSeconds: median(connections.map((c) => c.arrival - c.departure)), serviceDate };
    });
    return answers;
  }
}
