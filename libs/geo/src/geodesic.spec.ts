import { geodesicMeters } from './geodesic';

// Reference: PostGIS 3.3 `ST_Distance(geography, geography)` (geodesic on WGS 84), rounded to cm.
const REFERENCE: [lat1: number, lon1: number, lat2: number, lon2: number, meters: number][] = [
  [51.05, 13.74, 51.0501, 13.7401, 13.15],
  [51.05, 13.74, 51.05, 13.88, 9817.11], // east-west, where a sphere is 0.3 % short
  [51.05, 13.74, 51.14, 13.74, 10012.51], // north-south
  [50.58, 13.0, 50.5, 13.07, 10189.16],
  [47.5, 10.0, 47.6, 10.0, 11118.16],
  [51.05, 13.74, 50.83, 12.92, 62616.94],
  [51.05, 13.74, 51.34, 12.37, 101053.83], // Dresden–Leipzig: the beyond-limit search's reach
  [51.05, 13.74, 52.52, 13.405, 165182.07],
  [51.05, 13.74, 48.14, 11.58, 359317.36],
];

describe('geodesicMeters', () => {
  it.each(REFERENCE)('(%p, %p) → (%p, %p) is %p m as PostGIS says, within a metre (a few beyond 150 km)', (lat1, lon1, lat2, lon2, meters) => {
    const d = geodesicMeters(lat1, lon1, lat2, lon2);
    expect(Math.abs(d - meters)).toBeLessThan(meters < 150_000 ? 1 : 5);
    expect(geodesicMeters(lat2, lon2, lat1, lon1)).toBeCloseTo(d, 6);
  });

  it('is 0 between a point and itself', () => {
    expect(geodesicMeters(51.3, 14.9, 51.3, 14.9)).toBe(0);
  });
});
