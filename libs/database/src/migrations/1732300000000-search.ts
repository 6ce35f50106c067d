import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search: the transactional outbox that keeps every search engine's index true, and the PostgreSQL
 * engine's own index (a projection like any other, fed through the same outbox).
 *
 * The outbox is written by statement-level triggers on the catalogue tables, inside the writing
 * transaction. That covers every write path — bulk import, partner self-service, seed reset,
 * cascading deletes, a hand-made SQL fix — without any of them having to remember search; with
 * transition tables a bulk import costs one INSERT … SELECT per statement, not one per row.
 * Rows name the listing (service) only: the indexer reads the listing's *current* state at delivery,
 * so several changes coalesce and an older state can never overwrite a newer one.
 *
 * No TypeORM entities describe these tables: only search's repositories touch them, in SQL, and
 * TypeORM's schema diff ignores tables it does not know.
 */
export class Search1732300000000 implements MigrationInterface {
  name = 'Search1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_outbox (
        id bigserial NOT NULL,
        listing_id uuid NOT NULL,
        op character varying(10) NOT NULL,
        enqueued_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        claimed_until TIMESTAMP WITH TIME ZONE,
        last_error text,
        delivered_at TIMESTAMP WITH TIME ZONE,
        CONSTRAINT pk_search_outbox PRIMARY KEY (id),
        CONSTRAINT chk_search_outbox_op CHECK (op IN ('index', 'remove'))
      )`);
    // Partial indexes: the worker only ever looks at undelivered rows; pruning at delivered ones.
    await q.query(`CREATE INDEX idx_search_outbox_due ON search_outbox (next_attempt_at, id) WHERE delivered_at IS NULL`);
    await q.query(`CREATE INDEX idx_search_outbox_listing ON search_outbox (listing_id, id) WHERE delivered_at IS NULL`);
    await q.query(`CREATE INDEX idx_search_outbox_delivered ON search_outbox (delivered_at) WHERE delivered_at IS NOT NULL`);

    // --- enqueue triggers (statement level, transition tables) ---
    await q.query(`
      CREATE FUNCTION search_outbox_from_service() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO search_outbox (listing_id, op) SELECT DISTINCT id, 'remove' FROM old_rows;
        ELSE
          INSERT INTO search_outbox (listing_id, op) SELECT DISTINCT id, 'index' FROM new_rows;
        END IF;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION search_outbox_from_service_link() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO search_outbox (listing_id, op) SELECT DISTINCT service_id, 'index' FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          INSERT INTO search_outbox (listing_id, op) SELECT DISTINCT service_id, 'index' FROM old_rows;
        ELSE
          INSERT INTO search_outbox (listing_id, op)
          SELECT service_id, 'index' FROM new_rows UNION SELECT service_id, 'index' FROM old_rows;
        END IF;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION search_outbox_from_organization() RETURNS trigger AS $$
      BEGIN
        INSERT INTO search_outbox (listing_id, op)
        SELECT DISTINCT s.id, 'index' FROM new_rows n JOIN service s ON s.organization_id = n.id;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION search_outbox_from_location() RETURNS trigger AS $$
      BEGIN
        INSERT INTO search_outbox (listing_id, op)
        SELECT DISTINCT sl.service_id, 'index' FROM new_rows n JOIN service_location sl ON sl.location_id = n.id;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE FUNCTION search_outbox_from_need_term() RETURNS trigger AS $$
      BEGIN
        INSERT INTO search_outbox (listing_id, op)
        SELECT DISTINCT sn.service_id, 'index' FROM new_rows n JOIN service_need sn ON sn.need_code = n.code;
        RETURN NULL;
      END
      $$ LANGUAGE plpgsql`);
    // A trigger with transition tables handles exactly one event, hence one trigger per event.
    for (const [table, fn] of [['service', 'search_outbox_from_service'], ['service_need', 'search_outbox_from_service_link'], ['service_location', 'search_outbox_from_service_link']]) {
      await q.query(`CREATE TRIGGER trg_search_outbox_${table}_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER trg_search_outbox_${table}_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`CREATE TRIGGER trg_search_outbox_${table}_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    // Deleting an organization or a location cascades to service / service_location, whose triggers fire.
    await q.query(`CREATE TRIGGER trg_search_outbox_organization_upd AFTER UPDATE ON organization REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_from_organization()`);
    await q.query(`CREATE TRIGGER trg_search_outbox_location_upd AFTER UPDATE ON location REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_from_location()`);
    await q.query(`CREATE TRIGGER trg_search_outbox_need_term_upd AFTER UPDATE ON need_term REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_from_need_term()`);

    // --- the PostgreSQL engine's index ---
    await q.query(`
      CREATE TABLE search_document (
        id uuid NOT NULL,
        document jsonb NOT NULL,
        name_sort text COLLATE "C" NOT NULL,
        category character varying(40) NOT NULL,
        needs text[] NOT NULL,
        district_ags text[] NOT NULL,
        languages text[] NOT NULL,
        accessibility text[] NOT NULL,
        accepting_new_clients boolean NOT NULL,
        points geography(MultiPoint,4326),
        search_vector tsvector NOT NULL,
        indexed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_search_document PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX idx_search_document_vector ON search_document USING GIN (search_vector)`);
    await q.query(`CREATE INDEX idx_search_document_points ON search_document USING GiST (points)`);
    await q.query(`CREATE INDEX idx_search_document_needs ON search_document USING GIN (needs)`);
    await q.query(`CREATE INDEX idx_search_document_districts ON search_document USING GIN (district_ags)`);
    await q.query(`CREATE INDEX idx_search_document_category ON search_document (category)`);
    await q.query(`CREATE INDEX idx_search_document_name ON search_document (name_sort, id)`);
    // Every indexed word, folded; typo correction finds candidates by trigram distance (KNN on GiST)
    // and the btree (C collation) serves prefix lookups for the word being typed.
    await q.query(`
      CREATE TABLE search_vocabulary (
        word text COLLATE "C" NOT NULL,
        CONSTRAINT pk_search_vocabulary PRIMARY KEY (word)
      )`);
    await q.query(`CREATE INDEX idx_search_vocabulary_trgm ON search_vocabulary USING GiST (word gist_trgm_ops)`);

    // Listings that exist already (an upgraded installation) are indexed by the worker.
    await q.query(`INSERT INTO search_outbox (listing_id, op) SELECT id, 'index' FROM service`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service', 'service_need', 'service_location']) {
      for (const event of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER IF EXISTS trg_search_outbox_${table}_${event} ON ${table}`);
    }
    await q.query(`DROP TRIGGER IF EXISTS trg_search_outbox_organization_upd ON organization`);
    await q.query(`DROP TRIGGER IF EXISTS trg_search_outbox_location_upd ON location`);
    await q.query(`DROP TRIGGER IF EXISTS trg_search_outbox_need_term_upd ON need_term`);
    for (const fn of ['service', 'service_link', 'organization', 'location', 'need_term']) await q.query(`DROP FUNCTION IF EXISTS search_outbox_from_${fn}()`);
    await q.query(`DROP TABLE IF EXISTS search_vocabulary`);
    await q.query(`DROP TABLE IF EXISTS search_document`);
    await q.query(`DROP TABLE IF EXISTS search_outbox`);
  }
}
