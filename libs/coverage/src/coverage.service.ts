import { Inject, Injectable } from '@nestjs/common';
import { CatalogueService, NeedTerm } from '@lotse/catalogue';
import { cooperativeSlicer, InvalidInputError } from '@lotse/common';
import { Environment } from '@lotse/config';
import { BOUNDARY_ATTRIBUTION, GeoService, PLACES_ATTRIBUTION } from '@lotse/geo';
import { DEFAULT_DEPARTURE_WINDOW, feedPhrase, MODE_NAME, TRAVEL_TIME_ESTIMATOR, TravelMode, TravelTime, TravelTimeEstimator, windowPhrase } from '@lotse/travel';
import { districtRollUp, figures, gapList, municipalityCoverage, PointResult } from './coverage.assemble';
import { CoverageRepository, Extent } from './coverage.repository';
import {
  CoverageMethod,
  CoverageRequest,
  CandidateRow,
  CoverageUnit,
  NearestPartner,
  NetworkCoverage,
  NetworkFreshness,
  NetworkSizeCell,
  PopulationImportReport,
  PopulationInfo,
} from './coverage.types';
import { coverageFeatureCollection, CoverageFeatureCollection } from './geojson/coverage-geojson';
import { svgToPng } from './map/png';
import { MultiPolygonCoordinates } from './map/projection';
import { mapGridDegrees, renderCoverageMap } from './map/svg-map';
import { apportionPopulation } from './population/apportion';
import { MunicipalityMerger, SAXONY_MERGERS_SINCE_2016 } from './population/municipality-mergers';
import { parsePopulationCsv, PopulationCsvError } from './population/population-csv';
import { MeasuringPoint, measuringPoints } from './measuring-points';

/** Where a request's values came from, so errors name the argument the client sent. */
export interface CoverageFields {
  districtAgs: string;
  needs: string;
  mode: string;
  thresholdMinutes: string;
}

export const GRAPHQL_FIELDS: CoverageFields = { districtAgs: 'input.districtAgs', needs: 'input.needs', mode: 'input.mode', thresholdMinutes: 'input.thresholdMinutes' };

export const MAX_THRESHOLD_MINUTES = 240;
export const REPRESENTATIVE_POINT_NOTE =
  'population-weighted measuring points: each place of the municipality with a GeoNames population stands for that many people; the rest of its people are measured from ST_PointOnSurface of the polygon';
/** Listings compared per measuring point: the nearest ones (the quickest is among them, as a rule; partner counts saturate here). */
export const CANDIDATES_PER_POINT = 16;

const fmt = (n: number, digits = 0) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
const berlinDate = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

export interface MapOptions {
  /** draw every measuring point: a circle by the people it stands for, filled when within the threshold */
  measuringPoints?: boolean;
}

/** What the calibrated estimate's station list asks to credit. */
const STATION_ATTRIBUTION = 'Bahnhöfe: Deutsche Bahn AG, CC BY 4.0';

export interface PopulationImportOptions {
  /** attribution of the table, shown on maps, e.g. "Zensus 2022 © Statistisches Bundesamt" */
  source: string;
  /** YYYY-MM-DD; taken from a header such as `population_2022_05_15` when absent */
  referenceDate?: string;
  /** merged municipalities; default: the Saxon mergers since the 2016 boundaries */
  mergers?: readonly MunicipalityMerger[];
}

/**
 * Network coverage for coordinators: per municipality and need the nearest visible partner, the
 * partners within a travel-time threshold, and the people covered — as figures, GeoJSON and a map.
 * Travel times come from the routing port (TRAVEL_TIME_ESTIMATOR of the travel capability).
 */
@Injectable()
export class CoverageService {
  constructor(
    private readonly repository: CoverageRepository,
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
    @Inject(TRAVEL_TIME_ESTIMATOR) private readonly estimator: TravelTimeEstimator,
    private readonly env: Environment,
  ) {}

  /** Days within which an organisation's verification counts as fresh (VERIFICATION_STALE_DAYS). */
  get freshDays(): number {
    return this.env.VERIFICATION_STALE_DAYS;
  }

