import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '@lotse/common';
import { LocationRow, OrganizationRow, Phone, ServiceRow } from '../catalogue-rows';

/**
 * The records the import compares and writes: the columns the exports read (catalogue-rows.ts),
 * named once there, plus what only the import keeps — the source's id, the organisation's status,
 * the geocoder's precision — and the links and children it compares with what a source has.
 */
export interface OrganizationRecord extends Pick<OrganizationRow, 'id' | 'name' | 'kind' | 'identifiers' | 'website' | 'email' | 'phones'> {
  external_id: string;
  status: string;
}

export interface LocationRecord extends Pick<LocationRow, 'id' | 'organization_id' | 'name' | 'street' | 'postcode' | 'town' | 'latitude' | 'longitude' | 'phones'> {
  external_id: string;
  geocode_precision: string;
  /** the areas at the point, when the import knows them (else the database derives them); not compared — they follow from the point */
  district_ags?: string | null;
  municipality_ags?: string | null;
}

type ServiceColumns = 'id' | 'organization_id' | 'name' | 'description' | 'category' | 'specialty' | 'min_age' | 'max_age' | 'insurance_requirement'
  | 'eligibility_note' | 'languages' | 'accessibility' | 'delivery_modes' | 'cost_type' | 'fee_amount' | 'cost_note' | 'accepting_new_clients'
  | 'free_seats' | 'waiting_days' | 'service_area' | 'needs';

export interface ServiceRecord extends Pick<ServiceRow, ServiceColumns> {
  external_id: string;
  status: string;
  /** ISO; in a record to write, null = now */
  capacity_updated_at: string | null;
  /** ISO, or null when never verified */
  verified_at: string | null;
  location_ids: string[];
  opening_hours: { weekday: number; opensAt: string; closesAt: string }[];
  sessions: SessionRecord[];
}

export interface SessionRecord {
  id: string;
  startsOn: string;
  endsOn: string;
  weekday: number;
  startTime: string;
  endTime: string;
  seats: number;
  freeSeats: number;
}

/** The session in the key order the import compares in (jsonb orders keys its own way). */
export const sessionRecord = (x: SessionRecord): SessionRecord => ({
  id: x.id, startsOn: x.startsOn, endsOn: x.endsOn, weekday: x.weekday, startTime: x.startTime, endTime: x.endTime, seats: x.seats, freeSeats: x.freeSeats,
});

/** Phones in the key order the import compares in. */
export const phoneRecords = (phones: Phone[]): Phone[] => phones.map((p) => ({ number: p.number, ...(p.label !== undefined ? { label: p.label } : {}) }));

export interface AuditRow {
  organizationId: string;
  resourceType: 'organization' | 'location' | 'service';
  resourceId: string;
  action: string;
  fieldName: string | null;
  previousValue: unknown;
  replacementValue: unknown;
}

export interface ImportActor {
  userId: string | null;
  displayName: string;
  role: string;
}

/** Arrays as one text each (codes never hold a comma), split again in SQL: unnest takes one-dimensional arrays only. */
const joined = (list: readonly string[]) => list.join(',');
const SPLIT = (column: string) => `CASE WHEN ${column} = '' THEN '{}'::text[] ELSE string_to_array(${column}, ',') END`;

/**
 * All SQL of the import: what a source already has in Lotse (one query per table), and the writes
 * of one batch — set-based, one statement per table (`unnest` of column arrays), inside the
 * batch's transaction. Search outbox, match listings and districts follow from the database's
 * triggers, as for every write.
 */
