import { DepartureWindow, FeedAttribution, TravelMode, TravelTime } from '../travel-time.port';

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

const WEEKDAY_ADVERB = ['', 'montags', 'dienstags', 'mittwochs', 'donnerstags', 'freitags', 'samstags', 'sonntags'];

/** "1,5" — German decimal comma, one decimal (toLocaleString costs an ICU call per sentence). */
export function formatKilometers(meters: number): string {
  const tenths = Math.round(meters / 100);
  return `${String(Math.floor(tenths / 10)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${tenths % 10}`;
}

/** "7", "7:30", "24" — a clock time the way people say it. */
function clock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}:${String(m).padStart(2, '0')}` : String(h);
}

/** "dienstags zwischen 7 und 9 Uhr" */
export function windowPhrase(window: DepartureWindow): string {
  return `${WEEKDAY_ADVERB[window.weekday]} zwischen ${clock(window.fromMinutes)} und ${clock(window.toMinutes)} Uhr`;
}

/** "4 Verbindungen dienstags zwischen 7 und 9 Uhr" */
export function connectionsPhrase(connections: number, window: DepartureWindow): string {
  const count = connections === 0 ? 'keine Verbindung' : connections === 1 ? '1 Verbindung' : `${connections} Verbindungen`;
  return `${count} ${windowPhrase(window)}`;
}

/** "05.01.2026" from "2026-01-05" */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** "Fahrplan VVO, Stand 05.01.2026" — Stand is the first day the feed is valid for. */
export function feedPhrase(feed: FeedAttribution): string {
  return `Fahrplan ${feed.name}, Stand ${germanDate(feed.validFrom)}`;
}

/**
 * A target's trip in one sentence, and the nearest one beyond the limit:
 *
 * - estimated: "ca. 18 Min. mit Bus/Bahn (geschätzt), 7,4 km Luftlinie"
 * - from a timetable: "ca. 34 Min. mit Bus/Bahn (Fahrplan VVO, Stand 05.01.2026), 4 Verbindungen
 *   dienstags zwischen 7 und 9 Uhr, 13,0 km Luftlinie"
 * - walked because it is quicker: "ca. 13 Min. zu Fuß (schneller als Bus/Bahn nach Fahrplan VVO), 1,0 km Luftlinie"
 * - no connection in the window: "keine Verbindung mit Bus/Bahn dienstags zwischen 7 und 9 Uhr
 *   (Fahrplan VVO, Stand 05.01.2026); zu Fuß ca. 95 Min., 7,6 km Luftlinie"
 * - estimated where the timetable has no stop nearby: "ca. 40 Min. mit Bus/Bahn (geschätzt: im
 *   Fahrplan VVO kein Halt in Gehweite des Ziels), 13,0 km Luftlinie"
 */
export function tripPhrase(time: TravelTime, distanceMeters: number): string {
  const minutes = `ca. ${Math.max(1, Math.round(time.minutes))} Min.`;
  const line = `${formatKilometers(distanceMeters)} km Luftlinie`;
  const basis = time.basis;
  if (basis.kind === 'estimate') {
    const why =
      basis.note && basis.feed
        ? `: im Fahrplan ${basis.feed.name} kein Halt in Gehweite ${basis.note === 'no-stop-near-origin' ? 'des Startpunkts' : 'des Ziels'}`
        : '';
    return `${minutes} ${MODE_PHRASE[time.mode]} (geschätzt${why}), ${line}`;
  }
  if (basis.connections === 0) {
    return `keine Verbindung mit Bus/Bahn ${windowPhrase(basis.window)} (${feedPhrase(basis.feed)}); zu Fuß ${minutes}, ${line}`;
  }
  if (time.mode === TravelMode.WALK) return `${minutes} zu Fuß (schneller als Bus/Bahn nach Fahrplan ${basis.feed.name}), ${line}`;
  return `${minutes} ${MODE_PHRASE[time.mode]} (${feedPhrase(basis.feed)}), ${connectionsPhrase(basis.connections, basis.window)}, ${line}`;
}
