import {
  CoverageFigures,
  CoverageGap,
  CoverageUnit,
  DistrictCoverage,
  MunicipalityCoverage,
  MunicipalityNeedCoverage,
  NearestPartner,
  PointCoverage,
} from './coverage.types';
import { MeasuringPoint } from './measuring-points';

/** One measuring point's result for one need: the quickest listing and who is within the threshold. */
export interface PointResult {
  nearest: NearestPartner | null;
  /** organisations and services with a listing within the threshold from this point */
  organizationsWithin: ReadonlySet<string>;
  servicesWithin: ReadonlySet<string>;
}

/** The point that stands for the most people (the first of equals: the main settlement comes first). */
export function mainPoint(points: readonly MeasuringPoint[]): MeasuringPoint {
  return points.reduce((best, p) => (p.weight > best.weight ? p : best), points[0]);
}

/**
 * Joins the municipalities with the per-point results. A point is covered when its quickest listing
 * is within the threshold; a municipality's people are covered point by point (each point's people),
 * and the municipality counts as covered when most of them are (by weight). Nearest partner and the
 * partners within the threshold are those of its main point.
 */
export function municipalityCoverage(
  units: CoverageUnit[],
  points: Map<string, MeasuringPoint[]>,
  needs: string[],
  results: Map<string, Map<string, PointResult>>,
  thresholdMinutes: number,
): MunicipalityCoverage[] {
  return units.map((unit) => {
    const measuring = points.get(unit.ags)!;
    const main = mainPoint(measuring);
    const perNeed: MunicipalityNeedCoverage[] = needs.map((need) => {
      const byPoint = results.get(need);
      const pointCoverage: PointCoverage[] = measuring.map((point) => {
        const nearest = byPoint?.get(point.id)?.nearest ?? null;
        return { point, nearest, covered: nearest !== null && nearest.travelMinutes <= thresholdMinutes };
      });
      const totalWeight = measuring.reduce((s, p) => s + p.weight, 0);
      const coveredWeight = pointCoverage.reduce((s, c) => s + (c.covered ? c.point.weight : 0), 0);
      const mainResult = byPoint?.get(main.id);
      const coveredShare = totalWeight > 0 ? coveredWeight / totalWeight : pointCoverage[measuring.indexOf(main)].covered ? 1 : 0;
      const populationCovered = unit.population === null ? null : pointCoverage.reduce((s, c) => s + (c.covered ? c.point.people ?? 0 : 0), 0);
      return {
        need,
        covered: coveredShare >= 0.5,
        coveredShare,
        partnersWithinThreshold: mainResult?.organizationsWithin.size ?? 0,
        servicesWithinThreshold: mainResult?.servicesWithin.size ?? 0,
        nearest: mainResult?.nearest ?? null,
        populationCovered,
        populationUncovered: unit.population === null || populationCovered === null ? null : unit.population - populationCovered,
        points: pointCoverage,
      };
    });
    return {
      ags: unit.ags,
      name: unit.name,
      districtAgs: unit.districtAgs,
      districtName: unit.districtName,
      rural: unit.rural,
      population: unit.population,
      representativePoint: { latitude: unit.latitude, longitude: unit.longitude },
      measuringPoints: measuring,
      needs: perNeed,
      coveredNeeds: perNeed.filter((n) => n.covered).length,
    };
  });
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Figures of one need over a set of municipalities; population sums are exact integers. */
export function figures(need: string, municipalities: MunicipalityCoverage[]): CoverageFigures {
  const entries = municipalities.map((m) => ({ m, n: m.needs.find((x) => x.need === need)! }));
  const complete = municipalities.every((m) => m.population !== null);
  const sum = (f: (e: (typeof entries)[number]) => number | null) => (complete ? entries.reduce((s, e) => s + (f(e) ?? 0), 0) : null);
  const population = sum((e) => e.m.population);
  const populationCovered = sum((e) => e.n.populationCovered);
  const minutes = entries.filter((e) => e.n.nearest).map((e) => e.n.nearest!.travelMinutes);
  const covered = entries.filter((e) => e.n.covered).length;
  return {
    need,
    municipalities: entries.length,
    coveredMunicipalities: covered,
    uncoveredMunicipalities: entries.length - covered,
    municipalitiesWithoutPartner: entries.filter((e) => !e.n.nearest).length,
    population,
    populationCovered,
    populationUncovered: sum((e) => e.n.populationUncovered),
    coveredPopulationShare: population && populationCovered !== null ? populationCovered / population : null,
    medianNearestMinutes: median(minutes),
    maxNearestMinutes: minutes.length ? Math.max(...minutes) : null,
  };
}

export function districtRollUp(municipalities: MunicipalityCoverage[], needs: string[]): DistrictCoverage[] {
  const byDistrict = new Map<string, MunicipalityCoverage[]>();
  for (const m of municipalities) byDistrict.set(m.districtAgs, [...(byDistrict.get(m.districtAgs) ?? []), m]);
  return [...byDistrict.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ags, members]) => {
      const withoutPopulation = members.filter((m) => m.population === null).length;
      return {
        ags,
        name: members[0].districtName,
        rural: members[0].rural,
        municipalityCount: members.length,
        population: withoutPopulation ? null : members.reduce((s, m) => s + (m.population ?? 0), 0),
        municipalitiesWithoutPopulation: withoutPopulation,
        needs: needs.map((need) => figures(need, members)),
      };
    });
}

/**
 * Every (municipality, need) with people not covered — an uncovered municipality, and a covered one
 * whose outlying localities are not — most uncovered people first; without population figures,
 * every uncovered municipality, the longest travel first (no partner at all before any time); then
 * by AGS and need order.
 */
export function gapList(municipalities: MunicipalityCoverage[], needs: string[]): CoverageGap[] {
  const gaps: (CoverageGap & { needIndex: number })[] = [];
  for (const m of municipalities) {
    m.needs.forEach((n) => {
      if (n.populationUncovered !== null ? n.populationUncovered === 0 : n.covered) return;
      gaps.push({
        need: n.need,
        needIndex: needs.indexOf(n.need),
        municipalityAgs: m.ags,
        municipalityName: m.name,
        districtAgs: m.districtAgs,
        districtName: m.districtName,
        population: m.population,
        populationUncovered: n.populationUncovered,
        covered: n.covered,
        nearest: n.nearest,
      });
    });
  }
  const minutes = (g: CoverageGap) => g.nearest?.travelMinutes ?? Infinity;
  gaps.sort(
    (a, b) =>
      (b.populationUncovered ?? -1) - (a.populationUncovered ?? -1) ||
      (minutes(b) === minutes(a) ? 0 : minutes(b) > minutes(a) ? 1 : -1) ||
      a.municipalityAgs.localeCompare(b.municipalityAgs) ||
      a.needIndex - b.needIndex,
  );
  return gaps.map(({ needIndex: _, ...gap }) => gap);
}
