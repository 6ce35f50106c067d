import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17 (import speed): an import batch writes thousands of organisations, locations, services
 * and links in a handful of statements, and the tables' triggers then did per batch what the
 * import can do once:
 *
 * - `location_derive_areas` tested every new location's point against the boundaries (two
 *   `ST_Covers` per row), though the import already has both areas from the in-memory area index
 *   (`GeoService.areaAt`: PostGIS's answer, it asks PostGIS where it is not certain);
 * - the match-listing and search-outbox triggers refreshed the batch's services after each
 *   statement (the services, their needs, their locations: three refreshes and three outbox rows
 *   per service, two of them for rows that were not complete yet).
 *
 * Inside a transaction that says it is an import batch (`SET LOCAL lotse.import_batch = 'on'`) a
 * location that carries both areas keeps them, and the statement triggers stay quiet; the import
 * then refreshes the match listings and queues the search outbox once for every service the batch
 * touched (ImportRepository.refreshListings). Every other write is unchanged.
 */
export class ImportBatchTriggers1734320000000 implements MigrationInterface {
  name = 'ImportBatchTriggers1734320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(deriveAreas(true));
    for (const t of TRIGGERS) {
      await q.query(`DROP TRIGGER ${t.name} ON ${t.table}`);
      await q.query(create(t, true));
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) {
      await q.query(`DROP TRIGGER ${t.name} ON ${t.table}`);
      await q.query(create(t, false));
    }
    await q.query(deriveAreas(false));
  }
}

const NOT_IN_BATCH = `coalesce(current_setting('lotse.import_batch', true), '') <> 'on'`;

interface StatementTrigger {
  name: string;
  table: string;
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  transition: string;
  fn: string;
}

const transition = (event: StatementTrigger['event']) =>
  event === 'INSERT' ? 'NEW TABLE AS new_rows' : event === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
const short = (event: StatementTrigger['event']) => event.toLowerCase().slice(0, 3);

/** The statement triggers of migrations 1732300000000 (search outbox) and 1732320000000 (match listings) on the tables an import writes. */
const TRIGGERS: StatementTrigger[] = [
  ...['service', 'service_need', 'service_location'].flatMap((table) =>
    (['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => ({
      name: `trg_search_outbox_${table}_${short(event)}`, table, event, transition: transition(event),
      fn: table === 'service' ? 'search_outbox_from_service' : 'search_outbox_from_service_link',
    })),
  ),
  { name: 'trg_search_outbox_organization_upd', table: 'organization', event: 'UPDATE', transition: 'NEW TABLE AS new_rows', fn: 'search_outbox_from_organization' },
  { name: 'trg_search_outbox_location_upd', table: 'location', event: 'UPDATE', transition: 'NEW TABLE AS new_rows', fn: 'search_outbox_from_location' },
  ...['service', 'service_need', 'service_location', 'location', 'organization'].flatMap((table) =>
    (['service_need', 'service_location'].includes(table) ? (['INSERT', 'UPDATE', 'DELETE'] as const) : (['UPDATE'] as const)).map((event) => ({
      name: `trg_match_listing_${table}_${short(event)}`, table, event, transition: transition(event), fn: `match_listing_from_${table}`,
    })),
  ),
];

const create = (t: StatementTrigger, quietInBatch: boolean) =>
  `CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} REFERENCING ${t.transition} FOR EACH STATEMENT
   ${quietInBatch ? `WHEN (${NOT_IN_BATCH})` : ''} EXECUTE FUNCTION ${t.fn}()`;

const deriveAreas = (givenInBatch: boolean) => `
  CREATE OR REPLACE FUNCTION location_derive_areas() RETURNS trigger AS $$
  BEGIN
    ${givenInBatch ? `IF NEW.municipality_ags IS NOT NULL AND NEW.district_ags IS NOT NULL AND NOT (${NOT_IN_BATCH}) THEN
      RETURN NEW;
    END IF;` : ''}
    NEW.municipality_ags := (SELECT m.ags FROM municipality m
      WHERE ST_Covers(m.boundary, NEW.point::geometry) ORDER BY m.ags LIMIT 1);
    NEW.district_ags := (SELECT d.ags FROM district d
      WHERE ST_Covers(d.boundary, NEW.point::geometry) ORDER BY d.ags LIMIT 1);
    RETURN NEW;
  END
  $$ LANGUAGE plpgsql`;
