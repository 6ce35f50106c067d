import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (import speed): `match_listing_refresh` builds the same rows as before (1734100000000),
 * at less cost when it is handed thousands of services at once — an import batch.
 *
 * - The rows are built from the ids (`unnest(ids)` joined by primary key) rather than filtered by
 *   `s.id = ANY(ids)`. On tables the planner has no statistics for yet — a fresh import, and
 *   autovacuum has not looked at them — it walked every active organisation and each of its
 *   services and tested the id against the whole array: a cost that grew with the catalogue and
 *   the batch together, per batch.
 * - A service that has no listing yet (every service of a fresh import) gets its rows by a plain
 *   INSERT; only services that already have listings go through the upsert. `ON CONFLICT` checks the
 *   primary key before and confirms a speculative insertion after every row, for rows that
 *   cannot conflict: the services are locked by the first statement, so no other refresher adds
 *   listings for them before this transaction ends, and the upsert runs first, so the plain insert
 *   still sees which services had none.
 *
 * What a refresh leaves in `match_listing` is unchanged (the visibility rule of 1733000000000, the
 * columns and `facts` of 1734100000000).
 */
export class MatchListingRefreshByIds1734330000000 implements MigrationInterface {
  name = 'MatchListingRefreshByIds1734330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(refreshFunction(false));
  }
}

const COLUMNS = `need_code, service_id, location_id, organization_id, point, district_ags, category, min_age, max_age,
      languages, accessibility, delivery_modes, cost_type, accepting_new_clients, free_seats, waiting_days, capacity_updated_at,
      specialty, kind_tokens, service_area, facts`;

const VALUES = `sn.need_code, s.id, l.id, s.organization_id, l.point, l.district_ags, s.category, s.min_age, s.max_age,
      s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.accepting_new_clients, s.free_seats, s.waiting_days, s.capacity_updated_at,
      s.specialty,
      ARRAY['c:' || s.category, 's:' || coalesce(s.specialty, ''), 'cs:' || s.category || '/' || coalesce(s.specialty, '')],
      s.service_area,
      concat_ws('|', s.organization_id, coalesce(l.district_ags, ''), s.category, array_to_string(s.languages, ','),
        array_to_string(s.accessibility, ','), array_to_string(s.delivery_modes, ','), s.accepting_new_clients,
        coalesce(s.free_seats::text, ''), coalesce(s.waiting_days::text, ''), (extract(epoch FROM s.capacity_updated_at) * 1000)::float8,
        ST_Y(l.point::geometry), ST_X(l.point::geometry), coalesce(s.specialty, ''))`;

const UPSERT = `ON CONFLICT (service_id, location_id, need_code) DO UPDATE SET
      organization_id = EXCLUDED.organization_id, point = EXCLUDED.point, district_ags = EXCLUDED.district_ags,
      category = EXCLUDED.category, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, languages = EXCLUDED.languages,
      accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
      accepting_new_clients = EXCLUDED.accepting_new_clients, free_seats = EXCLUDED.free_seats,
      waiting_days = EXCLUDED.waiting_days, capacity_updated_at = EXCLUDED.capacity_updated_at,
      specialty = EXCLUDED.specialty, kind_tokens = EXCLUDED.kind_tokens, service_area = EXCLUDED.service_area, facts = EXCLUDED.facts`;

const DELETE_GONE = `DELETE FROM match_listing m WHERE m.service_id = ANY(ids) AND NOT EXISTS (
      SELECT 1 FROM service s
      JOIN organization o ON o.id = s.organization_id
      JOIN service_need sn ON sn.service_id = s.id
      JOIN service_location sl ON sl.service_id = s.id
      WHERE s.id = m.service_id AND sn.need_code = m.need_code AND sl.location_id = m.location_id
        AND listing_visible(s.status, o.status))`;

/**
 * The services' rows, found by primary key. The organisation's status is looked up per service
 * rather than joined: joined, a planner without statistics (tables an import has just filled)
 * started from every active organisation and tested each of its services against the array.
 */
const rowsOf = (ids: string) => `SELECT ${VALUES}
      FROM service s
      JOIN service_need sn ON sn.service_id = s.id
      JOIN service_location sl ON sl.service_id = s.id
      JOIN location l ON l.id = sl.location_id
      WHERE s.id = ANY(${ids}) AND listing_visible(s.status, (SELECT o.status FROM organization o WHERE o.id = s.organization_id))`;

/** `byIds`: this migration's refresher; without, that of 1734100000000 (for `down`). */
const refreshFunction = (byIds: boolean) => byIds ? `
  CREATE OR REPLACE FUNCTION match_listing_refresh(ids uuid[]) RETURNS void AS $$
  DECLARE
    listed uuid[];
    unlisted uuid[];
  BEGIN
    -- One refresher per service at a time, and each statement below then reads what the one
    -- before it committed (see migration 1732320000000).
    PERFORM 1 FROM service WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    ${DELETE_GONE};
    SELECT array_agg(t.id) FILTER (WHERE EXISTS (SELECT 1 FROM match_listing m WHERE m.service_id = t.id)),
           array_agg(t.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM match_listing m WHERE m.service_id = t.id))
      INTO listed, unlisted
      FROM (SELECT DISTINCT unnest(ids) AS id) t;
    -- services that still have listings: upserted (new pairs inserted, the others brought up to date)
    IF listed IS NOT NULL THEN
      INSERT INTO match_listing (${COLUMNS})
      ${rowsOf('listed')}
      ${UPSERT};
    END IF;
    -- services without listings (new, or visible again): nothing to conflict with
    IF unlisted IS NOT NULL THEN
      INSERT INTO match_listing (${COLUMNS})
      ${rowsOf('unlisted')};
    END IF;
  END
  $$ LANGUAGE plpgsql` : `
  CREATE OR REPLACE FUNCTION match_listing_refresh(ids uuid[]) RETURNS void AS $$
    -- One refresher per service at a time, and each statement below then reads what the one
    -- before it committed (see migration 1732320000000).
    SELECT 1 FROM service WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    ${DELETE_GONE};
    INSERT INTO match_listing (${COLUMNS})
    SELECT ${VALUES}
    FROM service s
    JOIN organization o ON o.id = s.organization_id
    JOIN service_need sn ON sn.service_id = s.id
    JOIN service_location sl ON sl.service_id = s.id
    JOIN location l ON l.id = sl.location_id
    WHERE s.id = ANY(ids) AND listing_visible(s.status, o.status)
    ${UPSERT};
  $$ LANGUAGE sql`;
