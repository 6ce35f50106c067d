/** How the participant gets there. */
export enum TravelMode {
  PUBLIC_TRANSPORT = 'public_transport',
  CAR = 'car',
  BICYCLE = 'bicycle',
  WALK = 'walk',
}

export interface TravelLeg {
  /** straight-line (spheroid) distance in metres */
  distanceMeters: number;
  destination: { latitude: number; longitude: number };
}

/** One leg's estimate. */
export interface TravelTime {
  minutes: number;
  /**
   * How the trip goes: the requested mode, or walking when that is faster (a public-transport trip
   * of a few hundred metres is walked, and the participant should be told so).
   */
  mode: TravelMode;
}

export interface TravelContext {
  origin: { latitude: number; longitude: number };
  mode: TravelMode;
  /** rural districts have sparser public transport and faster roads */
  rural: boolean;
}

/**
 * The routing port. The default adapter estimates from straight-line distance; a routing engine
 * (e.g. OSRM's table API) can replace it by configuration. `estimated` tells clients whether
 * times are estimates — Lotse says so to coaches.
 */
export interface TravelTimeEstimator {
  readonly name: string;
  readonly estimated: boolean;
  readonly description: string;
  /** an estimate for each leg, in order */
  travelTimes(context: TravelContext, legs: TravelLeg[]): Promise<TravelTime[]>;
  /** the largest straight-line distance that can be within `minutes`: bounds the candidate search */
  reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): number;
}

export const TRAVEL_TIME_ESTIMATOR = Symbol('TRAVEL_TIME_ESTIMATOR');
