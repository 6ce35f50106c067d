import {
  CoverageFigures,
  CoverageGap,
  CoverageUnit,
  DistrictCoverage,
  MunicipalityCoverage,
  MunicipalityNeedCoverage,
  NearestPartner,
  NearestRow,
} from './coverage.types';

/** A repository row with the estimator's minutes for its nearest listing. */
export type TimedNearestRow = NearestRow & { travelMinutes: number | null };

function nearestOf(row: TimedNearestRow | undefined): NearestPartner | null {
  if (!row || row.serviceId === null || row.distanceMeters === null || row.travelMinutes === null) return null;
  return {
    serviceId: row.serviceId,
    serviceName: row.serviceName ?? '',
    organizationId: row.organizationId ?? '',
    organizationName: row.organizationName ?? '',
    fictitious: row.fictitious ?? false,
    locationId: row.locationId ?? '',
    town: row.town ?? '',
    latitude: row.latitude ?? 0,
    longitude: row.longitude ?? 0,
    distanceMeters: row.distanceMeters,
    travelMinutes: row.travelMinutes,
  };
}

/**
 * Joins the municipalities with the per-need rows. "Covered" means a listing of the need lies within
 * the reach radius of the threshold (≡ estimated minutes ≤ threshold, the estimator being monotone);
 * a covered municipality counts all its people as covered, an uncovered one all as uncovered.
 */
export function municipalityCoverage(units: CoverageUnit[], needs: string[], rowsByNeed: Map<string, TimedNearestRow[]>): MunicipalityCoverage[] {
  const indexed = new Map([...rowsByNeed].map(([need, rows]) => [need, new Map(rows.map((r) => [r.ags, r]))]));
  return units.map((unit) => {
    const perNeed: MunicipalityNeedCoverage[] = needs.map((need) => {
      const row = indexed.get(need)?.get(unit.ags);
      const covered = (row?.servicesWithin ?? 0) > 0;
      return {
        need,
        covered,
        partnersWithinThreshold: row?.partnersWithin ?? 0,
        servicesWithinThreshold: row?.servicesWithin ?? 0,
        nearest: nearestOf(row),
        populationCovered: unit.population === null ? null : covered ? unit.population : 0,
        populationUncovered: unit.population === null ? null : covered ? 0 : unit.population,
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
 * Every uncovered (municipality, need): most uncovered people first; without population figures,
 * the longest travel first (no partner at all before any time); then by AGS and need order.
 */
export function gapList(municipalities: MunicipalityCoverage[], needs: string[]): CoverageGap[] {
  const gaps: (CoverageGap & { needIndex: number })[] = [];
  for (const m of municipalities) {
    m.needs.forEach((n) => {
      if (n.covered) return;
      gaps.push({
        need: n.need,
        needIndex: needs.indexOf(n.need),
        municipalityAgs: m.ags,
        municipalityName: m.name,
        districtAgs: m.districtAgs,
        districtName: m.districtName,
        population: m.population,
        populationUncovered: n.populationUncovered,
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
