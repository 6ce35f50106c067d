import { MunicipalityMerger } from './municipality-mergers';
import { PopulationRow } from './population-csv';

/** A polygon of the loaded boundaries, with its area (the weight for splitting a merged population). */
export interface BoundaryUnit {
  ags: string;
  areaSquareMeters: number;
}

export interface UnitPopulation {
  /** the boundary polygon's key */
  ags: string;
  population: number;
  /** the source row it came from (differs from `ags` when a merged municipality was split) */
  sourceAgs: string;
  /** this polygon's share of the source row's population (1 unless split) */
  areaShare: number;
}

export interface Apportionment {
  units: UnitPopulation[];
  /** source rows that match no polygon, directly or through the crosswalk: their people are lost */
  unmatched: PopulationRow[];
  /** polygons that received no population */
  unitsWithoutPopulation: string[];
}

/**
 * Maps a population table of any year onto the boundary polygons (VG250 2016).
 *
 * A source row for key K goes to the polygons that make up K in the source's year:
 * the polygon K itself if there is one, plus every polygon the crosswalk merges into K — unless the
 * source still lists that polygon on its own (then the source predates the merger, and the polygon
 * keeps its own row). When K consists of several polygons, its population is split over them in
 * proportion to their area, in whole people (largest remainder), so the parts add up exactly to the
 * source row. Every merger stays within its district, so district totals equal the source's.
 *
 * Area weighting assumes people spread evenly over a merged municipality — wrong in detail (Aue is
 * denser than Bad Schlema) but unbiased for district sums; it touches 8 of 426 polygons in Saxony.
 */
export function apportionPopulation(rows: PopulationRow[], units: BoundaryUnit[], mergers: readonly MunicipalityMerger[]): Apportionment {
  const sourceKeys = new Set(rows.map((r) => r.ags));
  const unitByAgs = new Map(units.map((u) => [u.ags, u]));
  const mergedInto = new Map<string, string[]>();
  for (const m of mergers) {
    if (!unitByAgs.has(m.ags2016)) continue;
    mergedInto.set(m.agsCurrent, [...(mergedInto.get(m.agsCurrent) ?? []), m.ags2016]);
  }

  const result: UnitPopulation[] = [];
  const unmatched: PopulationRow[] = [];
  for (const row of rows) {
    const parts = [
      ...(unitByAgs.has(row.ags) ? [unitByAgs.get(row.ags)!] : []),
      ...(mergedInto.get(row.ags) ?? []).filter((ags) => ags !== row.ags && !sourceKeys.has(ags)).map((ags) => unitByAgs.get(ags)!),
    ];
    if (parts.length === 0) {
      unmatched.push(row);
      continue;
    }
    const shares = splitByArea(row.population, parts);
    parts.forEach((part, i) => result.push({ ags: part.ags, population: shares[i].population, sourceAgs: row.ags, areaShare: shares[i].share }));
  }

  // A polygon could be claimed twice only by a crosswalk that contradicts the source; keep the direct row.
  const byAgs = new Map<string, UnitPopulation>();
  for (const u of result) {
    const existing = byAgs.get(u.ags);
    if (!existing || (u.sourceAgs === u.ags && existing.sourceAgs !== existing.ags)) byAgs.set(u.ags, u);
  }
  const assigned = [...byAgs.values()].sort((a, b) => a.ags.localeCompare(b.ags));
  return {
    units: assigned,
    unmatched,
    unitsWithoutPopulation: units.map((u) => u.ags).filter((ags) => !byAgs.has(ags)).sort(),
  };
}

/** Whole-number split proportional to area; the parts sum exactly to `population`. */
export function splitByArea(population: number, parts: BoundaryUnit[]): { population: number; share: number }[] {
  if (parts.length === 1) return [{ population, share: 1 }];
  const total = parts.reduce((sum, p) => sum + Math.max(p.areaSquareMeters, 0), 0);
  const shares = parts.map((p) => (total > 0 ? Math.max(p.areaSquareMeters, 0) / total : 1 / parts.length));
  const exact = shares.map((s) => s * population);
  const floors = exact.map(Math.floor);
  let remainder = population - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, fraction: e - floors[i] })).sort((a, b) => b.fraction - a.fraction || parts[a.i].ags.localeCompare(parts[b.i].ags));
  for (const { i } of order) {
    if (remainder <= 0) break;
    floors[i]++;
    remainder--;
  }
  return floors.map((p, i) => ({ population: p, share: shares[i] }));
}
