/** WGS 84 */
const A = 6_378_137;
const F = 1 / 298.257223563;
const RAD = Math.PI / 180;

/**
 * Distance in metres on the WGS 84 ellipsoid (Lambert's formula for long lines): within a metre of
 * PostGIS' `ST_Distance(geography, geography)` up to a few hundred kilometres, and a few metres
 * beyond. The matcher computes a candidate's distance here, from the coordinates it already has,
 * instead of asking the database for a spheroidal distance per row of every candidate search.
 */
export function geodesicMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  if (lat1 === lat2 && lon1 === lon2) return 0;
  // reduced latitudes, then the central angle between them on the sphere (haversine)
  const b1 = Math.atan((1 - F) * Math.tan(lat1 * RAD));
  const b2 = Math.atan((1 - F) * Math.tan(lat2 * RAD));
  const sinDb = Math.sin((b2 - b1) / 2);
  const sinDl = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = sinDb * sinDb + Math.cos(b1) * Math.cos(b2) * sinDl * sinDl;
  const sigma = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  if (sigma === 0) return 0;
  const p = (b1 + b2) / 2;
  const q = (b2 - b1) / 2;
  const sinP = Math.sin(p), cosP = Math.cos(p), sinQ = Math.sin(q), cosQ = Math.cos(q);
  const sinHalf = Math.sin(sigma / 2), cosHalf = Math.cos(sigma / 2);
  const x = ((sigma - Math.sin(sigma)) * sinP * sinP * cosQ * cosQ) / (cosHalf * cosHalf);
  const y = ((sigma + Math.sin(sigma)) * cosP * cosP * sinQ * sinQ) / (sinHalf * sinHalf);
  return A * (sigma - (F / 2) * (x + y));
}
