import { estimateMinutes, HeuristicTravelTimeEstimator } from './heuristic-travel-time.estimator';
import { TravelMode } from '../travel-time.port';

describe('heuristic travel-time estimator', () => {
  const estimator = new HeuristicTravelTimeEstimator();

  it('follows the documented formula', () => {
    expect(estimateMinutes(TravelMode.WALK, false, 4500)).toBeCloseTo((4.5 * 1.25 / 4.5) * 60, 9);
    expect(estimateMinutes(TravelMode.BICYCLE, true, 15000)).toBeCloseTo(2 + 1.25 * 60, 9);
    expect(estimateMinutes(TravelMode.CAR, true, 10000)).toBeCloseTo(5 + (13 / 50) * 60, 9);
    // 20 km rural by bus: 27 road km, 2 transfers
    expect(estimateMinutes(TravelMode.PUBLIC_TRANSPORT, true, 20000)).toBeCloseTo(14 + 20 + (27 / 30) * 60 + 2 * 10, 9);
  });

  it('is slower by public transport in rural districts than in cities for the same distance', () => {
    expect(estimateMinutes(TravelMode.PUBLIC_TRANSPORT, true, 5000)).toBeGreaterThan(estimateMinutes(TravelMode.PUBLIC_TRANSPORT, false, 5000));
  });

  it('walks short public-transport trips, and says so', async () => {
    expect(estimateMinutes(TravelMode.PUBLIC_TRANSPORT, true, 300)).toBe(estimateMinutes(TravelMode.WALK, true, 300));
    const origin = { latitude: 51.16, longitude: 13.47 };
    const legs = [300, 1500, 3000, 20_000].map((distanceMeters) => ({ distanceMeters, destination: origin }));
    const rural = await estimator.travelTimes({ origin, mode: TravelMode.PUBLIC_TRANSPORT, rural: true }, legs);
    // rural: 34 min to wait and walk to a stop; walking (16.7 min/km) wins up to ≈ 2.4 km
    expect(rural.map((t) => t.mode)).toEqual([TravelMode.WALK, TravelMode.WALK, TravelMode.PUBLIC_TRANSPORT, TravelMode.PUBLIC_TRANSPORT]);
    expect(rural.map((t) => t.minutes)).toEqual(legs.map((l) => estimateMinutes(TravelMode.PUBLIC_TRANSPORT, true, l.distanceMeters)));
    // other modes are never swapped for walking
    for (const mode of [TravelMode.CAR, TravelMode.BICYCLE, TravelMode.WALK]) {
      expect((await estimator.travelTimes({ origin, mode, rural: false }, legs)).every((t) => t.mode === mode)).toBe(true);
    }
  });

  it.each(Object.values(TravelMode))('is monotone in distance for %s', (mode) => {
    for (const rural of [true, false]) {
      let previous = -1;
      for (let d = 0; d <= 100_000; d += 250) {
        const minutes = estimateMinutes(mode, rural, d);
        expect(minutes).toBeGreaterThanOrEqual(previous);
        previous = minutes;
      }
    }
  });

  it.each([15, 30, 45, 90])('computes the reach radius of %i minutes exactly (to the metre)', (minutes) => {
    for (const mode of Object.values(TravelMode)) {
      const reach = estimator.reachMetersSync({ mode, rural: true }, minutes);
      expect(estimateMinutes(mode, true, reach - 2)).toBeLessThanOrEqual(minutes);
      expect(estimateMinutes(mode, true, reach + 1)).toBeGreaterThan(minutes);
    }
  });
});
