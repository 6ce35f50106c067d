import { TravelMode } from '../travel-time.port';

/** How a trip goes, as part of a sentence: "ca. 18 Min. mit Bus/Bahn". */
export const MODE_PHRASE: Record<TravelMode, string> = {
  [TravelMode.PUBLIC_TRANSPORT]: 'mit Bus/Bahn',
  [TravelMode.CAR]: 'mit dem Auto',
  [TravelMode.BICYCLE]: 'mit dem Fahrrad',
  [TravelMode.WALK]: 'zu Fuß',
};

/** The mode's name after "mit" in titles and legends: "Fahrzeit … mit Bus und Bahn". */
export const MODE_NAME: Record<TravelMode, string> = {
  [TravelMode.PUBLIC_TRANSPORT]: 'Bus und Bahn',
  [TravelMode.CAR]: 'Auto',
  [TravelMode.BICYCLE]: 'Fahrrad',
  [TravelMode.WALK]: 'zu Fuß',
};

/** "1,5" — German decimal comma, one decimal (toLocaleString costs an ICU call per sentence). */
export function formatKilometers(meters: number): string {
  const tenths = Math.round(meters / 100);
  return `${String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${tenths % 10}`;
}

export interface TripWording {
  minutes: number;
  /** how the trip goes: the requested mode, or walking where that is faster */
  mode: TravelMode;
  /** the times are estimates: said in brackets */
  estimated: boolean;
  /** straight line, metres */
  distanceMeters: number;
}

/** "ca. 18 Min. mit Bus/Bahn (geschätzt), 7,4 km Luftlinie": a target's trip, and the nearest one beyond the limit. */
export function tripPhrase(trip: TripWording): string {
  return `ca. ${Math.max(1, Math.round(trip.minutes))} Min. ${MODE_PHRASE[trip.mode]}${trip.estimated ? ' (geschätzt)' : ''}, ${formatKilometers(trip.distanceMeters)} km Luftlinie`;
}
