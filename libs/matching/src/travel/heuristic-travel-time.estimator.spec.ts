import { estimateMinutes, HeuristicTravelTimeEstimator } from './heuristic-travel-time.estimator';
import { TravelMode } from './travel-time.port';

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

  it('walks short public-transport trips', () => {
    expect(estimateMinutes(TravelMode.PUBLIC_TRANSPORT, true, 300)).toBe(estimateMinutes(TravelMode.WALK, true, 300));
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
      const reach = estimator.reachMeters({ mode, rural: true }, minutes);
      expect(estimateMinutes(mode, true, reach - 2)).toBeLessThanOrEqual(minutes);
      expect(estimateMinutes(mode, true, reach + 1)).toBeGreaterThan(minutes);
    }
  });
});
