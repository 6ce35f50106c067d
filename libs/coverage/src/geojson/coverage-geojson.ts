import { MunicipalityCoverage } from '../coverage.types';

export interface GeoJsonFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'MultiPolygon' | 'Polygon'; coordinates: unknown };
  properties: Record<string, string | number | boolean | null>;
}

export interface CoverageFeatureCollection {
  type: 'FeatureCollection';
  /** foreign member (RFC 7946 §6.1): how the figures were made */
  lotse: Record<string, unknown>;
  features: GeoJsonFeature[];
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * Flat properties, one column per need and figure (`addiction_minutes`, `addiction_covered`, …):
 * GIS tools (QGIS, ArcGIS) show flat attributes as table columns but not nested objects.
 */
export function coverageProperties(m: MunicipalityCoverage, referenceDate: string | null): GeoJsonFeature['properties'] {
  const properties: GeoJsonFeature['properties'] = {
    ags: m.ags,
    name: m.name,
    district_ags: m.districtAgs,
    district_name: m.districtName,
    rural: m.rural,
    population: m.population,
    population_reference_date: m.population === null ? null : referenceDate,
    origin_lat: round(m.representativePoint.latitude, 6),
    origin_lon: round(m.representativePoint.longitude, 6),
    measuring_points: m.measuringPoints.length,
    needs_covered: m.coveredNeeds,
    needs_requested: m.needs.length,
  };
  for (const n of m.needs) {
    properties[`${n.need}_covered`] = n.covered;
    properties[`${n.need}_covered_share`] = round(n.coveredShare, 4);
    properties[`${n.need}_travel_basis`] = n.nearest ? n.nearest.travelBasis.kind : null;
    properties[`${n.need}_minutes`] = n.nearest ? round(n.nearest.travelMinutes, 1) : null;
    properties[`${n.need}_distance_m`] = n.nearest ? Math.round(n.nearest.distanceMeters) : null;
    properties[`${n.need}_partners_within`] = n.partnersWithinThreshold;
    properties[`${n.need}_services_within`] = n.servicesWithinThreshold;
    properties[`${n.need}_nearest_service`] = n.nearest?.serviceName ?? null;
    properties[`${n.need}_nearest_organization`] = n.nearest?.organizationName ?? null;
    properties[`${n.need}_nearest_town`] = n.nearest?.town ?? null;
    properties[`${n.need}_population_covered`] = n.populationCovered;
    properties[`${n.need}_population_uncovered`] = n.populationUncovered;
  }
  return properties;
}

export function coverageFeatureCollection(
  municipalities: MunicipalityCoverage[],
  geometries: Map<string, string>,
  metadata: Record<string, unknown> & { populationReferenceDate: string | null },
): CoverageFeatureCollection {
  return {
    type: 'FeatureCollection',
    lotse: metadata,
    features: municipalities.map((m) => ({
      type: 'Feature',
      id: m.ags,
      geometry: JSON.parse(geometries.get(m.ags) ?? 'null'),
      properties: coverageProperties(m, metadata.populationReferenceDate),
    })),
  };
}
