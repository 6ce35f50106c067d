import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { defaultRouteTokens, visibilitySql } from '@lotse/catalogue';
import { CandidateRow, CoverageUnit, FreshnessFigures, NetworkSizeCell, PopulationInfo } from './coverage.types';
import { Extent } from './map/projection';
import { BoundaryUnit, UnitPopulation } from './population/apportion';

/*
 * Coverage is an analytical READ MODEL over the geo tables (municipality, district) and the catalogue
 * tables (organization, service, service_need, service_location, location). It never writes them.
 * It reads them here, in one repository, rather than through CatalogueService because the analysis
 * is a join of both capabilities per municipality — one set-based statement per need — which no
 * single-capability query can express without a round trip per municipality.
 *
 * A listing counts when the directory shows it: the catalogue's one visibility rule (`visibilitySql`,
 * libs/catalogue/src/visibility.ts), never restated here — the partners per need are read from the
 * matcher's read model `match_listing`, which holds visible listings only, so coverage counts what a
 * match would offer (the need's narrower needs and default kinds of partner included).
 */
const visible = visibilitySql.service;

/**
 * What answers a need in coverage is what a match offers for it, the catalogue's one rule
 * (`needAnswers`, libs/catalogue/src/domain/partner-kinds.ts): listings of the need or of a narrower
 * need ("Psychische Gesundheit" counts psychotherapy, crisis services, …), each of the default kinds
 * of partner of the need it is listed under — coverage of "Fachärztliche Abklärung" counts clinics and
 * specialists, never an insurer's customer centre, a room or an employment measure. As parameters:
 * the need and the route tokens of its answers (`defaultRouteTokens`), as the matcher scans them.
 */
export function needAnswerParams(need: string): [string, string[]] {
  return [need, defaultRouteTokens(need)];
}

/**
 * The visible service × location pairs answering a need, from the matcher's read model
 * (`match_listing`: one row per need of a listing's family × visible listing × location, with the
 * route tokens of the needs it is tagged with under it — the visibility rule applied by the
 * catalogue's own refresher). `$need`/`$routes` from needAnswerParams.
 */
const answeringListings = (need: string, routes: string) => `
  SELECT ml.location_id, ml.service_id, ml.organization_id
  FROM match_listing ml
  WHERE ml.need_code = ${need}::varchar AND ml.route_tokens && ${routes}::text[]`;

/**
 * For the coverage statement only (SET LOCAL, inside its transaction): it is hundreds of tiny index
 * probes, where JIT compilation (seconds on a busy 2-core server) and parallel workers (each
 * reloading PostGIS) cost far more than they save. Measured in bench/README.md.
 */
export const PLANNER_SETTINGS = ['SET LOCAL jit = off', 'SET LOCAL max_parallel_workers_per_gather = 0'];

/** What a municipality's distances are measured from: a point guaranteed inside its polygon. */
export const REPRESENTATIVE_POINT = 'ST_PointOnSurface(m.boundary)';

export type { Extent };

export interface ShapeRow {
  ags: string;
  name: string;
  /** GeoJSON geometry text (MultiPolygon) */
  geometry: string;
}

export interface DistrictShapeRow extends ShapeRow {
  kind: string;
  labelLatitude: number;
  labelLongitude: number;
}

export interface PartnerPoint {
  locationId: string;
  latitude: number;
  longitude: number;
  fictitious: boolean;
}

