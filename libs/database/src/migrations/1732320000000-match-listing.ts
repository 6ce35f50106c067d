import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `match_listing`: the matcher's read model — one row per need × visible service × location, with
 * the location's point and district and every service fact the matcher filters or scores on.
 *
 * Why: the candidate search asks "the nearest visible listings for need X around this point". With
 * the point indexed alone, PostgreSQL visited every listing within the radius, joined service,
 * organisation and needs for each and tested the need last, so in a dense city the cost grew with
 * the whole catalogue (floor ×15 from 10k to 500k listings). Here a GiST index over
 * (need_code, point) — `btree_gist` supplies the equality part — lets a KNN scan walk only that
 * need's listings, nearest first, and stop after the rows it needs, without touching another table.
 *
 * The rows are derived, never written by the application: statement-level triggers on every source
 * table recompute the affected services' rows inside the writing transaction (one set-based
 * statement per write statement, on every write path — self-service, import, seed, hand-made SQL).
 * `match_listing_refresh` locks the services it recomputes (so concurrent writers touching one
 * service through different tables take turns and the later one reads the earlier one's commit)
 * and upserts, so both commit and the listing ends in the committed state. A listing leaves the table when its service
 * or organisation stops being active, and comes back when it is active again.
 *
 * `facts` repeats, pre-formatted as one '|'-separated text, what the matcher scores each candidate
 * on (organisation, district, capacity, languages, accessibility, delivery modes, coordinates): the
 * typed columns serve the filters, the text is what the candidate search returns. Formatting those
 * fields for up to 400 rows per request cost the search as much again as finding them; a write
 * formats them once.
 *
 * Like the search tables it has no TypeORM entity: only the catalogue repository reads it.
 */
export class MatchListing1732320000000 implements MigrationInterface {
  name = 'MatchListing1732320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`
      CREATE TABLE match_listing (
        need_code character varying(64) NOT NULL,
        service_id uuid NOT NULL,
        location_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        point geography(Point,4326) NOT NULL,
        district_ags character varying(5),
        category character varying(40) NOT NULL,
        min_age smallint,
        max_age smallint,
        languages text array NOT NULL,
        accessibility text array NOT NULL,
        delivery_modes text array NOT NULL,
        cost_type character varying(30) NOT NULL,
        accepting_new_clients boolean NOT NULL,
        free_seats integer,
        waiting_days integer,
        capacity_updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
        facts text NOT NULL,
        CONSTRAINT pk_match_listing PRIMARY KEY (service_id, location_id, need_code),
        CONSTRAINT fk_match_listing_service FOREIGN KEY (service_id) REFERENCES service(id) ON DELETE CASCADE,
        CONSTRAINT fk_match_listing_location FOREIGN KEY (location_id) REFERENCES location(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE FUNCTION match_listing_refresh(ids uuid[]) RETURNS void AS $$
        -- One refresher per service at a time, and each statement below then reads what the one
        -- before it committed: without this, an organisation update and a capacity update running
        -- side by side could each write the listing from a view missing the other's change.
        SELECT 1 FROM service WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM match_listing m WHERE m.service_id = ANY(ids) AND NOT EXISTS (
          SELECT 1 FROM service s
          JOIN organization o ON o.id = s.organization_id
          JOIN service_need sn ON sn.service_id = s.id
          JOIN service_location sl ON sl.service_id = s.id
          WHERE s.id = m.service_id AND sn.need_code = m.need_code AND sl.location_id = m.location_id
            AND s.status = 'active' AND o.status = 'active');
        INSERT INTO match_listing (need_code, service_id, location_id, organization_id, point, district_ags, category, min_age, max_age,
          languages, accessibility, delivery_modes, cost_type, accepting_new_clients, free_seats, waiting_days, capacity_updated_at, facts)
        SELECT sn.need_code, s.id, l.id, s.organization_id, l.point, l.district_ags, s.category, s.min_age, s.max_age,
          s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.accepting_new_clients, s.free_seats, s.waiting_days, s.capacity_updated_at,
          concat_ws('|', s.organization_id, coalesce(l.district_ags, ''), s.category, array_to_string(s.languages, ','),
            array_to_string(s.accessibility, ','), array_to_string(s.delivery_modes, ','), s.accepting_new_clients,
            coalesce(s.free_seats::text, ''), coalesce(s.waiting_days::text, ''), (extract(epoch FROM s.capacity_updated_at) * 1000)::float8,
            ST_Y(l.point::geometry), ST_X(l.point::geometry))
        FROM service s
        JOIN organization o ON o.id = s.organization_id
        JOIN service_need sn ON sn.service_id = s.id
        JOIN service_location sl ON sl.service_id = s.id
        JOIN location l ON l.id = sl.location_id
        WHERE s.id = ANY(ids) AND s.status = 'active' AND o.status = 'active'
        ON CONFLICT (service_id, location_id, need_code) DO UPDATE SET
          organization_id = EXCLUDED.organization_id, point = EXCLUDED.point, district_ags = EXCLUDED.district_ags,
          category = EXCLUDED.category, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, languages = EXCLUDED.languages,
          accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
          accepting_new_clients = EXCLUDED.accepting_new_clients, free_seats = EXCLUDED.free_seats,
          waiting_days = EXCLUDED.waiting_days, capacity_updated_at = EXCLUDED.capacity_updated_at, facts = EXCLUDED.facts;
      $$ LANGUAGE sql`);

    // Which services a write statement touched, per source table (transition tables of the statement).
    const sources: { table: string; services: (rows: string) => string }[] = [
      { table: 'service', services: (rows) => `SELECT id FROM ${rows}` },
      { table: 'service_need', services: (rows) => `SELECT service_id FROM ${rows}` },
      { table: 'service_location', services: (rows) => `SELECT service_id FROM ${rows}` },
      { table: 'location', services: (rows) => `SELECT sl.service_id FROM ${rows} r JOIN service_location sl ON sl.location_id = r.id` },
      { table: 'organization', services: (rows) => `SELECT s.id FROM ${rows} r JOIN service s ON s.organization_id = r.id` },
    ];
    for (const { table, services } of sources) {
      await q.query(`
        CREATE FUNCTION match_listing_from_${table}() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN
            PERFORM match_listing_refresh(ARRAY(${services('old_rows')}));
          ELSIF TG_OP = 'UPDATE' THEN
            PERFORM match_listing_refresh(ARRAY(${services('old_rows')} UNION ${services('new_rows')}));
          ELSE
            PERFORM match_listing_refresh(ARRAY(${services('new_rows')}));
          END IF;
          RETURN NULL;
        END
        $$ LANGUAGE plpgsql`);
      // A new service, location or organisation has no links yet, so it cannot add a listing;
      // deleting one cascades through the foreign keys.
      const events = ['service_need', 'service_location'].includes(table) ? ['INSERT', 'UPDATE', 'DELETE'] : ['UPDATE'];
      for (const event of events) {
        const transition = event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
        await q.query(
          `CREATE TRIGGER trg_match_listing_${table}_${event.toLowerCase().slice(0, 3)} AFTER ${event} ON ${table}
           REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION match_listing_from_${table}()`,
        );
      }
    }

    // Existing catalogue first, index after: one bulk build instead of a million index inserts.
    await q.query(`SELECT match_listing_refresh(ARRAY(SELECT id FROM service))`);
    await q.query(`CREATE INDEX idx_match_listing_need_point ON match_listing USING GIST (need_code, point)`);
    await q.query(`CREATE INDEX idx_match_listing_location ON match_listing (location_id)`);
    await q.query(`ANALYZE match_listing`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['service', 'service_need', 'service_location', 'location', 'organization']) {
      for (const event of ['ins', 'upd', 'del']) await q.query(`DROP TRIGGER IF EXISTS trg_match_listing_${table}_${event} ON ${table}`);
      await q.query(`DROP FUNCTION IF EXISTS match_listing_from_${table}()`);
    }
    await q.query(`DROP FUNCTION IF EXISTS match_listing_refresh(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS match_listing`);
  }
}
