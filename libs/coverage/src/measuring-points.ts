import { Place } from '@lotse/geo';

/**
 * A point a municipality's coverage is measured from, and how many of its people it stands for.
 *
 * - `place`: the municipality's main settlement or one of its localities, at the place table's
 *   point (GeoNames, via libs/geo), for the people GeoNames counts there;
 * - `remainder`: the rest of the municipality's people (villages GeoNames has no figure for, farms),
 *   at ST_PointOnSurface of the polygon — the point the whole municipality was measured from before.
 */
export interface MeasuringPoint {
  /** `<ags>:<place id>` or `<ags>:rest` */
  id: string;
  name: string;
  kind: 'place' | 'remainder';
  latitude: number;
  longitude: number;
  /** people it stands for, when the municipality's population is known (they add up to it exactly) */
  people: number | null;
  /** its share's weight: people, or GeoNames' figure when no population table is imported */
  weight: number;
}

export interface MeasuredUnit {
  ags: string;
  name: string;
  /** ST_PointOnSurface of the polygon */
  latitude: number;
  longitude: number;
  /** the imported (census) population; null when none is imported */
  population: number | null;
}

/**
 * The municipality's people over its places, weighted by population. With a population table, each
 * place with a GeoNames figure gets that many people and the remainder sits at the point on surface;
 * where GeoNames counts more than the table (its figures are older and round), the table's people
 * are split in proportion to GeoNames' figures, in whole people (largest remainder). Without a
 * population table the places weigh by GeoNames' figures and `people` is null. A municipality
 * without any place with a figure is measured from its point on surface alone.
 */
export function measuringPoints(unit: MeasuredUnit, places: readonly Place[]): MeasuringPoint[] {
  const counted = places.filter((p) => p.population !== null && p.population > 0);
  const remainder = (people: number | null, weight: number): MeasuringPoint => ({
    id: `${unit.ags}:rest`,
    name: `${unit.name} (übrige Einwohner)`,
    kind: 'remainder',
    latitude: unit.latitude,
    longitude: unit.longitude,
    people,
    weight,
  });
  const placePoint = (p: Place, people: number | null, weight: number): MeasuringPoint => ({
    id: `${unit.ags}:${p.id}`,
    name: p.name,
    kind: 'place',
    latitude: p.latitude,
    longitude: p.longitude,
    people,
    weight,
  });
  if (counted.length === 0) return [remainder(unit.population, unit.population ?? 1)];
  const listed = counted.reduce((s, p) => s + p.population!, 0);
  if (unit.population === null) return counted.map((p) => placePoint(p, null, p.population!));
  if (listed <= unit.population) {
    const points = counted.map((p) => placePoint(p, p.population!, p.population!));
    const rest = unit.population - listed;
    return rest > 0 ? [...points, remainder(rest, rest)] : points;
  }
  const shares = apportion(unit.population, counted.map((p) => p.population!));
  return counted.map((p, i) => placePoint(p, shares[i], shares[i])).filter((p) => p.weight > 0);
}

/** `total` split in proportion to `weights`, in integers that add up to `total` (largest remainder, ties to the first). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]++;
    left--;
  }
  return shares;
}