  /** Checks what class-validator cannot: the needs exist, the district exists, the numbers make sense. */
  async validate(request: CoverageRequest, fields: CoverageFields): Promise<CoverageRequest> {
    const needs = [...new Set(request.needs)];
    if (needs.length === 0) throw InvalidInputError.of(fields.needs, 'give at least one need code');
    await this.catalogue.assertKnownNeeds(needs, fields.needs);
    if (!Object.values(TravelMode).includes(request.mode)) throw InvalidInputError.of(fields.mode, `must be one of ${Object.values(TravelMode).join(', ')}`);
    const t = request.thresholdMinutes;
    if (!Number.isFinite(t) || t <= 0 || t > MAX_THRESHOLD_MINUTES) {
      throw InvalidInputError.of(fields.thresholdMinutes, `must be more than 0 and at most ${MAX_THRESHOLD_MINUTES} minutes`);
    }
    if (request.districtAgs !== undefined && request.districtAgs !== null) {
      if (!/^\d{5}$/.test(request.districtAgs)) throw InvalidInputError.of(fields.districtAgs, 'must be a 5-digit district key (AGS)');
      if (!(await this.repository.districtExists(request.districtAgs))) throw InvalidInputError.of(fields.districtAgs, `unknown district ${request.districtAgs}`);
    }
    return { ...request, districtAgs: request.districtAgs ?? undefined, needs, window: request.window ?? DEFAULT_DEPARTURE_WINDOW };
  }

  async method(request: Pick<CoverageRequest, 'mode' | 'thresholdMinutes' | 'window'>): Promise<CoverageMethod> {
    const [info, reachMetersRural, reachMetersUrban] = await Promise.all([
      this.estimator.describe(),
      this.estimator.reachMeters({ mode: request.mode, rural: true }, request.thresholdMinutes),
      this.estimator.reachMeters({ mode: request.mode, rural: false }, request.thresholdMinutes),
    ]);
    return {
      estimatorName: info.name,
      estimated: info.estimated,
      estimatorDescription: info.description,
      feed: request.mode === TravelMode.PUBLIC_TRANSPORT ? info.feed : null,
      window: request.window ?? DEFAULT_DEPARTURE_WINDOW,
      reachMetersRural,
      reachMetersUrban,
      candidatesPerPoint: CANDIDATES_PER_POINT,
      origin: REPRESENTATIVE_POINT_NOTE,
    };
  }

  /**
   * All municipalities of the scope × the requested needs, measured where people live: every
   * municipality's population-weighted measuring points (measuringPoints). One set-based statement
   * per need gives the nearest listings of every point; the routing port then gives each point's
   * minutes to them (one call per point: a timetable router answers one origin to many targets).
   */
  async networkCoverage(input: CoverageRequest, fields: CoverageFields = GRAPHQL_FIELDS): Promise<NetworkCoverage> {
    const request = await this.validate(input, fields);
    const [method, units, population, terms, places] = await Promise.all([
      this.method(request),
      this.repository.findUnits(request.districtAgs),
      this.repository.populationInfo(),
      this.catalogue.needTerms(),
      this.geo.placesByMunicipality({ districtAgs: request.districtAgs }),
    ]);
    const points = new Map(units.map((u) => [u.ags, measuringPoints(u, places.get(u.ags) ?? [])]));
    const all = units.flatMap((u) => points.get(u.ags)!.map((point) => ({ unit: u, point })));
    const rowsPerNeed = await Promise.all(request.needs.map((need) => this.repository.findCandidates(need, all.map((a) => a.point), CANDIDATES_PER_POINT)));
    const results = new Map<string, Map<string, PointResult>>();
    for (const [i, need] of request.needs.entries()) results.set(need, await this.pointResults(all, rowsPerNeed[i], request));
    const municipalities = municipalityCoverage(units, points, request.needs, results, request.thresholdMinutes);
    const termByCode = new Map(terms.map((t) => [t.code, t]));
    return {
      request,
      needs: request.needs.map((c) => termByCode.get(c)!),
      method,
      population,
      municipalities,
      districts: districtRollUp(municipalities, request.needs),
      summary: request.needs.map((need) => figures(need, municipalities)),
      gaps: gapList(municipalities, request.needs),
    };
  }

