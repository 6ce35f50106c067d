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
  /** minutes for each leg, in order */
  travelMinutes(context: TravelContext, legs: TravelLeg[]): Promise<number[]>;
  /** the largest straight-line distance that can be within `minutes`: bounds the candidate search */
  reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): number;
}

export const TRAVEL_TIME_ESTIMATOR = Symbol('TRAVEL_TIME_ESTIMATOR');
