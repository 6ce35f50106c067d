import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's visibility rule, defined once in SQL: a listing is visible when its service and its
 * organisation are active; hidden ones reach only the organisation's members, coordinators and admins
 * (`listing_visible_to` with the viewer's scope). Until now the rule was restated in each repository
 * and in the matcher's read model; every statement now calls these functions (the catalogue's
 * `visibilitySql` writes the calls), so a change of the rule is one migration.
 *
 * The functions are plain SQL expressions marked IMMUTABLE, so the planner inlines them: a filter on
 * `listing_visible(s.status, o.status)` plans exactly like the two comparisons it stands for.
 *
 * `match_listing_refresh` (the matcher's read model, migration 1732320000000) is redefined on the
 * rule, unchanged otherwise.
 */
export class Visibility1733000000000 implements MigrationInterface {
  name = 'Visibility1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION listing_visible(service_status varchar, organization_status varchar) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT service_status = 'active' AND organization_status = 'active' $$`);
    await q.query(`
      CREATE FUNCTION organization_visible(organization_status varchar) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT organization_status = 'active' $$`);
    await q.query(`
      CREATE FUNCTION listing_visible_to(service_status varchar, organization_status varchar, organization_id uuid,
                                         sees_all_hidden boolean, member_of uuid[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT listing_visible(service_status, organization_status) OR sees_all_hidden OR organization_id = ANY(member_of) $$`);
    await q.query(`
      CREATE FUNCTION organization_visible_to(organization_status varchar, organization_id uuid,
                                              sees_all_hidden boolean, member_of uuid[]) RETURNS boolean
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT organization_visible(organization_status) OR sees_all_hidden OR organization_id = ANY(member_of) $$`);

    await q.query(refreshFunction('listing_visible(s.status, o.status)'));
  }

  async down(q: QueryRunner): Promise<void> {
    // The read model's refresher as migration 1732320000000 defined it, with the rule spelled out.
    await q.query(refreshFunction(`s.status = 'active' AND o.status = 'active'`));
    for (const fn of ['organization_visible_to(varchar, uuid, boolean, uuid[])', 'listing_visible_to(varchar, varchar, uuid, boolean, uuid[])', 'organization_visible(varchar)', 'listing_visible(varchar, varchar)']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
  }
}

/** `match_listing_refresh` of migration 1732320000000 with the visibility predicate over `s` (service) and `o` (organisation). */
function refreshFunction(visible: string): string {
  return `
      CREATE OR REPLACE FUNCTION match_listing_refresh(ids uuid[]) RETURNS void AS $$
        -- One refresher per service at a time, and each statement below then reads what the one
        -- before it committed (see migration 1732320000000).
        SELECT 1 FROM service WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
        DELETE FROM match_listing m WHERE m.service_id = ANY(ids) AND NOT EXISTS (
          SELECT 1 FROM service s
          JOIN organization o ON o.id = s.organization_id
          JOIN service_need sn ON sn.service_id = s.id
          JOIN service_location sl ON sl.service_id = s.id
          WHERE s.id = m.service_id AND sn.need_code = m.need_code AND sl.location_id = m.location_id
            AND ${visible});
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
        WHERE s.id = ANY(ids) AND ${visible}
        ON CONFLICT (service_id, location_id, need_code) DO UPDATE SET
          organization_id = EXCLUDED.organization_id, point = EXCLUDED.point, district_ags = EXCLUDED.district_ags,
          category = EXCLUDED.category, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, languages = EXCLUDED.languages,
          accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
          accepting_new_clients = EXCLUDED.accepting_new_clients, free_seats = EXCLUDED.free_seats,
          waiting_days = EXCLUDED.waiting_days, capacity_updated_at = EXCLUDED.capacity_updated_at, facts = EXCLUDED.facts;
      $$ LANGUAGE sql`;
}