  /** Each point's quickest listing and the organisations and services within the threshold. */
  private async pointResults(all: { unit: CoverageUnit; point: MeasuringPoint }[], rows: CandidateRow[], request: CoverageRequest): Promise<Map<string, PointResult>> {
    const byPoint = new Map<number, CandidateRow[]>();
    for (const row of rows) {
      const list = byPoint.get(row.point);
      if (list) list.push(row);
      else byPoint.set(row.point, [row]);
    }
    const quickest = new Map<string, { candidate: CandidateRow; time: TravelTime }>();
    const within = new Map<string, { organizations: Set<string>; services: Set<string> }>();
    // all Saxony is thousands of points: let other requests (a coach's match) run in between
    const slice = cooperativeSlicer();
    for (const [index, { unit, point }] of all.entries()) {
      await slice();
      const organizations = new Set<string>();
      const services = new Set<string>();
      within.set(point.id, { organizations, services });
      const candidates = byPoint.get(index) ?? [];
      if (!candidates.length) continue;
      // one leg per location (several services may share one)
      const locations = [...new Map(candidates.map((c) => [c.locationId, c])).values()];
      const times = await this.estimator.travelTimes(
        { origin: { latitude: point.latitude, longitude: point.longitude }, mode: request.mode, rural: unit.rural, window: request.window },
        locations.map((c) => ({ distanceMeters: c.distanceMeters, destination: { latitude: c.latitude, longitude: c.longitude } })),
      );
      const timeOf = new Map(locations.map((c, i) => [c.locationId, times[i]]));
      let best: { candidate: CandidateRow; time: TravelTime } | null = null;
      for (const c of candidates) {
        const time = timeOf.get(c.locationId)!;
        if (time.minutes <= request.thresholdMinutes) {
          organizations.add(c.organizationId);
          services.add(c.serviceId);
        }
        const b = best?.candidate;
        if (!best || time.minutes < best.time.minutes || (time.minutes === best.time.minutes && (c.distanceMeters < b!.distanceMeters || (c.distanceMeters === b!.distanceMeters && c.serviceId < b!.serviceId)))) {
          best = { candidate: c, time };
        }
      }
      if (best) quickest.set(point.id, best);
    }
    // names and towns for the quickest listings only
    const chosen = [...quickest.values()].map((q) => q.candidate);
    const details = await this.repository.listingDetails([...new Set(chosen.map((c) => c.serviceId))], [...new Set(chosen.map((c) => c.locationId))]);
    const out = new Map<string, PointResult>();
    for (const { point } of all) {
      const q = quickest.get(point.id);
      const w = within.get(point.id)!;
      let nearest: NearestPartner | null = null;
      if (q) {
        const service = details.services.get(q.candidate.serviceId)!;
        nearest = {
          serviceId: q.candidate.serviceId,
          serviceName: service.name,
          organizationId: q.candidate.organizationId,
          organizationName: service.organizationName,
          fictitious: service.fictitious,
          locationId: q.candidate.locationId,
          town: details.towns.get(q.candidate.locationId) ?? '',
          latitude: q.candidate.latitude,
          longitude: q.candidate.longitude,
          distanceMeters: q.candidate.distanceMeters,
          travelMinutes: q.time.minutes,
          travelMode: q.time.mode,
          travelBasis: q.time.basis,
        };
      }
      out.set(point.id, { nearest, organizationsWithin: w.organizations, servicesWithin: w.services });
    }
    return out;
  }

  networkSize(districtAgs?: string): Promise<NetworkSizeCell[]> {
    return this.repository.networkSize(districtAgs);
  }

  async freshness(districtAgs?: string): Promise<NetworkFreshness> {
    const { overall, districts } = await this.repository.freshness(this.freshDays, districtAgs);
    return { freshDays: this.freshDays, overall, districts };
  }

  populationInfo(): Promise<PopulationInfo | null> {
    return this.repository.populationInfo();
  }

  // ---------- GeoJSON ----------

  async coverageGeoJson(input: CoverageRequest, fields: CoverageFields): Promise<CoverageFeatureCollection> {
    const coverage = await this.networkCoverage(input, fields);
    const geometries = await this.repository.municipalityGeometries(coverage.request.districtAgs);
    return coverageFeatureCollection(coverage.municipalities, new Map(geometries.map((g) => [g.ags, g.geometry])), {
      generatedAt: new Date().toISOString(),
      districtAgs: coverage.request.districtAgs ?? null,
      needs: coverage.request.needs,
      mode: coverage.request.mode,
      thresholdMinutes: coverage.request.thresholdMinutes,
      estimator: coverage.method.estimatorName,
      travelTimesEstimated: coverage.method.estimated,
      reachMetersRural: coverage.method.reachMetersRural,
      reachMetersUrban: coverage.method.reachMetersUrban,
      origin: coverage.method.origin,
      transitFeed: coverage.method.feed?.text ?? null,
      departure: coverage.method.feed ? windowPhrase(coverage.method.window) : null,
      populationSource: coverage.population?.source ?? null,
      populationReferenceDate: coverage.population?.referenceDate ?? null,
      attribution: this.attribution(coverage.population, coverage.municipalities.some((m) => m.needs.some((n) => n.nearest?.fictitious)), coverage.method),
    });
  }

