import { walkMinutes } from '../estimate/calibrated-travel-time.estimator';
import {
  DEFAULT_DEPARTURE_WINDOW,
  TravelContext,
  TravelEstimatorInfo,
  TravelLeg,
  TravelMode,
  TravelTime,
  TravelTimeEstimator,
} from '../travel-time.port';
import { LoadedTimetable } from './timetable.provider';
import { TRANSIT_PARAMETERS } from './timetable';

export const TRANSIT_ESTIMATOR_NAME = 'timetable-raptor-v1';

/** Where the loaded timetable comes from (TimetableProvider in the application). */
export interface TimetableSource {
  current(): Promise<LoadedTimetable | null>;
}

/**
 * The routing port with a timetable: public-transport legs are answered by the transit router
 * (the typical journey of the departure window) where the imported feed has a served stop within
 * walking reach of both ends; every other leg — other modes, no feed loaded, no stop nearby — by the
 * estimate, which then says why. Walking is the answer where it is quicker than the typical
 * journey, and where the window has no connection at all (then the answer says so).
 */
export class TransitTravelTimeEstimator implements TravelTimeEstimator {
  constructor(
    private readonly timetables: TimetableSource,
    private readonly fallback: TravelTimeEstimator,
  ) {}

  async describe(): Promise<TravelEstimatorInfo> {
    const [loaded, estimate] = await Promise.all([this.timetables.current(), this.fallback.describe()]);
    if (!loaded) return estimate;
    return {
      name: TRANSIT_ESTIMATOR_NAME,
      estimated: false,
      description:
        `Bus/Bahn nach ${loaded.attribution.text}: typische Reisezeit von Tür zu Tür (Median der Verbindungen im Abfahrtsfenster, die keine spätere schlägt; RAPTOR). ` +
        `Wo der Fahrplan keinen Halt in Gehweite hat, und für andere Verkehrsmittel: ${estimate.name} (${estimate.description})`,
      feed: loaded.attribution,
    };
  }

  async travelTimes(context: TravelContext, legs: TravelLeg[]): Promise<TravelTime[]> {
    const estimates = await this.fallback.travelTimes(context, legs);
    if (context.mode !== TravelMode.PUBLIC_TRANSPORT || legs.length === 0) return estimates;
    const loaded = await this.timetables.current();
    if (!loaded) return estimates;
    const window = context.window ?? DEFAULT_DEPARTURE_WINDOW;
    const answers = loaded.router.journeys(context.origin, legs.map((l) => l.destination), window);
    const feed = loaded.attribution;
    return answers.map((answer, i): TravelTime => {
      if (answer.kind !== 'timetable') {
        return { ...estimates[i], basis: { kind: 'estimate', note: answer.kind, feed } };
      }
      const basis = { kind: 'timetable' as const, feed, connections: answer.connections.length, window, serviceDate: answer.serviceDate === null ? null : isoDay(answer.serviceDate) };
      const walk = walkMinutes(legs[i].distanceMeters);
      if (answer.typicalSeconds === null || walk <= answer.typicalSeconds / 60) return { minutes: walk, mode: TravelMode.WALK, basis };
      return { minutes: answer.typicalSeconds / 60, mode: TravelMode.PUBLIC_TRANSPORT, basis };
    });
  }

  /** The estimate's reach, or what the feed's fastest vehicle covers in the time, whichever is larger. */
  async reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): Promise<number> {
    const estimate = await this.fallback.reachMeters(context, minutes);
    if (context.mode !== TravelMode.PUBLIC_TRANSPORT) return estimate;
    const loaded = await this.timetables.current();
    if (!loaded) return estimate;
    const vehicle = loaded.router.timetable.maxSpeed * minutes * 60;
    const walking = (minutes * 60) / TRANSIT_PARAMETERS.walkSecondsPerMeter;
    return Math.ceil(Math.max(estimate, vehicle, walking));
  }
}

const isoDay = (yyyymmdd: number) => `${Math.floor(yyyymmdd / 10000)}-${String(Math.floor(yyyymmdd / 100) % 100).padStart(2, '0')}-${String(yyyymmdd % 100).padStart(2, '0')}`;
