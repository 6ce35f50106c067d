import { DEFAULT_DEPARTURE_WINDOW, FeedAttribution, TravelMode, TravelTime } from '../travel-time.port';
import { connectionsPhrase, formatKilometers, tripPhrase, windowPhrase } from './trip-wording';

const FEED: FeedAttribution = {
  name: 'VVO',
  publisherName: 'Verkehrsverbund Oberelbe',
  publisherUrl: null,
  licence: 'CC BY 4.0',
  licenceUrl: null,
  feedVersion: null,
  validFrom: '2026-01-05',
  validTo: '2026-03-29',
  importedAt: '2026-01-04T10:00:00.000Z',
  text: '',
};
const estimate = (minutes: number, mode = TravelMode.PUBLIC_TRANSPORT): TravelTime => ({ minutes, mode, basis: { kind: 'estimate' } });
const timetable = (minutes: number, connections: number, mode = TravelMode.PUBLIC_TRANSPORT): TravelTime => ({
  minutes,
  mode,
  basis: { kind: 'timetable', feed: FEED, connections, window: DEFAULT_DEPARTURE_WINDOW, serviceDate: '2026-01-13' },
});

describe('trip wording', () => {
  it('says minutes, mode, that it is an estimate and the straight line', () => {
    expect(tripPhrase(estimate(17.6), 7420)).toBe('ca. 18 Min. mit Bus/Bahn (geschätzt), 7,4 km Luftlinie');
    expect(tripPhrase(estimate(0.2, TravelMode.WALK), 10)).toBe('ca. 1 Min. zu Fuß (geschätzt), 0,0 km Luftlinie');
  });

  it('names the timetable and the connections of the window when a feed answered', () => {
    expect(tripPhrase(timetable(33.6, 4), 13_000)).toBe('ca. 34 Min. mit Bus/Bahn (Fahrplan VVO, Stand 05.01.2026), 4 Verbindungen dienstags zwischen 7 und 9 Uhr, 13,0 km Luftlinie');
    expect(tripPhrase(timetable(12.6, 3, TravelMode.WALK), 1000)).toBe('ca. 13 Min. zu Fuß (schneller als Bus/Bahn nach Fahrplan VVO), 1,0 km Luftlinie');
    expect(tripPhrase(timetable(95, 0, TravelMode.WALK), 7600)).toBe(
      'keine Verbindung mit Bus/Bahn dienstags zwischen 7 und 9 Uhr (Fahrplan VVO, Stand 05.01.2026); zu Fuß ca. 95 Min., 7,6 km Luftlinie',
    );
  });

  it('says why it estimated although a timetable is loaded', () => {
    const t: TravelTime = { minutes: 40, mode: TravelMode.PUBLIC_TRANSPORT, basis: { kind: 'estimate', note: 'no-stop-near-target', feed: FEED } };
    expect(tripPhrase(t, 13_000)).toBe('ca. 40 Min. mit Bus/Bahn (geschätzt: im Fahrplan VVO kein Halt in Gehweite des Ziels), 13,0 km Luftlinie');
  });

  it('words windows and counts', () => {
    expect(windowPhrase({ weekday: 6, fromMinutes: 450, toMinutes: 555 })).toBe('samstags zwischen 7:30 und 9:15 Uhr');
    expect(connectionsPhrase(1, DEFAULT_DEPARTURE_WINDOW)).toBe('1 Verbindung dienstags zwischen 7 und 9 Uhr');
  });

  it.each([[7420, '7,4'], [49, '0,0'], [950, '1,0'], [1234567, '1.234,6']])('writes %d m as "%s" the German way', (meters, km) => {
    expect(formatKilometers(meters)).toBe(km);
    expect(km).toBe((meters / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  });
});