  // ---------- map ----------

  /** Every source the figures rest on: boundaries, places, population, the timetable or the station list, partners. */
  attribution(population: PopulationInfo | null, fictitiousPartners: boolean, method?: Pick<CoverageMethod, 'feed' | 'estimated'>): string {
    return [
      BOUNDARY_ATTRIBUTION,
      PLACES_ATTRIBUTION,
      population?.source,
      method?.feed?.text,
      method?.estimated || method?.feed ? STATION_ATTRIBUTION : undefined,
      `Partner: Lotse${fictitiousPartners ? ' (Demo: fiktiv)' : ''}`,
    ]
      .filter(Boolean)
      .join(' · ');
  }

  /** The coverage map of one need as SVG: municipalities shaded by minutes to the nearest partner. */
  async coverageMapSvg(input: Omit<CoverageRequest, 'needs'> & { need: string }, fields: CoverageFields, options: MapOptions = {}): Promise<string> {
    const coverage = await this.networkCoverage({ ...input, needs: [input.need] }, fields);
    const request = coverage.request;
    const need = request.needs[0];
    const extent = pad(await this.repository.extent(request.districtAgs), 0.02);
    const grid = mapGridDegrees(extent);
    const [shapes, districts, partners] = await Promise.all([
      this.repository.municipalityShapes(request.districtAgs, grid),
      this.repository.districtShapes(extent, grid),
      this.repository.partnerPoints(need, extent),
    ]);
    const shapeByAgs = new Map(shapes.map((s) => [s.ags, JSON.parse(s.geometry) as { coordinates: MultiPolygonCoordinates }]));
    const term: NeedTerm = coverage.needs[0];
    const summary = coverage.summary[0];
    const scopeDistrict = districts.find((d) => d.ags === request.districtAgs);
    const scope = scopeDistrict ? districtLongName(scopeDistrict.name, scopeDistrict.kind) : 'Sachsen';
    const sameName = (d: { name: string }) => districts.filter((x) => x.name === d.name).length > 1;
    const t = request.thresholdMinutes;
    const lines = [
      `Gemeinden innerhalb ${fmt(t)} Min.: ${fmt(summary.coveredMunicipalities)} von ${fmt(summary.municipalities)}`,
      ...(summary.population !== null && summary.populationCovered !== null && summary.populationUncovered !== null
        ? [
            `Bevölkerung innerhalb ${fmt(t)} Min.: ${fmt((summary.coveredPopulationShare ?? 0) * 100, 1)} % (${fmt(summary.populationCovered)} Einw.)`,
            `außerhalb: ${fmt(summary.populationUncovered)} Einw.`,
          ]
        : ['Bevölkerung: keine Einwohnerzahlen importiert']),
      ...(summary.medianNearestMinutes !== null ? [`Fahrzeit zum nächsten Partner im Median: ${fmt(summary.medianNearestMinutes)} Min.`] : []),
      `Partner-Standorte im Ausschnitt: ${fmt(partners.length)}`,
    ];
    const biggestGap = coverage.gaps[0];
    if (biggestGap?.populationUncovered) lines.push(`Größte Lücke: ${biggestGap.municipalityName.replace(/, Stadt$/, '')} (${fmt(biggestGap.populationUncovered)} Einw.)`);
    return renderCoverageMap({
      title: `Erreichbarkeit: ${term.labelDe} – ${scope}`,
      subtitle:
        `Fahrzeit zum nächsten aktiven Partner mit ${MODE_NAME[request.mode]} ` +
        `(${coverage.method.feed ? `${feedPhrase(coverage.method.feed)}, ${windowPhrase(coverage.method.window)}` : 'geschätzt'}), Schwelle ${fmt(t)} Min. · Stand ${berlinDate.format(new Date())}`,
      extent,
      thresholdMinutes: t,
      municipalities: coverage.municipalities.map((m) => {
        const n = m.needs[0];
        return {
          ags: m.ags,
          name: m.name,
          geometry: shapeByAgs.get(m.ags)?.coordinates ?? [],
          minutes: n.nearest?.travelMinutes ?? null,
          covered: n.covered,
          population: m.population,
          nearestName: n.nearest ? `${n.nearest.organizationName}, ${n.nearest.town}` : null,
          label: m.representativePoint,
        };
      }),
      measuringPoints: options.measuringPoints
        ? coverage.municipalities.flatMap((m) =>
            m.needs[0].points.map((p) => ({ latitude: p.point.latitude, longitude: p.point.longitude, weight: p.point.people ?? p.point.weight, covered: p.covered, name: p.point.name })),
          )
        : undefined,
      districts: districts.map((d) => ({
        ags: d.ags,
        name: sameName(d) ? districtLongName(d.name, d.kind) : d.name,
        geometry: (JSON.parse(d.geometry) as { coordinates: MultiPolygonCoordinates }).coordinates,
        label: { latitude: d.labelLatitude, longitude: d.labelLongitude },
        inScope: !request.districtAgs || d.ags === request.districtAgs,
      })),
      partners,
      summary: lines,
      method:
        `${coverage.method.feed ? `Fahrzeiten nach Fahrplan (${coverage.method.feed.name}, typische Verbindung im Abfahrtsfenster), wo er Halte in Gehweite hat, sonst geschätzt` : `Fahrzeiten geschätzt (${coverage.method.estimatorName})`} ` +
        `von den Orten jeder Gemeinde, gewichtet nach Einwohnern (übrige Einwohner am inneren Punkt), zum schnellsten aktiven Angebot des Bedarfs; ` +
        `Angebote jenseits der Kreisgrenze zählen mit. Eine Gemeinde gilt als versorgt, wenn die meisten ihrer Einwohner es innerhalb der Schwelle erreichen.`,
      attribution: this.attribution(coverage.population, partners.some((p) => p.fictitious), coverage.method),
      labelMunicipalities: Boolean(request.districtAgs),
    });
  }