/** All SQL of the coverage capability. */
@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async districtExists(ags: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM district WHERE ags = $1`, [ags]);
    return rows.length > 0;
  }

  /** The municipalities of the scope, each with its representative point and population. */
  findUnits(districtAgs?: string): Promise<CoverageUnit[]> {
    return this.db.query(
      `SELECT m.ags, m.name, m.district_ags AS "districtAgs", d.name AS "districtName", d.kind <> 'Kreisfreie Stadt' AS rural,
              ST_Y(p.pt) AS latitude, ST_X(p.pt) AS longitude, mp.population
       FROM municipality m
       JOIN district d ON d.ags = m.district_ags
       CROSS JOIN LATERAL (SELECT ${REPRESENTATIVE_POINT} AS pt) p
       LEFT JOIN municipality_population mp ON mp.ags = m.ags
       WHERE ($1::varchar IS NULL OR m.district_ags = $1)
       ORDER BY m.ags`,
      [districtAgs ?? null],
    );
  }

  /**
   * For every measuring point, in ONE statement: the `perPoint` nearest locations with a visible
   * listing of `need`, and the listings there — ids, positions and the distance on the sphere (the
   * KNN operator's own; within 0.5 % of the spheroid), names come after (listingDetails) for the
   * few that are nearest. Listings anywhere count, also across the district
   * border. Which of them is quickest, and which lie within the threshold, the routing port decides
   * (the service): with trains and timetables the nearest is not always the quickest.
   *
   * - `listing`: the need's visible service × location pairs, once.
   * - `near`: a LATERAL KNN (`<->` on the GiST index of location.point) per point; membership is a
   *   hashed sub-plan (`(… IN (SELECT …)) IS TRUE` keeps the planner from turning it into a join that
   *   would sort every candidate location for every point instead of walking the index).
   */
  async findCandidates(need: string, points: readonly { latitude: number; longitude: number }[], perPoint: number): Promise<CandidateRow[]> {
    if (points.length === 0) return [];
    const { sql, params } = this.candidatesStatement(need, points, perPoint);
    return this.db.transaction(async (tx) => {
      for (const setting of PLANNER_SETTINGS) await tx.query(setting);
      return tx.query(sql, params);
    });
  }

  /** The statement behind findCandidates (the benchmark runs it bare, after PLANNER_SETTINGS). */
  candidatesStatement(need: string, points: readonly { latitude: number; longitude: number }[], perPoint: number): { sql: string; params: unknown[] } {
    return {
      sql: `WITH origin AS MATERIALIZED (
         SELECT i, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
         FROM unnest($2::float8[], $3::float8[]) WITH ORDINALITY AS u(lon, lat, i)
       ),
       listing AS MATERIALIZED (${answeringListings('$1', '$5')}),
       spot AS MATERIALIZED (SELECT DISTINCT location_id FROM listing),
       near AS MATERIALIZED (
         SELECT o.i, k.*
         FROM origin o
         CROSS JOIN LATERAL (
           SELECT l1.id AS location_id, l1.point <-> o.g AS distance
           FROM location l1
           WHERE (l1.id IN (SELECT location_id FROM spot)) IS TRUE
           ORDER BY l1.point <-> o.g
           LIMIT $4
         ) k
       ),
       place AS MATERIALIZED (
         SELECT l.id, ST_Y(l.point::geometry) AS latitude, ST_X(l.point::geometry) AS longitude
         FROM location l WHERE l.id IN (SELECT location_id FROM near)
       )
       SELECT (n.i - 1)::int AS point, li.service_id AS "serviceId", li.organization_id AS "organizationId",
              n.location_id AS "locationId", pl.latitude, pl.longitude, n.distance AS "distanceMeters"
       FROM near n
       JOIN place pl ON pl.id = n.location_id
       JOIN listing li ON li.location_id = n.location_id
       ORDER BY n.i, n.distance, li.service_id`,
      params: [needAnswerParams(need)[0], points.map((p) => p.longitude), points.map((p) => p.latitude), perPoint, needAnswerParams(need)[1]],
    };
  }

  /** Names and towns of the listings that turned out nearest (the candidate rows carry ids only). */
  async listingDetails(serviceIds: string[], locationIds: string[]): Promise<{ services: Map<string, { name: string; organizationName: string; fictitious: boolean }>; towns: Map<string, string> }> {
    const [services, locations] = await Promise.all([
      serviceIds.length
        ? this.db.query(`SELECT s.id, s.name, o.name AS "organizationName", o.fictitious FROM service s JOIN organization o ON o.id = s.organization_id WHERE s.id = ANY($1::uuid[])`, [serviceIds])
        : [],
      locationIds.length ? this.db.query(`SELECT id, town FROM location WHERE id = ANY($1::uuid[])`, [locationIds]) : [],
    ]);
    return {
      services: new Map(services.map((r: any) => [r.id, { name: r.name, organizationName: r.organizationName, fictitious: r.fictitious }])),
      towns: new Map(locations.map((r: any) => [r.id, r.town])),
    };
  }

  /** Visible services and their organisations per district × category (a service counts once per district). */
  networkSize(districtAgs?: string): Promise<NetworkSizeCell[]> {
    return this.db.query(
      `SELECT l.district_ags AS "districtAgs", s.category, count(DISTINCT s.id)::int AS services, count(DISTINCT s.organization_id)::int AS organizations
       FROM location l
       JOIN service_location sl ON sl.location_id = l.id
       JOIN service s ON s.id = sl.service_id
       WHERE l.district_ags IS NOT NULL AND ($1::varchar IS NULL OR l.district_ags = $1) AND ${visible('s')}
       GROUP BY l.district_ags, s.category
       ORDER BY l.district_ags, s.category`,
      [districtAgs ?? null],
    );
  }

  /**
   * Visible services whose organisation was verified within `days` (verified_at ≥ now − days), per
   * district (a service with locations in two districts counts in both) and for the whole scope
   * (each service once).
   */
  async freshness(days: number, districtAgs?: string): Promise<{ overall: FreshnessFigures; districts: FreshnessFigures[] }> {
    const fresh = `o.verified_at IS NOT NULL AND o.verified_at >= now() - make_interval(days => $1::int)`;
    const [districts, [overall]] = await Promise.all([
      this.db.query(
        `SELECT x."districtAgs", count(*)::int AS services, count(*) FILTER (WHERE x.fresh)::int AS "verifiedWithin"
         FROM (SELECT DISTINCT l.district_ags AS "districtAgs", s.id, ${fresh} AS fresh
               FROM service s
               JOIN organization o ON o.id = s.organization_id
               JOIN service_location sl ON sl.service_id = s.id
               JOIN location l ON l.id = sl.location_id
               WHERE ${visibilitySql.listing('s', 'o')} AND l.district_ags IS NOT NULL
                 AND ($2::varchar IS NULL OR l.district_ags = $2)) x
         GROUP BY x."districtAgs" ORDER BY x."districtAgs"`,
        [days, districtAgs ?? null],
      ),
      this.db.query(
        `SELECT NULL AS "districtAgs", count(*)::int AS services, count(*) FILTER (WHERE ${fresh})::int AS "verifiedWithin"
         FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE ${visibilitySql.listing('s', 'o')}
           AND ($2::varchar IS NULL OR EXISTS (SELECT 1 FROM service_location sl JOIN location l ON l.id = sl.location_id
                                               WHERE sl.service_id = s.id AND l.district_ags = $2))`,
        [days, districtAgs ?? null],
      ),
    ]);
    const share = (f: Omit<FreshnessFigures, 'share'>): FreshnessFigures => ({ ...f, share: f.services ? f.verifiedWithin / f.services : null });
    return { overall: share(overall), districts: districts.map(share) };
  }

  // ---------- shapes for GeoJSON and the map ----------

  async extent(districtAgs?: string): Promise<Extent> {
    const [row] = await this.db.query(
      `SELECT ST_XMin(e) AS "minLon", ST_YMin(e) AS "minLat", ST_XMax(e) AS "maxLon", ST_YMax(e) AS "maxLat"
       FROM (SELECT ST_Extent(boundary)::box2d AS e FROM district WHERE ($1::varchar IS NULL OR ags = $1)) x`,
      [districtAgs ?? null],
    );
    return row;
  }

  /**
   * Municipality polygons at full resolution for GIS: exterior rings counter-clockwise, holes
   * clockwise (RFC 7946 §3.1.6), longitude first.
   */
  municipalityGeometries(districtAgs?: string): Promise<ShapeRow[]> {
    return this.db.query(
      `SELECT m.ags, m.name, ST_AsGeoJSON(ST_ForcePolygonCCW(m.boundary), 6) AS geometry
       FROM municipality m WHERE ($1::varchar IS NULL OR m.district_ags = $1) ORDER BY m.ags`,
      [districtAgs ?? null],
    );
  }

  /**
   * Municipality polygons for the picture, snapped to a grid finer than a pixel. Snapping (unlike
   * ST_SimplifyPreserveTopology, which works on each polygon alone) moves a border vertex shared by
   * two neighbours to the same place on both sides, so no slivers open between them; consecutive
   * duplicates vanish, which is where the saving comes from.
   */
  municipalityShapes(districtAgs: string | undefined, gridDegrees: number): Promise<ShapeRow[]> {
    return this.db.query(
      `SELECT m.ags, m.name, ST_AsGeoJSON(CASE WHEN s.g IS NULL OR ST_IsEmpty(s.g) THEN m.boundary ELSE s.g END, 6) AS geometry
       FROM municipality m CROSS JOIN LATERAL (SELECT ST_SnapToGrid(m.boundary, $2::float8) AS g) s
       WHERE ($1::varchar IS NULL OR m.district_ags = $1) ORDER BY m.ags`,
      [districtAgs ?? null, gridDegrees],
    );
  }

  /** District polygons meeting the extent (snapped like the municipalities), with a point for the label. */
  districtShapes(extent: Extent, gridDegrees: number): Promise<DistrictShapeRow[]> {
    return this.db.query(
      `SELECT d.ags, d.name, d.kind, ST_AsGeoJSON(CASE WHEN s.g IS NULL OR ST_IsEmpty(s.g) THEN d.boundary ELSE s.g END, 6) AS geometry,
              ST_Y(s.pt) AS "labelLatitude", ST_X(s.pt) AS "labelLongitude"
       FROM district d
       CROSS JOIN LATERAL (SELECT ST_SnapToGrid(d.boundary, $5::float8) AS g, ST_PointOnSurface(d.boundary) AS pt) s
       WHERE d.boundary && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326)
       ORDER BY d.ags`,
      [extent.minLon, extent.minLat, extent.maxLon, extent.maxLat, gridDegrees],
    );
  }

  /** Locations with a visible listing answering `need` (as coverage counts them) inside the extent (one point per location). */
  partnerPoints(need: string, extent: Extent): Promise<PartnerPoint[]> {
    const [codes, kinds] = needAnswerParams(need);
    return this.db.query(
      `SELECT l.id AS "locationId", ST_Y(l.point::geometry) AS latitude, ST_X(l.point::geometry) AS longitude,
              bool_and(o.fictitious) AS fictitious
       FROM (${answeringListings('$1', '$6')}) li
       JOIN location l ON l.id = li.location_id
       JOIN organization o ON o.id = li.organization_id
       WHERE l.point && ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4326)::geography
       GROUP BY l.id ORDER BY l.id`,
      [codes, extent.minLon, extent.minLat, extent.maxLon, extent.maxLat, kinds],
    );
  }

  // ---------- population ----------

  /** Every municipality polygon with its area on the spheroid (the weight for splitting merged populations). */
  boundaryUnits(): Promise<BoundaryUnit[]> {
    return this.db.query(`SELECT ags, ST_Area(boundary::geography) AS "areaSquareMeters" FROM municipality ORDER BY ags`);
  }

  /** Replaces the population table in one transaction (one vintage at a time). */
  async replacePopulation(units: UnitPopulation[], source: string, referenceDate: string, onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM municipality_population`);
      const chunk = 100;
      for (let i = 0; i < units.length; i += chunk) {
        await tx.query(
          `INSERT INTO municipality_population (ags, population, reference_date, source, source_ags, area_share)
           SELECT r.ags, r.population, $2::date, $3, r."sourceAgs", r."areaShare"
           FROM jsonb_to_recordset($1::jsonb) AS r(ags varchar, population int, "sourceAgs" varchar, "areaShare" float8)`,
          [JSON.stringify(units.slice(i, i + chunk)), referenceDate, source],
        );
        onProgress?.(Math.min(i + chunk, units.length), units.length);
      }
    });
  }

  async populationInfo(): Promise<PopulationInfo | null> {
    const [row] = await this.db.query(
      `SELECT source, to_char(reference_date, 'YYYY-MM-DD') AS "referenceDate", count(*)::int AS municipalities,
              sum(population)::int AS total, max(imported_at) AS "importedAt"
       FROM municipality_population GROUP BY source, reference_date ORDER BY max(imported_at) DESC LIMIT 1`,
    );
    return row ?? null;
  }
}
