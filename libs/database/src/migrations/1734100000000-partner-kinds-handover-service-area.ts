import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a coach asks for and hands over (issue 13, points 1, 7 and 8):
 *
 * - `match_listing.kind_tokens`: the kinds of partner a listing is (`c:<category>`,
 *   `s:<specialty>`, `cs:<category>/<specialty>`), so a need's kinds of partner filter the KNN scan
 *   with one array overlap (`&&`); `specialty` beside it, and at the end of `facts`, for ranking a
 *   preferred kind and for the wording.
 * - `service.service_area`: the districts (5-digit AGS) and municipalities (8-digit AGS) an outreach
 *   or online service serves (HSDS `service_area`); copied to `match_listing.service_area` with a GIN
 *   index, so "who comes to a person in this municipality" is one index look-up.
 * - `service.equipment`: what a room for outreach consultations offers (a closed door for
 *   confidential talks, a desk, Wi-Fi, …; codes of `RoomEquipment`) — the coaches' `rooms` query.
 * - `location.phones`: phones per location, each with a label ("Anmeldung", "Sekretariat"); a coach
 *   hands over the number of the place the person goes to, not the organisation's list. Where an
 *   organisation has one location, its phones move there (labelled "Telefon" when they had none).
 *
 * `match_listing_refresh` is redefined with the new columns (the visibility rule of 1733000000000 unchanged).
 */
export class PartnerKindsHandoverServiceArea1734100000000 implements MigrationInterface {
  name = 'PartnerKindsHandoverServiceArea1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service ADD COLUMN service_area character varying(8) array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE service ADD CONSTRAINT chk_service_area CHECK (cardinality(service_area) <= 100)`);
    await q.query(`ALTER TABLE service ADD COLUMN equipment text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE location ADD COLUMN phones jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`
      UPDATE location l SET phones = (
        SELECT coalesce(jsonb_agg(jsonb_build_object('number', p->>'number', 'label', coalesce(nullif(p->>'label', ''), 'Telefon'))), '[]'::jsonb)
        FROM organization o, jsonb_array_elements(o.phones) p WHERE o.id = l.organization_id)
      WHERE (SELECT count(*) FROM location x WHERE x.organization_id = l.organization_id) = 1`);

    await q.query(`ALTER TABLE match_listing ADD COLUMN specialty character varying(60)`);
    await q.query(`ALTER TABLE match_listing ADD COLUMN kind_tokens text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE match_listing ADD COLUMN service_area character varying(8) array NOT NULL DEFAULT '{}'`);
    await q.query(refreshFunction(true));
    await q.query(`SELECT match_listing_refresh(ARRAY(SELECT id FROM service))`);
    await q.query(`CREATE INDEX idx_match_listing_service_area ON match_listing USING GIN (service_area)`);
    await q.query(`ANALYZE match_listing`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS idx_match_listing_service_area`);
    for (const column of ['specialty', 'kind_tokens', 'service_area']) await q.query(`ALTER TABLE match_listing DROP COLUMN IF EXISTS ${column}`);
    await q.query(`ALTER TABLE location DROP COLUMN IF EXISTS phones`);
    await q.query(`ALTER TABLE service DROP CONSTRAINT IF EXISTS chk_service_area`);
    await q.query(`ALTER TABLE service DROP COLUMN IF EXISTS service_area`);
    await q.query(`ALTER TABLE service DROP COLUMN IF EXISTS equipment`);
    await q.query(refreshFunction(false));
  }
}

/** `withKinds`: this migration's refresher; without, that of 1733000000000 (for `down`). */
const refreshFunction = (withKinds: boolean) => `
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
        AND listing_visible(s.status, o.status));
    INSERT INTO match_listing (need_code, service_id, location_id, organization_id, point, district_ags, category, min_age, max_age,
      languages, accessibility, delivery_modes, cost_type, accepting_new_clients, free_seats, waiting_days, capacity_updated_at,
      ${withKinds ? 'specialty, kind_tokens, service_area,' : ''} facts)
    SELECT sn.need_code, s.id, l.id, s.organization_id, l.point, l.district_ags, s.category, s.min_age, s.max_age,
      s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.accepting_new_clients, s.free_seats, s.waiting_days, s.capacity_updated_at,
      ${withKinds ? `s.specialty,
      ARRAY['c:' || s.category, 's:' || coalesce(s.specialty, ''), 'cs:' || s.category || '/' || coalesce(s.specialty, '')],
      s.service_area,` : ''}
      concat_ws('|', s.organization_id, coalesce(l.district_ags, ''), s.category, array_to_string(s.languages, ','),
        array_to_string(s.accessibility, ','), array_to_string(s.delivery_modes, ','), s.accepting_new_clients,
        coalesce(s.free_seats::text, ''), coalesce(s.waiting_days::text, ''), (extract(epoch FROM s.capacity_updated_at) * 1000)::float8,
        ST_Y(l.point::geometry), ST_X(l.point::geometry)${withKinds ? `, coalesce(s.specialty, '')` : ''})
    FROM service s
    JOIN organization o ON o.id = s.organization_id
    JOIN service_need sn ON sn.service_id = s.id
    JOIN service_location sl ON sl.service_id = s.id
    JOIN location l ON l.id = sl.location_id
    WHERE s.id = ANY(ids) AND listing_visible(s.status, o.status)
    ON CONFLICT (service_id, location_id, need_code) DO UPDATE SET
      organization_id = EXCLUDED.organization_id, point = EXCLUDED.point, district_ags = EXCLUDED.district_ags,
      category = EXCLUDED.category, min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, languages = EXCLUDED.languages,
      accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
      accepting_new_clients = EXCLUDED.accepting_new_clients, free_seats = EXCLUDED.free_seats,
      waiting_days = EXCLUDED.waiting_days, capacity_updated_at = EXCLUDED.capacity_updated_at,
      ${withKinds ? 'specialty = EXCLUDED.specialty, kind_tokens = EXCLUDED.kind_tokens, service_area = EXCLUDED.service_area,' : ''} facts = EXCLUDED.facts;
  $$ LANGUAGE sql`;
