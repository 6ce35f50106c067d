import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issues 12 (point 8) and 13: a need with narrower needs is found by one nearest-first scan.
 *
 * Since the taxonomy gave needs a parent (1733250000000), a request for "Psychische Gesundheit" is
 * answered by listings of the need and of each narrower need (psychotherapy, psychosocial
 * counselling, psychiatric treatment, crisis intervention), each of the kinds of partner of the
 * need it is tagged with. That took one KNN scan of the (need_code, point) index per tagged need:
 * five scans, each with its own start-up cost and its own limit, so a dense city's mental-health
 * request read and shipped up to five times as many rows as any other.
 *
 * Now `match_listing` holds a row per listing and need of its family: for every need a service is
 * tagged with, a row under that need and one under each broader need (`need_term.parent_code`, at
 * any depth). The broader need's row says which of the service's needs it stands for:
 *
 * - `tagged_needs`: the service's needs under `need_code` (itself or narrower), sorted;
 * - `direct`: the service is tagged with `need_code` itself;
 * - `route_tokens`: `<tagged need>><kind token>` for each tagged need and each of the listing's kind
 *   tokens (`c:`, `s:`, `cs:` as in `kind_tokens`). "Tagged with psychotherapy and of one of its
 *   kinds" is then one array overlap with the request's routes, so one scan of the broader need
 *   keeps each narrower need's kinds of partner.
 *
 * Rows under a need itself are as before, plus the three columns. The refresher builds the family
 * from `need_term` when it runs, so a taxonomy migration that changes a parent refreshes every
 * service (as this one does). The visibility rule (1733000000000) and the batch plan by ids
 * (1734330000000) are unchanged.
 */
export class MatchListingNeedFamilies1734400000000 implements MigrationInterface {
  name = 'MatchListingNeedFamilies1734400000000';

