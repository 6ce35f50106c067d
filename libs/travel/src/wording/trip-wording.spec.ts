import { TravelMode } from '../travel-time.port';
import { formatKilometers, tripPhrase } from './trip-wording';

describe('trip wording', () => {
  it('says minutes, mode, whether estimated and the straight line', () => {
    expect(tripPhrase({ minutes: 17.6, mode: TravelMode.PUBLIC_TRANSPORT, estimated: true, distanceMeters: 7420 })).toBe('ca. 18 Min. mit Bus/Bahn (geschätzt), 7,4 km Luftlinie');
    expect(tripPhrase({ minutes: 0.2, mode: TravelMode.WALK, estimated: false, distanceMeters: 10 })).toBe('ca. 1 Min. zu Fuß, 0,0 km Luftlinie');
  });

  it.each([[7420, '7,4'], [49, '0,0'], [950, '1,0'], [1234567, '1.234,6']])('writes %d m as "%s" the German way', (meters, km) => {
    expect(formatKilometers(meters)).toBe(km);
    expect(km).toBe((meters / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  });
});
