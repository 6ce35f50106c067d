import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The GIN index on `match_listing.service_area` (1734100000000) without a pending list. With GIN's
 * default fast update, rows written after the index was built (the demo seed, an import, every
 * trigger refresh) wait in an unsorted pending list that every look-up scans in full: "who serves
 * this district?" took 7–28 ms over 90,000 listings, none with a service area, and 0.03 ms once the
 * list was merged. The matcher asks it on every request, so writes pay instead: each one updates
 * the index directly.
 */
export class ServiceAreaIndexNoPendingList1734100000001 implements MigrationInterface {
  name = 'ServiceAreaIndexNoPendingList1734100000001';

  // Rebuilt rather than altered: a rebuild leaves no pending list behind, whatever was written since.
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_match_listing_service_area`);
    await q.query(`CREATE INDEX idx_match_listing_service_area ON match_listing USING GIN (service_area) WITH (fastupdate = off)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_match_listing_service_area`);
    await q.query(`CREATE INDEX idx_match_listing_service_area ON match_listing USING GIN (service_area)`);
  }
}