  async coverageMapPng(input: Omit<CoverageRequest, 'needs'> & { need: string }, fields: CoverageFields, scale = 2, options: MapOptions = {}): Promise<Buffer> {
    return svgToPng(await this.coverageMapSvg(input, fields, options), scale);
  }

  // ---------- population ----------

  /**
   * Imports a population table (one row per municipality, any year) and maps it onto the boundary
   * polygons (see apportionPopulation). Replaces the previous table in one transaction.
   */
  async importPopulationCsv(text: string, options: PopulationImportOptions, onProgress?: (done: number, total: number) => void): Promise<PopulationImportReport> {
    let parsed;
    try {
      parsed = parsePopulationCsv(text);
    } catch (e) {
      if (e instanceof PopulationCsvError) throw InvalidInputError.of('csv', e.message);
      throw e;
    }
    const referenceDate = options.referenceDate ?? parsed.referenceDate;
    if (!referenceDate) throw InvalidInputError.of('referenceDate', 'the file names no reference date (e.g. a column population_2022_05_15); give one as YYYY-MM-DD');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) throw InvalidInputError.of('referenceDate', 'must be a date YYYY-MM-DD');
    const source = options.source.trim();
    if (!source || source.length > 300) throw InvalidInputError.of('source', 'must be 1–300 characters');

    const units = await this.repository.boundaryUnits();
    if (units.length === 0) throw InvalidInputError.of('boundaries', 'no municipality boundaries loaded; run the boundaries command first');
    const result = apportionPopulation(parsed.rows, units, options.mergers ?? SAXONY_MERGERS_SINCE_2016);
    await this.repository.replacePopulation(result.units, source, referenceDate, onProgress);

    const parts = new Map<string, string[]>();
    for (const u of result.units) parts.set(u.sourceAgs, [...(parts.get(u.sourceAgs) ?? []), u.ags]);
    return {
      imported: result.units.length,
      sourceRows: parsed.rows.length,
      total: result.units.reduce((s, u) => s + u.population, 0),
      referenceDate,
      source,
      split: [...parts.entries()].filter(([, p]) => p.length > 1).map(([sourceAgs, p]) => ({ sourceAgs, parts: p })),
      unmatched: result.unmatched,
      unitsWithoutPopulation: result.unitsWithoutPopulation,
      skipped: parsed.skipped,
    };
  }
}

/** "Landkreis Meißen", "Erzgebirgskreis", "Stadt Leipzig": unambiguous where "Leipzig" names two districts. */
export function districtLongName(name: string, kind: string): string {
  if (kind === 'Kreisfreie Stadt') return `Stadt ${name}`;
  return /kreis$/i.test(name) ? name : `Landkreis ${name}`;
}

function pad(e: Extent, ratio: number): Extent {
  const dx = (e.maxLon - e.minLon) * ratio;
  const dy = (e.maxLat - e.minLat) * ratio;
  return { minLon: e.minLon - dx, minLat: e.minLat - dy, maxLon: e.maxLon + dx, maxLat: e.maxLat + dy };
}
