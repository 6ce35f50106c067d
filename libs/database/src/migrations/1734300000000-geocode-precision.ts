import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: how exact a location's point is. Until now every point was typed in as coordinates
 * (`exact`); an address geocoded without coordinates gets the point of its street, postcode or
 * locality, and says so, so the partner is asked to move the pin.
 */
export class GeocodePrecision1734300000000 implements MigrationInterface {
  name = 'GeocodePrecision1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE location ADD COLUMN geocode_precision character varying(20) NOT NULL DEFAULT 'exact'`);
    await q.query(`ALTER TABLE location ADD CONSTRAINT chk_location_geocode_precision CHECK (geocode_precision IN ('exact', 'street', 'postcode', 'locality'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE location DROP CONSTRAINT IF EXISTS chk_location_geocode_precision`);
    await q.query(`ALTER TABLE location DROP COLUMN IF EXISTS geocode_precision`);
  }
}
