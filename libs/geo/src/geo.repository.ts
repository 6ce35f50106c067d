import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedQuery } from '@lotse/database';
import { AreaAssignment, BoundaryFeature, District, Municipality, Postcode, PostcodeRow } from './geo.types';

/** All SQL of the geo capability. Boundaries are geometry (for ST_Covers); points are geography. */
@Injectable()
export class GeoRepository {
  private readonly prepared: PreparedQuery;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.prepared = new PreparedQuery(db);
  }

  async countDistricts(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM district`);
    return row.n;
  }

  /**
   * Replaces all boundaries in one transaction. ST_MakeValid repairs the few self-touching rings
   * that coordinate rounding can produce; GEOS predicates throw on invalid input.
   */
  async replaceBoundaries(districts: BoundaryFeature[], municipalities: BoundaryFeature[]): Promise<void> {
    const geometry = `ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(f->>'geometry'), 4326)), 3))`;
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM municipality`);
      await tx.query(`DELETE FROM district`);
      await tx.query(
        `INSERT INTO district (ags, name, kind, boundary)
         SELECT f->'properties'->>'ags', f->'properties'->>'name', f->'properties'->>'kind', ${geometry}
         FROM jsonb_array_elements($1::jsonb) AS f`,
        [JSON.stringify(districts)],
      );
      await tx.query(
        `INSERT INTO municipality (ags, district_ags, name, kind, boundary)
         SELECT f->'properties'->>'ags', left(f->'properties'->>'ags', 5), f->'properties'->>'name',
                f->'properties'->>'kind', ${geometry}
         FROM jsonb_array_elements($1::jsonb) AS f`,
        [JSON.stringify(municipalities)],
      );
    });
  }

  async findDistricts(agsList?: string[]): Promise<District[]> {
    return this.db.query(
      `SELECT d.ags, d.name, d.kind, (SELECT count(*)::int FROM municipality m WHERE m.district_ags = d.ags) AS "municipalityCount"
       FROM district d WHERE ($1::varchar[] IS NULL OR d.ags = ANY($1)) ORDER BY d.ags`,
      [agsList ?? null],
    );
  }

  async findMunicipalities(filter: { districtAgs?: string; agsList?: string[] }, page: { limit: number; afterAgs?: string }): Promise<Municipality[]> {
    return this.db.query(
      `SELECT ags, district_ags AS "districtAgs", name, kind FROM municipality
       WHERE ($1::varchar IS NULL OR district_ags = $1) AND ($2::varchar[] IS NULL OR ags = ANY($2))
         AND ($3::varchar IS NULL OR ags > $3)
       ORDER BY ags LIMIT $4`,
      [filter.districtAgs ?? null, filter.agsList ?? null, page.afterAgs ?? null, page.limit],
    );
  }

  async countMunicipalities(districtAgs?: string): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM municipality WHERE ($1::varchar IS NULL OR district_ags = $1)`, [districtAgs ?? null]);
    return row.n;
  }

  /** Every municipality's boundary as GeoJSON, full precision, for the in-memory area index. */
  findMunicipalityBoundaries(): Promise<{ ags: string; districtAgs: string; geojson: string }[]> {
    return this.db.query(`SELECT ags, district_ags AS "districtAgs", ST_AsGeoJSON(boundary, 15) AS geojson FROM municipality ORDER BY ags`);
  }

  /** Asked on every match whose origin the area index cannot place for certain: a prepared statement. */
  async areaAt(longitude: number, latitude: number): Promise<AreaAssignment> {
    const [row] = await this.prepared.objects<AreaAssignment>(
      `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g)
       SELECT (SELECT m.ags FROM municipality m, p WHERE ST_Covers(m.boundary, p.g) ORDER BY m.ags LIMIT 1) AS "municipalityAgs",
              (SELECT d.ags FROM district d, p WHERE ST_Covers(d.boundary, p.g) ORDER BY d.ags LIMIT 1) AS "districtAgs"`,
      [longitude, latitude],
    );
    return row;
  }

  /** A point inside the municipality (not the centroid, which can fall outside a crescent-shaped one). */
  async municipalityPoint(ags: string): Promise<{ latitude: number; longitude: number } | null> {
    const [row] = await this.db.query(
      `SELECT ST_Y(p) AS latitude, ST_X(p) AS longitude FROM (SELECT ST_PointOnSurface(boundary) AS p FROM municipality WHERE ags = $1) x`,
      [ags],
    );
    return row ?? null;
  }

  /** Upserts in batches; the last row for a code wins. */
  async upsertPostcodes(rows: PostcodeRow[], source: string): Promise<number> {
    if (rows.length === 0) return 0;
    await this.db.query(
      `INSERT INTO postcode (code, place, point, source)
       SELECT r->>'code', r->>'place', ST_SetSRID(ST_MakePoint((r->>'longitude')::float8, (r->>'latitude')::float8), 4326)::geography, $2
       FROM jsonb_array_elements($1::jsonb) AS r
       ON CONFLICT (code) DO UPDATE SET place = EXCLUDED.place, point = EXCLUDED.point, source = EXCLUDED.source`,
      [JSON.stringify(rows), source],
    );
    return rows.length;
  }

  async findPostcode(code: string): Promise<Postcode | null> {
    const [row] = await this.db.query(
      `SELECT code, place, source, ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude FROM postcode WHERE code = $1`,
      [code],
    );
    return row ?? null;
  }

  async countPostcodes(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM postcode`);
    return row.n;
  }
}
