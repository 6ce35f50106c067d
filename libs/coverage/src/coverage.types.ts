import { NeedTerm, ServiceCategory } from '@lotse/catalogue';
import { TravelMode } from '@lotse/travel';

/** What a coordinator asks: coverage of these needs, for this mode and time limit, in one district or all Saxony. */
export interface CoverageRequest {
  /** 5-digit AGS; all of Saxony when absent. Partners beyond the district still count. */
  districtAgs?: string;
  needs: string[];
  mode: TravelMode;
  thresholdMinutes: number;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** A municipality as the coverage query sees it (repository row). */
export interface CoverageUnit {
  ags: string;
  name: string;
  districtAgs: string;
  districtName: string;
  /** Landkreis (true) or kreisfreie Stadt (false): the estimator is slower by bus in rural districts */
  rural: boolean;
  /** ST_PointOnSurface of the polygon: every distance of the municipality is measured from here */
  latitude: number;
  longitude: number;
  /** people living there (imported table, mapped onto the polygons); null when none was imported */
  population: number | null;
}

/** The nearest visible listing of one need from one municipality, and how many lie within reach (repository row). */
export interface NearestRow {
  ags: string;
  serviceId: string | null;
  serviceName: string | null;
  organizationId: string | null;
  organizationName: string | null;
  fictitious: boolean | null;
  locationId: string | null;
  town: string | null;
  latitude: number | null;
  longitude: number | null;
  /** spheroid distance from the representative point */
  distanceMeters: number | null;
  /** distinct organisations with a listing of the need within the reach radius */
  partnersWithin: number;
  /** distinct services of the need within the reach radius */
  servicesWithin: number;
}

export interface NearestPartner {
  serviceId: string;
  serviceName: string;
  organizationId: string;
  organizationName: string;
  fictitious: boolean;
  locationId: string;
  town: string;
  latitude: number;
  longitude: number;
  distanceMeters: number;
  travelMinutes: number;
}

export interface MunicipalityNeedCoverage {
  need: string;
  /** a listing of the need lies within the threshold (estimated travel time) */
  covered: boolean;
  partnersWithinThreshold: number;
  servicesWithinThreshold: number;
  nearest: NearestPartner | null;
  populationCovered: number | null;
  populationUncovered: number | null;
}

export interface MunicipalityCoverage {
  ags: string;
  name: string;
  districtAgs: string;
  districtName: string;
  rural: boolean;
  population: number | null;
  representativePoint: GeoPoint;
  needs: MunicipalityNeedCoverage[];
  /** how many of the requested needs are covered */
  coveredNeeds: number;
}

/** Figures of one need over a set of municipalities (a district, or the whole scope). */
export interface CoverageFigures {
  need: string;
  municipalities: number;
  coveredMunicipalities: number;
  uncoveredMunicipalities: number;
  /** municipalities without any listing of the need anywhere (no nearest partner) */
  municipalitiesWithoutPartner: number;
  /** null unless every municipality in the set has a population */
  population: number | null;
  populationCovered: number | null;
  populationUncovered: number | null;
  /** populationCovered / population */
  coveredPopulationShare: number | null;
  medianNearestMinutes: number | null;
  maxNearestMinutes: number | null;
}

export interface DistrictCoverage {
  ags: string;
  name: string;
  rural: boolean;
  municipalityCount: number;
  /** sum over its municipalities; null unless every one has a population */
  population: number | null;
  municipalitiesWithoutPopulation: number;
  needs: CoverageFigures[];
}

export interface CoverageGap {
  need: string;
  municipalityAgs: string;
  municipalityName: string;
  districtAgs: string;
  districtName: string;
  population: number | null;
  populationUncovered: number | null;
  nearest: NearestPartner | null;
}

export interface CoverageMethod {
  estimatorName: string;
  estimated: boolean;
  estimatorDescription: string;
  /** straight-line radius that equals the threshold in a Landkreis / a kreisfreie Stadt */
  reachMetersRural: number;
  reachMetersUrban: number;
  origin: string;
}

export interface PopulationInfo {
  source: string;
  referenceDate: string;
  /** municipalities (polygons) that have a population */
  municipalities: number;
  total: number;
  importedAt: Date;
}

export interface NetworkCoverage {
  request: CoverageRequest;
  needs: NeedTerm[];
  method: CoverageMethod;
  population: PopulationInfo | null;
  municipalities: MunicipalityCoverage[];
  districts: DistrictCoverage[];
  /** per need over the whole scope */
  summary: CoverageFigures[];
  /** uncovered (municipality, need) pairs, most uncovered people first */
  gaps: CoverageGap[];
}

export interface NetworkSizeCell {
  districtAgs: string;
  category: ServiceCategory;
  services: number;
  organizations: number;
}

export interface FreshnessFigures {
  /** null for the whole scope */
  districtAgs: string | null;
  services: number;
  verifiedWithin: number;
  share: number | null;
}

export interface NetworkFreshness {
  freshDays: number;
  overall: FreshnessFigures;
  districts: FreshnessFigures[];
}

export interface PopulationImportReport {
  imported: number;
  sourceRows: number;
  total: number;
  referenceDate: string;
  source: string;
  /** source rows split over several polygons (merged municipalities) */
  split: { sourceAgs: string; parts: string[] }[];
  unmatched: { ags: string; population: number }[];
  unitsWithoutPopulation: string[];
  skipped: { line: number; reason: string }[];
}
