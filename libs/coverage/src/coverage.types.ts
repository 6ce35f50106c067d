import { NeedTerm, ServiceCategory } from '@lotse/catalogue';
import { DepartureWindow, FeedAttribution, TravelBasis, TravelMode } from '@lotse/travel';
import { MeasuringPoint } from './measuring-points';

/** What a coordinator asks: coverage of these needs, for this mode and time limit, in one district or all Saxony. */
export interface CoverageRequest {
  /** 5-digit AGS; all of Saxony when absent. Partners beyond the district still count. */
  districtAgs?: string;
  needs: string[];
  mode: TravelMode;
  thresholdMinutes: number;
  /** public transport with a timetable: when people leave (default Tuesday 07:00–09:00) */
  window?: DepartureWindow;
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

/** A visible listing of one need near one measuring point (repository row): the nearest few locations per point. */
export interface CandidateRow {
  /** index of the measuring point in the request */
  point: number;
  serviceId: string;
  organizationId: string;
  locationId: string;
  latitude: number;
  longitude: number;
  /** distance on the sphere from the measuring point */
  distanceMeters: number;
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
  /** how the trip goes: the requested mode, or walking where that is quicker */
  travelMode: TravelMode;
  /** what the minutes rest on: an estimate, or the timetable (with its connections in the window) */
  travelBasis: TravelBasis;
}

/** One measuring point's answer for one need. */
export interface PointCoverage {
  point: MeasuringPoint;
  /** the quickest of the nearest listings; null when the need has none anywhere */
  nearest: NearestPartner | null;
  covered: boolean;
}

export interface MunicipalityNeedCoverage {
  need: string;
  /** most of its people (by the measuring points' weights) have a listing of the need within the threshold */
  covered: boolean;
  /** share of its people (weights) within the threshold */
  coveredShare: number;
  /** from the measuring point that stands for the most people (the main settlement, as a rule) */
  partnersWithinThreshold: number;
  servicesWithinThreshold: number;
  /** the quickest partner from that main point */
  nearest: NearestPartner | null;
  populationCovered: number | null;
  populationUncovered: number | null;
  /** every measuring point's answer */
  points: PointCoverage[];
}

export interface MunicipalityCoverage {
  ags: string;
  name: string;
  districtAgs: string;
  districtName: string;
  rural: boolean;
  population: number | null;
  /** ST_PointOnSurface of the polygon (labels; the measuring point of the people no place accounts for) */
  representativePoint: GeoPoint;
  /** where its people are measured from, with how many each stands for */
  measuringPoints: MeasuringPoint[];
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
  /** the municipality as a whole is covered (most people) but some are not */
  covered: boolean;
  nearest: NearestPartner | null;
}

export interface CoverageMethod {
  estimatorName: string;
  estimated: boolean;
  estimatorDescription: string;
  /** the timetable that answered public-transport trips, when one is loaded */
  feed: FeedAttribution | null;
  window: DepartureWindow;
  /** the farthest straight line that can be within the threshold in a Landkreis / a kreisfreie Stadt (the candidate search's bound) */
  reachMetersRural: number;
  reachMetersUrban: number;
  /** listings compared per measuring point (the nearest ones) */
  candidatesPerPoint: number;
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
