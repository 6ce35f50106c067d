import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PreparedQuery } from '@lotse/database';
import { AreaAssignment, BoundaryFeature, District, Municipality, Place, Postcode, PostcodeRow } from './geo.types';
import { DerivedPlace, DerivedPostcode } from './places/derive-places';

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

  /** How many municipalities each district has. */
  async countMunicipalitiesByDistrict(): Promise<Map<string, number>> {
    const rows: { ags: string; n: number }[] = await this.db.query(`SELECT district_ags AS ags, count(*)::int AS n FROM municipality GROUP BY district_ags`);
    return new Map(rows.map((r) => [r.ags, r.n]));
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

  /**
   * Upserts imported postcodes (one batch); the last row for a code wins. Municipality and district
   * come from the point (ST_Covers); an imported postcode names no place of the place table.
   */
  async upsertPostcodes(rows: PostcodeRow[], source: string): Promise<number> {
    if (rows.length === 0) return 0;
    await this.db.query(
      `WITH r AS (
         SELECT r->>'code' AS code, r->>'place' AS place,
                ST_SetSRID(ST_MakePoint((r->>'longitude')::float8, (r->>'latitude')::float8), 4326) AS g
         FROM jsonb_array_elements($1::jsonb) AS r
       ), a AS (
         SELECT r.*, (SELECT m.ags FROM municipality m WHERE ST_Covers(m.boundary, r.g) ORDER BY m.ags LIMIT 1) AS municipality_ags FROM r
       )
       INSERT INTO postcode (code, place, point, source, place_id, municipality_ags, district_ags, municipalities)
       SELECT code, place, g::geography, $2, NULL, municipality_ags, left(municipality_ags, 5),
              CASE WHEN municipality_ags IS NULL THEN '{}'::varchar[] ELSE ARRAY[municipality_ags]::varchar[] END
       FROM a
       ON CONFLICT (code) DO UPDATE SET place = EXCLUDED.place, point = EXCLUDED.point, source = EXCLUDED.source, place_id = NULL,
         municipality_ags = EXCLUDED.municipality_ags, district_ags = EXCLUDED.district_ags, municipalities = EXCLUDED.municipalities`,
      [JSON.stringify(rows), source],
    );
    return rows.length;
  }

  async findPostcode(code: string): Promise<Postcode | null> {
    const [row] = await this.db.query(
      `SELECT code, place, source, place_id AS "placeId", municipality_ags AS "municipalityAgs", district_ags AS "districtAgs", municipalities,
              ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude
       FROM postcode WHERE code = $1`,
      [code],
    );
    return row ?? null;
  }

  /** Every postcode's point, for the offline geocoder's in-memory table. */
  findPostcodePoints(): Promise<{ code: string; latitude: number; longitude: number }[]> {
    return this.db.query(`SELECT code, ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude FROM postcode ORDER BY code`);
  }

  async countPostcodes(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM postcode`);
    return row.n;
  }

  /** The version of a bundled reference table that is loaded, if any. */
  async referenceVersion(name: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT version FROM geo_reference_data WHERE name = $1`, [name]);
    return row?.version ?? null;
  }

  /**
   * Loads the bundled tables in one transaction: the places replace all places; the postcodes
   * replace the rows of their codes (an operator's imports of other codes stay).
   */
  async replaceBundledPlaces(places: DerivedPlace[], postcodes: DerivedPostcode[], source: string, version: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM place`);
      for (let i = 0; i < places.length; i += 1000) {
        await tx.query(
          `INSERT INTO place (id, name, kind, municipality_ags, district_ags, point, population, postcodes, source)
           SELECT p.id, p.name, p.kind, p."municipalityAgs", p."districtAgs",
                  ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326)::geography, p.population,
                  ARRAY(SELECT jsonb_array_elements_text(p.postcodes))::varchar[], p.source
           FROM jsonb_to_recordset($1::jsonb) AS p(id varchar, name varchar, kind varchar, "municipalityAgs" varchar, "districtAgs" varchar,
                                                  latitude float8, longitude float8, population int, postcodes jsonb, source varchar)`,
          [JSON.stringify(places.slice(i, i + 1000))],
        );
      }
      await tx.query(
        `INSERT INTO postcode (code, place, point, source, place_id, municipality_ags, district_ags, municipalities)
         SELECT p.code, p.place, ST_SetSRID(ST_MakePoint(p.longitude, p.latitude), 4326)::geography, $2, p."placeId",
                p."municipalityAgs", p."districtAgs", ARRAY(SELECT jsonb_array_elements_text(p.municipalities))::varchar[]
         FROM jsonb_to_recordset($1::jsonb) AS p(code varchar, place varchar, "placeId" varchar, latitude float8, longitude float8,
                                                "municipalityAgs" varchar, "districtAgs" varchar, municipalities jsonb)
         ON CONFLICT (code) DO UPDATE SET place = EXCLUDED.place, point = EXCLUDED.point, source = EXCLUDED.source, place_id = EXCLUDED.place_id,
           municipality_ags = EXCLUDED.municipality_ags, district_ags = EXCLUDED.district_ags, municipalities = EXCLUDED.municipalities`,
        [JSON.stringify(postcodes), source],
      );
      await tx.query(
        `INSERT INTO geo_reference_data (name, version, loaded_at) VALUES ('places', $1, now())
         ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, loaded_at = EXCLUDED.loaded_at`,
        [version],
      );
    });
  }

  /** Every place with its municipality's name, for the in-memory lookup. */
  findPlaces(): Promise<Place[]> {
    return this.db.query(
      `SELECT p.id, p.name, p.kind, p.municipality_ags AS "municipalityAgs", coalesce(m.name, p.name) AS "municipalityName",
              p.district_ags AS "districtAgs", ST_Y(p.point::geometry) AS latitude, ST_X(p.point::geometry) AS longitude,
              p.population, p.postcodes
       FROM place p LEFT JOIN municipality m ON m.ags = p.municipality_ags
       ORDER BY p.municipality_ags, p.kind DESC, p.id`,
    );
  }
}