@Injectable()
export class ImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async organizationsOf(source: string): Promise<OrganizationRecord[]> {
    const rows: OrganizationRecord[] = await this.db.query(
      `SELECT id, external_id, name, kind, identifiers, website, email, phones, status FROM organization WHERE external_source = $1`,
      [source],
    );
    // jsonb orders keys by length: back to the order the import compares in
    for (const r of rows) {
      r.identifiers = r.identifiers.map((i) => ({ scheme: i.scheme, value: i.value }));
      r.phones = phoneRecords(r.phones);
    }
    return rows;
  }

  async locationsOf(source: string): Promise<LocationRecord[]> {
    const rows: LocationRecord[] = await this.db.query(
      `SELECT id, external_id, organization_id, name, street, postcode, town, ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude, geocode_precision, phones
       FROM location WHERE external_source = $1`,
      [source],
    );
    for (const r of rows) r.phones = phoneRecords(r.phones);
    return rows;
  }

  async servicesOf(source: string): Promise<ServiceRecord[]> {
    const rows: ServiceRecord[] = await this.db.query(
      `WITH mine AS MATERIALIZED (SELECT id FROM service WHERE external_source = $1)
       SELECT s.id, s.external_id, s.organization_id, s.name, s.description, s.category, s.specialty, s.min_age, s.max_age, s.insurance_requirement,
              s.eligibility_note, s.languages, s.accessibility, s.delivery_modes, s.cost_type, s.fee_amount::float8 AS fee_amount, s.cost_note,
              s.accepting_new_clients, s.free_seats, s.waiting_days, s.status, s.service_area::text[] AS service_area,
              to_char(s.capacity_updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS capacity_updated_at,
              to_char(s.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS verified_at,
              coalesce(n.needs, '{}') AS needs, coalesce(sl.location_ids, '{}') AS location_ids,
              coalesce(h.hours, '[]'::jsonb) AS opening_hours, coalesce(c.sessions, '[]'::jsonb) AS sessions
       FROM service s
       LEFT JOIN (SELECT service_id, array_agg(need_code::text ORDER BY need_code) AS needs FROM service_need WHERE service_id IN (SELECT id FROM mine) GROUP BY service_id) n ON n.service_id = s.id
       LEFT JOIN (SELECT service_id, array_agg(location_id::text ORDER BY location_id) AS location_ids FROM service_location WHERE service_id IN (SELECT id FROM mine) GROUP BY service_id) sl ON sl.service_id = s.id
       LEFT JOIN (SELECT service_id, jsonb_agg(jsonb_build_object('weekday', weekday, 'opensAt', to_char(opens_at, 'HH24:MI'), 'closesAt', to_char(closes_at, 'HH24:MI'))
                    ORDER BY weekday, opens_at) AS hours FROM opening_hours WHERE service_id IN (SELECT id FROM mine) GROUP BY service_id) h ON h.service_id = s.id
       LEFT JOIN (SELECT service_id, jsonb_agg(jsonb_build_object('id', id, 'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'), 'weekday', weekday,
                    'startTime', to_char(start_time, 'HH24:MI'), 'endTime', to_char(end_time, 'HH24:MI'), 'seats', seats, 'freeSeats', free_seats)
                    ORDER BY starts_on, start_time, id) AS sessions FROM course_session WHERE service_id IN (SELECT id FROM mine) GROUP BY service_id) c ON c.service_id = s.id
       WHERE s.external_source = $1`,
      [source],
    );
    // jsonb orders an object's keys its own way: back to the order the import compares in
    for (const r of rows) {
      r.opening_hours = r.opening_hours.map((h) => ({ weekday: h.weekday, opensAt: h.opensAt, closesAt: h.closesAt }));
      r.sessions = r.sessions.map(sessionRecord);
    }
    return rows;
  }

  /** Which of these ids a table already uses (a source's own UUIDs are kept only where free). */
  async takenIds(table: 'organization' | 'location' | 'service', ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.query(`SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    return new Set(rows.map((r: { id: string }) => r.id));
  }

  /** The services these course run ids belong to (a source's run ids are kept only where no other service has them). */
  async sessionOwners(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; service_id: string }[] = await this.db.query(`SELECT id::text, service_id::text FROM course_session WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.service_id]));
  }

  async upsertOrganizations(tx: EntityManager, source: string, rows: OrganizationRecord[], activate: boolean): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO organization (id, name, kind, identifiers, website, email, phones, status, fictitious, version, external_source, external_id)
       SELECT u.id, u.name, u.kind, u.identifiers::jsonb, u.website, u.email, u.phones::jsonb, u.status, false, 1, $1, u.external_id
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
         AS u(id, name, kind, identifiers, website, email, phones, status, external_id)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, identifiers = EXCLUDED.identifiers, website = EXCLUDED.website,
         email = EXCLUDED.email, phones = EXCLUDED.phones, status = CASE WHEN $11 THEN 'active' ELSE organization.status END,
         version = organization.version + 1, updated_at = now()`,
      [
        source, rows.map((r) => r.id), rows.map((r) => r.name), rows.map((r) => r.kind), rows.map((r) => JSON.stringify(r.identifiers)),
        rows.map((r) => r.website), rows.map((r) => r.email), rows.map((r) => JSON.stringify(r.phones)), rows.map((r) => r.status), rows.map((r) => r.external_id), activate,
      ],
    );
  }

  /**
   * Marks the transaction as an import batch (migration 1734320000000): locations keep the areas
   * the import gives them, and the match-listing and search-outbox triggers stay quiet until
   * `refreshListings` does their work once for the whole batch.
   */
  async startBatch(tx: EntityManager): Promise<void> {
    await tx.query(`SET LOCAL lotse.import_batch = 'on'`);
  }

  /**
   * What the statement triggers would have done, once: the match listings of every service the
   * batch touched (its own, those at its changed locations, those of its changed organisations)
   * refreshed, and each queued once for the search index. Ends the batch mode of the transaction.
   */
  async refreshListings(tx: EntityManager, touched: { organizations: string[]; locations: string[]; services: string[] }): Promise<void> {
    await tx.query(`SET LOCAL lotse.import_batch = 'off'`);
    if (touched.organizations.length + touched.locations.length + touched.services.length === 0) return;
    const [{ ids }]: { ids: string[] }[] = await tx.query(
      `SELECT coalesce(array_agg(DISTINCT x.id::text), '{}') AS ids FROM (
         SELECT unnest($1::uuid[]) AS id
         UNION SELECT sl.service_id FROM service_location sl WHERE sl.location_id = ANY($2::uuid[])
         UNION SELECT s.id FROM service s WHERE s.organization_id = ANY($3::uuid[])) x`,
      [touched.services, touched.locations, touched.organizations],
    );
    if (ids.length === 0) return;
    await tx.query(`SELECT match_listing_refresh($1::uuid[])`, [ids]);
    await tx.query(`INSERT INTO search_outbox (listing_id, op) SELECT unnest($1::uuid[]), 'index'`, [ids]);
  }

  /**
   * Locations with their areas where the import knows them (`district_ags`, `municipality_ags` from
   * the area index); in an import batch the derive trigger keeps given areas and derives the
   * others' by `ST_Covers`, as for every write.
   */
  async upsertLocations(tx: EntityManager, source: string, rows: LocationRecord[]): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO location (id, organization_id, name, street, postcode, town, point, geocode_precision, phones, version, external_source, external_id,
                             district_ags, municipality_ags)
       SELECT u.id, u.organization_id, u.name, u.street, u.postcode, u.town, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)::geography, u.precision, u.phones::jsonb, 1, $1, u.external_id,
              u.district_ags, u.municipality_ags
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::float8[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         AS u(id, organization_id, name, street, postcode, town, lat, lon, precision, external_id, phones, district_ags, municipality_ags)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, postcode = EXCLUDED.postcode, town = EXCLUDED.town,
         point = EXCLUDED.point, geocode_precision = EXCLUDED.geocode_precision, phones = EXCLUDED.phones,
         district_ags = EXCLUDED.district_ags, municipality_ags = EXCLUDED.municipality_ags, version = location.version + 1, updated_at = now()`,
      [
        source, rows.map((r) => r.id), rows.map((r) => r.organization_id), rows.map((r) => r.name), rows.map((r) => r.street), rows.map((r) => r.postcode),
        rows.map((r) => r.town), rows.map((r) => r.latitude), rows.map((r) => r.longitude), rows.map((r) => r.geocode_precision), rows.map((r) => r.external_id),
        rows.map((r) => JSON.stringify(r.phones)), rows.map((r) => r.district_ags ?? null), rows.map((r) => r.municipality_ags ?? null),
      ],
    );
  }

  /** Services and their needs, locations, hours and course runs; capacity is stamped now where it is new or changed. */
  async upsertServices(tx: EntityManager, source: string, rows: (ServiceRecord & { capacityChanged: boolean; created: boolean })[]): Promise<void> {
    if (rows.length === 0) return;
    const col = <K extends keyof ServiceRecord>(k: K) => rows.map((r) => r[k]);
    await tx.query(
      `INSERT INTO service (id, organization_id, name, description, category, specialty, min_age, max_age, insurance_requirement, eligibility_note,
                            languages, accessibility, delivery_modes, cost_type, fee_amount, cost_note, accepting_new_clients, free_seats, waiting_days,
                            capacity_updated_at, status, version, external_source, external_id, service_area, verified_at, verified_by)
       SELECT u.id, u.organization_id, u.name, u.description, u.category, u.specialty, u.min_age, u.max_age, u.insurance_requirement, u.eligibility_note,
              ${SPLIT('u.languages')}, ${SPLIT('u.accessibility')}, ${SPLIT('u.delivery_modes')}, u.cost_type, u.fee_amount, u.cost_note,
              u.accepting, u.free_seats, u.waiting_days, coalesce(u.capacity_updated_at, now()), 'active', 1, $1, u.external_id,
              ${SPLIT('u.service_area')}, u.verified_at, CASE WHEN u.verified_at IS NOT NULL THEN $24::text END
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::smallint[], $9::smallint[], $10::text[], $11::text[],
                   $12::text[], $13::text[], $14::text[], $15::text[], $16::numeric[], $17::text[], $18::boolean[], $19::int[], $20::int[], $21::text[], $22::boolean[],
                   $25::text[], $26::timestamptz[], $27::timestamptz[])
         AS u(id, organization_id, name, description, category, specialty, min_age, max_age, insurance_requirement, eligibility_note,
              languages, accessibility, delivery_modes, cost_type, fee_amount, cost_note, accepting, free_seats, waiting_days, external_id, capacity_changed,
              service_area, capacity_updated_at, verified_at)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, category = EXCLUDED.category, specialty = EXCLUDED.specialty,
         min_age = EXCLUDED.min_age, max_age = EXCLUDED.max_age, insurance_requirement = EXCLUDED.insurance_requirement, eligibility_note = EXCLUDED.eligibility_note,
         languages = EXCLUDED.languages, accessibility = EXCLUDED.accessibility, delivery_modes = EXCLUDED.delivery_modes, cost_type = EXCLUDED.cost_type,
         fee_amount = EXCLUDED.fee_amount, cost_note = EXCLUDED.cost_note, accepting_new_clients = EXCLUDED.accepting_new_clients,
         free_seats = EXCLUDED.free_seats, waiting_days = EXCLUDED.waiting_days, status = 'active', service_area = EXCLUDED.service_area,
         capacity_updated_at = CASE WHEN $23::uuid[] @> ARRAY[service.id] THEN EXCLUDED.capacity_updated_at ELSE service.capacity_updated_at END,
         verified_by = CASE WHEN EXCLUDED.verified_at IS DISTINCT FROM service.verified_at THEN EXCLUDED.verified_by ELSE service.verified_by END,
         verified_at = EXCLUDED.verified_at,
         version = service.version + 1, updated_at = now()`,
      [
        source, col('id'), col('organization_id'), col('name'), col('description'), col('category'), col('specialty'), col('min_age'), col('max_age'),
        col('insurance_requirement'), col('eligibility_note'), rows.map((r) => joined(r.languages)), rows.map((r) => joined(r.accessibility)),
        rows.map((r) => joined(r.delivery_modes)), col('cost_type'), col('fee_amount'), col('cost_note'), col('accepting_new_clients'), col('free_seats'),
        col('waiting_days'), col('external_id'), rows.map((r) => r.capacityChanged), rows.filter((r) => r.capacityChanged).map((r) => r.id),
        `Import ${source}`.slice(0, 200), rows.map((r) => joined(r.service_area)), col('capacity_updated_at'), col('verified_at'),
      ],
    );
    // a service the source had already: its links and children are replaced (a new one has none)
    const ids = rows.filter((r) => !r.created).map((r) => r.id);
    if (ids.length) {
      for (const table of ['service_need', 'service_location', 'opening_hours', 'course_session']) {
        await tx.query(`DELETE FROM ${table} WHERE service_id = ANY($1::uuid[])`, [ids]);
      }
    }
    const needs = rows.flatMap((r) => r.needs.map((n) => [r.id, n]));
    if (needs.length) await tx.query(`INSERT INTO service_need (service_id, need_code) SELECT * FROM unnest($1::uuid[], $2::text[])`, [needs.map((n) => n[0]), needs.map((n) => n[1])]);
    const links = rows.flatMap((r) => r.location_ids.map((l) => [r.id, l]));
    if (links.length) await tx.query(`INSERT INTO service_location (service_id, location_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [links.map((l) => l[0]), links.map((l) => l[1])]);
    const hours = rows.flatMap((r) => r.opening_hours.map((h) => ({ id: r.id, ...h })));
    if (hours.length) {
      await tx.query(
        `INSERT INTO opening_hours (id, service_id, weekday, opens_at, closes_at) SELECT gen_random_uuid(), * FROM unnest($1::uuid[], $2::smallint[], $3::time[], $4::time[])`,
        [hours.map((h) => h.id), hours.map((h) => h.weekday), hours.map((h) => h.opensAt), hours.map((h) => h.closesAt)],
      );
    }
    const sessions = rows.flatMap((r) => r.sessions.map((s) => ({ serviceId: r.id, ...s })));
    if (sessions.length) {
      await tx.query(
        `INSERT INTO course_session (id, service_id, starts_on, ends_on, weekday, start_time, end_time, seats, free_seats)
         SELECT * FROM unnest($9::uuid[], $1::uuid[], $2::date[], $3::date[], $4::smallint[], $5::time[], $6::time[], $7::int[], $8::int[])`,
        [sessions.map((s) => s.serviceId), sessions.map((s) => s.startsOn), sessions.map((s) => s.endsOn), sessions.map((s) => s.weekday), sessions.map((s) => s.startTime),
          sessions.map((s) => s.endTime), sessions.map((s) => s.seats), sessions.map((s) => s.freeSeats), sessions.map((s) => s.id)],
      );
    }
  }

  /** Takes out what a full import no longer lists: services and organisations become inactive, locations are removed. */
  async retire(tx: EntityManager, ids: { organizations: string[]; locations: string[]; services: string[] }): Promise<void> {
    if (ids.services.length) await tx.query(`UPDATE service SET status = 'inactive', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids.services]);
    if (ids.organizations.length) await tx.query(`UPDATE organization SET status = 'inactive', version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids.organizations]);
    if (ids.locations.length) await tx.query(`DELETE FROM location WHERE id = ANY($1::uuid[])`, [ids.locations]);
  }

  async audit(tx: EntityManager, actor: ImportActor, rows: AuditRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO audit_event (actor_user_id, actor_name, actor_role, organization_id, resource_type, resource_id, action, field_name, previous_value, replacement_value)
         SELECT $1, $2, $3, u.organization_id, u.resource_type, u.resource_id, u.action, u.field_name, u.previous_value::jsonb, u.replacement_value::jsonb
         FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(organization_id, resource_type, resource_id, action, field_name, previous_value, replacement_value)`,
        [
          actor.userId, actor.displayName, actor.role, chunk.map((r) => r.organizationId), chunk.map((r) => r.resourceType), chunk.map((r) => r.resourceId),
          chunk.map((r) => r.action), chunk.map((r) => r.fieldName), chunk.map((r) => (r.previousValue === undefined ? null : JSON.stringify(r.previousValue))),
          chunk.map((r) => (r.replacementValue === undefined ? null : JSON.stringify(r.replacementValue))),
        ],
      );
    }
  }

  async recordRun(run: { id: string; source: string; format: string; fileName: string; dryRun: boolean; actorName: string; startedAt: Date; counts: unknown; problemCount: number }): Promise<void> {
    await this.db.query(
      `INSERT INTO import_run (id, source, format, file_name, dry_run, actor_name, started_at, counts, problem_count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [run.id, run.source, run.format, run.fileName.slice(0, 300), run.dryRun, run.actorName, run.startedAt, JSON.stringify(run.counts), run.problemCount],
    );
  }

  async recentRuns(limit: number): Promise<{ id: string; source: string; format: string; fileName: string; dryRun: boolean; actorName: string; startedAt: Date; finishedAt: Date; counts: unknown; problemCount: number }[]> {
    return returnedRows(await this.db.query(
      `SELECT id, source, format, file_name AS "fileName", dry_run AS "dryRun", actor_name AS "actorName", started_at AS "startedAt", finished_at AS "finishedAt", counts, problem_count AS "problemCount"
       FROM import_run ORDER BY started_at DESC LIMIT $1`,
      [limit],
    ));
  }
}
