/** How the participant gets there. */
export enum TravelMode {
  PUBLIC_TRANSPORT = 'public_transport',
  CAR = 'car',
  BICYCLE = 'bicycle',
  WALK = 'walk',
}

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** When the participant leaves: an ISO weekday (1 Monday … 7 Sunday) and a time window in minutes after midnight. */
export interface DepartureWindow {
  weekday: number;
  fromMinutes: number;
  toMinutes: number;
}

/** Tuesday 07:00–09:00: an ordinary working day's morning, when appointments start. */
export const DEFAULT_DEPARTURE_WINDOW: DepartureWindow = Object.freeze({ weekday: 2, fromMinutes: 7 * 60, toMinutes: 9 * 60 });

export interface TravelLeg {
  /** straight-line (spheroid) distance in metres */
  distanceMeters: number;
  destination: LatLon;
}

/** A timetable's credits: shown with every answer it gave ("Fahrplan VVO, Stand 05.01.2026") and on maps. */
export interface FeedAttribution {
  name: string;
  publisherName: string | null;
  publisherUrl: string | null;
  licence: string | null;
  licenceUrl: string | null;
  feedVersion: string | null;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
  importedAt: string;
  /** one line for maps and reports, e.g. "Fahrplan: VVO (Verkehrsverbund Oberelbe), gültig 05.01.–29.03.2026, CC BY 4.0" */
  text: string;
}

/** Why an estimate answered although a timetable is loaded. */
export type EstimateNote = 'no-stop-near-origin' | 'no-stop-near-target';

/** How a trip's minutes were found. */
export type TravelBasis =
  | { kind: 'estimate'; note?: EstimateNote; feed?: FeedAttribution }
  | {
      kind: 'timetable';
      feed: FeedAttribution;
      /** Pareto-optimal connections leaving in the window; 0: not reachable by public transport then */
      connections: number;
      window: DepartureWindow;
      /** the service day that stood for the weekday, YYYY-MM-DD; null when the feed runs on no such day */
      serviceDate: string | null;
    };

/** One leg's answer. */
export interface TravelTime {
  /** door to door; for public transport from a timetable, the typical journey of the window */
  minutes: number;
  /**
   * How the trip goes: the requested mode, or walking when that is faster (a public-transport trip
   * of a few hundred metres is walked, and the participant should be told so) or the only way
   * (no connection in the window).
   */
  mode: TravelMode;
  basis: TravelBasis;
}

export interface TravelContext {
  origin: LatLon;
  mode: TravelMode;
  /** rural districts have sparser public transport and faster roads */
  rural: boolean;
  /** public transport: when the participant leaves; DEFAULT_DEPARTURE_WINDOW when absent */
  window?: DepartureWindow;
}

/** What answers, for clients and coaches: every response names it. */
export interface TravelEstimatorInfo {
  name: string;
  /** true when no timetable answers: every time is an estimate */
  estimated: boolean;
  description: string;
  /** the loaded timetable, when one answers public-transport trips */
  feed: FeedAttribution | null;
}

/**
 * The routing port. Adapters: a calibrated estimate from straight-line distance and railway
 * stations, and a transit router over an imported GTFS feed that falls back to the estimate where
 * the feed cannot answer. `describe()` tells clients what answered — Lotse says so to coaches.
 */
export interface TravelTimeEstimator {
  describe(): Promise<TravelEstimatorInfo>;
  /** an answer for each leg, in order */
  travelTimes(context: TravelContext, legs: TravelLeg[]): Promise<TravelTime[]>;
  /**
   * The largest straight-line distance that can be within `minutes`: bounds the candidate search.
   * An upper bound — a leg within it may still take longer.
   */
  reachMeters(context: Omit<TravelContext, 'origin'>, minutes: number): Promise<number>;
}

export const TRAVEL_TIME_ESTIMATOR = Symbol('TRAVEL_TIME_ESTIMATOR');

/** An answer's minutes come from an estimate (said to the coach as "geschätzt"). */
export function isEstimate(time: TravelTime): boolean {
  return time.basis.kind === 'estimate';
}
