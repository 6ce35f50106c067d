import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents carry each need's broader needs from now on (a psychotherapy listing also carries
 * `mental_health`, so a filter or facet for a need counts its narrower needs' listings — issue 13).
 * Documents derive from the catalogue, so every listing is queued for delivery once: the search
 * worker rebuilds them like any change (a listing no longer visible is removed as usual).
 */
export class SearchNeedsWithBroader1734100000002 implements MigrationInterface {
  name = 'SearchNeedsWithBroader1734100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO search_outbox (listing_id, op) SELECT id, 'index' FROM service`);
  }

  async down(): Promise<void> {
    // nothing to undo: a queued delivery rebuilds a document from the current state
  }
}
