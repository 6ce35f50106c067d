import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Places of Saxony and every Saxon postcode (issue 13): reference data derived from open data and
 * bundled with Lotse (libs/geo/data/sn-places.csv, sn-postcodes.csv), loaded at start.
 *
 * - `place`: each municipality of the bundled boundaries and its localities, with a point, the
 *   municipality and district it lies in (point-in-polygon), population where GeoNames has one and
 *   postcodes. No foreign key to `municipality`: reloading the boundaries deletes and re-inserts
 *   those rows, and the places are reloaded with them.
 * - `postcode` gains the municipality and district of the point it uses, every municipality the
 *   postcode touches, and the place whose point it is.
 * - `geo_reference_data`: which version (content hash) of each bundled table is loaded, so a new
 *   release's tables replace the old ones at start without a manual step.
 */
export class Places1733200000000 implements MigrationInterface {
  name = 'Places1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE place (
        id character varying(80) NOT NULL,
        name character varying(200) NOT NULL,
        kind character varying(20) NOT NULL,
        municipality_ags character varying(8) NOT NULL,
        district_ags character varying(5) NOT NULL,
        point geography(Point,4326) NOT NULL,
        population integer,
        postcodes character varying(5) array NOT NULL DEFAULT '{}',
        source character varying(100) NOT NULL,
        CONSTRAINT pk_place PRIMARY KEY (id),
        CONSTRAINT chk_place_kind CHECK (kind IN ('municipality', 'locality')),
        CONSTRAINT chk_place_ags CHECK (municipality_ags ~ '^[0-9]{8}$' AND district_ags ~ '^[0-9]{5}$'),
        CONSTRAINT chk_place_population CHECK (population IS NULL OR population >= 0)
      )`);
    await q.query(`CREATE INDEX idx_place_municipality ON place (municipality_ags)`);
    await q.query(`CREATE INDEX idx_place_point ON place USING GiST (point)`);

    await q.query(`ALTER TABLE postcode ADD COLUMN place_id character varying(80)`);
    await q.query(`ALTER TABLE postcode ADD COLUMN municipality_ags character varying(8)`);
    await q.query(`ALTER TABLE postcode ADD COLUMN district_ags character varying(5)`);
    await q.query(`ALTER TABLE postcode ADD COLUMN municipalities character varying(8) array NOT NULL DEFAULT '{}'`);

    await q.query(`
      CREATE TABLE geo_reference_data (
        name character varying(40) NOT NULL,
        version character varying(64) NOT NULL,
        loaded_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_geo_reference_data PRIMARY KEY (name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS geo_reference_data`);
    for (const column of ['municipalities', 'district_ags', 'municipality_ags', 'place_id']) await q.query(`ALTER TABLE postcode DROP COLUMN IF EXISTS ${column}`);
    await q.query(`DROP TABLE IF EXISTS place`);
  }
}