  async up(q: QueryRunner): Promise<void> {
    // a need and every broader need above it (depth 0: the need itself)
    await q.query(`
      CREATE VIEW need_lineage AS
      WITH RECURSIVE up(code, ancestor) AS (
        SELECT code, code FROM need_term
        UNION
        SELECT up.code, t.parent_code FROM up JOIN need_term t ON t.code = up.ancestor WHERE t.parent_code IS NOT NULL
      )
      SELECT code, ancestor FROM up`);
    await q.query(`ALTER TABLE match_listing ADD COLUMN tagged_needs character varying(64) array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE match_listing ADD COLUMN direct boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE match_listing ADD COLUMN route_tokens text array NOT NULL DEFAULT '{}'`);
    await q.query(refreshFunction(true));
    // every row is rebuilt: emptied and filled by the refresher's plain insert, indexes built once after
    await q.query(`DROP INDEX idx_match_listing_need_point`);
    await q.query(`TRUNCATE match_listing`);
    await q.query(`SELECT match_listing_refresh(ARRAY(SELECT id FROM service))`);
    await q.query(`CREATE INDEX idx_match_listing_need_point ON match_listing USING GIST (need_code, point)`);
    await q.query(`ANALYZE match_listing`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM match_listing WHERE NOT direct`);
    for (const column of ['tagged_needs', 'direct', 'route_tokens']) await q.query(`ALTER TABLE match_listing DROP COLUMN ${column}`);
    await q.query(refreshFunction(false));
    await q.query(`DROP VIEW need_lineage`);
  }
}

const COLUMNS = (families: boolean) => `need_code, service_id, location_id, organization_id, point, district_ags, category, min_age, max_age,
      languages, accessibility, delivery_modes, cost_type, accepting_new_clients, free_seats, waiting_days, capacity_updated_at,
      specialty, kind_tokens, service_area, facts${families ? ', tagged_needs, direct, route_tokens' : ''}`;

const KIND_TOKENS = `ARRAY['c:' || s.category, 's:' || coalesce(s.specialty, ''), 'cs:' || s.category || '/' || coalesce(s.specialty, '')]`;

const VALUES = (families: boolean) => `${families ? 'fam.need_code' : 'sn.need_code'}, s.id, l.id, s.organization_id, l.point, l.district_ags, s.category, s.min_age, s.max_age,
      s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.accepting_new_clients, s.free_seats, s.waiting_days, s.capacity_updated_at,
      s.specialty,
      ${KIND_TOKENS},
      s.service_area,
      concat_ws('|', s.organization_id, coalesce(l.district_ags, ''), s.category, array_to_string(s.languages, ','),
        array_to_string(s.accessibility, ','), array_to_string(s.delivery_modes, ','), s.accepting_new_clients,
        coalesce(s.free_seats::text, ''), coalesce(s.waiting_days::text, ''), (extract(epoch FROM s.capacity_updated_at) * 1000)::float8,
        ST_Y(l.point::geometry), ST_X(l.point::geometry), coalesce(s.specialty, ''))${families ? `,
      fam.tagged, fam.need_code = ANY(fam.tagged),
      ARRAY(SELECT t || '>' || k FROM unnest(fam.tagged) t, unnest(${KIND_TOKENS}) k)` : ''}`;

const UPSERT = (families: boolean) => `ON CONFLICT (service_id, location_id, need_code) DO UPDATE SET
      organization_id = EXCLUDED.organization_id, point = EXCLUDED.point, district_ags = EXCLUDED.district_ags,
      category = EXCLUDED.category, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, languages = EXCLUDED.languages,
      accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
      accepting_new_clients = EXCLUDED.accepting_new_clients, free_seats = EXCLUDED.free_seats,
      waiting_days = EXCLUDED.waiting_days, capacity_updated_at = EXCLUDED.capacity_updated_at,
      specialty = EXCLUDED.specialty, kind_tokens = EXCLUDED.kind_tokens, service_area = EXCLUDED.service_area, facts = EXCLUDED.facts${families ? `,
      tagged_needs = EXCLUDED.tagged_needs, direct = EXCLUDED.direct, route_tokens = EXCLUDED.route_tokens` : ''}`;

/** A row is gone when its need is no longer the service's or above one of them, or the listing is not visible. */
const DELETE_GONE = (families: boolean) => `DELETE FROM match_listing m WHERE m.service_id = ANY(ids) AND NOT EXISTS (
      SELECT 1 FROM service s
      JOIN organization o ON o.id = s.organization_id
      JOIN service_need sn ON sn.service_id = s.id
      ${families ? 'JOIN need_lineage nl ON nl.code = sn.need_code' : ''}
      JOIN service_location sl ON sl.service_id = s.id
      WHERE s.id = m.service_id AND ${families ? 'nl.ancestor' : 'sn.need_code'} = m.need_code AND sl.location_id = m.location_id
        AND listing_visible(s.status, o.status))`;

/**
 * The services' rows, found by primary key (see 1734330000000): with families, one per need of the
 * service and per broader need, carrying the service's needs it stands for. The family is built per
 * service (its needs by the service_need key), not for the batch at once: grouped over the batch, a
 * planner without statistics (a fresh import) scanned all of service_need per batch.
 */
const rowsOf = (ids: string, families: boolean) => families ? `SELECT ${VALUES(true)}
      FROM service s
      CROSS JOIN LATERAL (
        SELECT nl.ancestor AS need_code, array_agg(sn.need_code ORDER BY sn.need_code)::varchar[] AS tagged
        FROM service_need sn JOIN need_lineage nl ON nl.code = sn.need_code
        WHERE sn.service_id = s.id GROUP BY nl.ancestor
      ) fam
      JOIN service_location sl ON sl.service_id = s.id
      JOIN location l ON l.id = sl.location_id
      WHERE s.id = ANY(${ids}) AND listing_visible(s.status, (SELECT o.status FROM organization o WHERE o.id = s.organization_id))` : `SELECT ${VALUES(false)}
      FROM service s
      JOIN service_need sn ON sn.service_id = s.id
      JOIN service_location sl ON sl.service_id = s.id
      JOIN location l ON l.id = sl.location_id
      WHERE s.id = ANY(${ids}) AND listing_visible(s.status, (SELECT o.status FROM organization o WHERE o.id = s.organization_id))`;

/** `families`: this migration's refresher; without, that of 1734330000000 (for `down`). */
const refreshFunction = (families: boolean) => `
  CREATE OR REPLACE FUNCTION match_listing_refresh(ids uuid[]) RETURNS void AS $$
  DECLARE
    listed uuid[];
    unlisted uuid[];
  BEGIN
    -- One refresher per service at a time, and each statement below then reads what the one
    -- before it committed (see migration 1732320000000).
    PERFORM 1 FROM service WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    ${DELETE_GONE(families)};
    SELECT array_agg(t.id) FILTER (WHERE EXISTS (SELECT 1 FROM match_listing m WHERE m.service_id = t.id)),
           array_agg(t.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM match_listing m WHERE m.service_id = t.id))
      INTO listed, unlisted
      FROM (SELECT DISTINCT unnest(ids) AS id) t;
    -- services that still have listings: upserted (new pairs inserted, the others brought up to date)
    IF listed IS NOT NULL THEN
      INSERT INTO match_listing (${COLUMNS(families)})
      ${rowsOf('listed', families)}
      ${UPSERT(families)};
    END IF;
    -- services without listings (new, or visible again): nothing to conflict with
    IF unlisted IS NOT NULL THEN
      INSERT INTO match_listing (${COLUMNS(families)})
      ${rowsOf('unlisted', families)};
    END IF;
  END
  $$ LANGUAGE plpgsql`;
