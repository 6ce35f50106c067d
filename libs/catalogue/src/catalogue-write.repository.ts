import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, returnedRows } from '@lotse/common';
import { AuditEvent, CourseSessionInput, OpeningHoursInput, QueueReason } from './domain/write.types';

/**
 * A timestamp column's value "now" by the database's clock, the clock `updated_at` is set by. With
 * the application's clock, a verification stamped in the same millisecond as its transaction began
 * fell a fraction of a millisecond before that `updated_at` (JavaScript dates have no microseconds),
 * and the listing showed as changed since its own verification.
 */
export const DATABASE_NOW = Symbol('DATABASE_NOW');

/** Columns a write may set, by table: the only identifiers that ever reach SQL text. */
const WRITABLE: Record<'organization' | 'service' | 'location', ReadonlySet<string>> = {
  organization: new Set(['name', 'kind', 'website', 'email', 'phones', 'identifiers', 'status', 'verified_at', 'verified_by']),
  service: new Set([
    'name', 'description', 'category', 'specialty', 'min_age', 'max_age', 'insurance_requirement', 'eligibility_note', 'languages',
    'accessibility', 'delivery_modes', 'service_area', 'equipment', 'cost_type', 'fee_amount', 'cost_note', 'accepting_new_clients', 'free_seats', 'waiting_days',
    'capacity_updated_at', 'status', 'verified_at', 'verified_by',
  ]),
  location: new Set(['name', 'street', 'postcode', 'town', 'point', 'geocode_precision', 'phones']),
};

const JSON_COLUMNS = new Set(['phones', 'identifiers']);

/** Row of a locked resource, with column names as in the database. */
export type LockedRow = Record<string, unknown> & { id: string; organization_id: string; version: number };

/**
 * One write transaction of the catalogue: rows are locked (SELECT … FOR UPDATE) before their
 * version is compared, so of two concurrent edits based on the same version exactly one wins; every
 * change is written to the audit trail in the same transaction.
 */
export class CatalogueWriteTx {
  constructor(
    private readonly tx: EntityManager,
    private readonly actor: Actor,
  ) {}

  async lockOrganization(id: string): Promise<LockedRow | null> {
    const [row] = await this.tx.query(
      `SELECT id, id AS organization_id, name, kind, website, email, phones, identifiers, status, version FROM organization WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  async lockService(id: string): Promise<LockedRow | null> {
    const [row] = await this.tx.query(
      `SELECT s.id, s.organization_id, s.name, s.description, s.category, s.specialty, s.min_age, s.max_age, s.insurance_requirement,
              s.eligibility_note, s.languages, s.accessibility, s.delivery_modes, s.service_area, s.equipment, s.cost_type, s.fee_amount::float8 AS fee_amount, s.cost_note,
              s.accepting_new_clients, s.free_seats, s.waiting_days, s.status, s.version,
              ARRAY(SELECT need_code FROM service_need WHERE service_id = s.id ORDER BY need_code) AS needs,
              ARRAY(SELECT location_id::text FROM service_location WHERE service_id = s.id ORDER BY location_id) AS location_ids,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('weekday', weekday, 'opensAt', to_char(opens_at, 'HH24:MI'), 'closesAt', to_char(closes_at, 'HH24:MI')) ORDER BY weekday, opens_at), '[]'::jsonb)
                 FROM opening_hours WHERE service_id = s.id) AS opening_hours,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD'), 'weekday', weekday,
                 'startTime', to_char(start_time, 'HH24:MI'), 'endTime', to_char(end_time, 'HH24:MI'), 'seats', seats, 'freeSeats', free_seats) ORDER BY starts_on, id), '[]'::jsonb)
                 FROM course_session WHERE service_id = s.id) AS sessions
       FROM service s WHERE s.id = $1 FOR UPDATE OF s`,
      [id],
    );
    return row ?? null;
  }

  async lockLocation(id: string): Promise<LockedRow | null> {
    const [row] = await this.tx.query(
      `SELECT id, organization_id, name, street, postcode, town, ST_Y(point::geometry) AS latitude, ST_X(point::geometry) AS longitude,
              geocode_precision, phones, version
       FROM location WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ?? null;
  }

  /** Sets columns and bumps the version; `columns` keys must be writable columns of `table`. */
  async update(table: 'organization' | 'service' | 'location', id: string, columns: Record<string, unknown>): Promise<number> {
    return this.set(table, id, columns, true);
  }

  /**
   * Sets columns that record something about the row rather than change it — a coordinator's
   * verification — without bumping its version or `updated_at`: the partner's next edit, based on
   * the version they had, must not conflict with it.
   */
  async stamp(table: 'organization' | 'service', id: string, columns: Record<string, unknown>): Promise<number> {
    return this.set(table, id, columns, false);
  }

  private async set(table: 'organization' | 'service' | 'location', id: string, columns: Record<string, unknown>, edit: boolean): Promise<number> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [column, value] of Object.entries(columns)) {
      if (!WRITABLE[table].has(column)) throw new Error(`column ${table}.${column} is not writable`);
      if (value === DATABASE_NOW) {
        sets.push(`${column} = now()`);
      } else if (column === 'point') {
        const { latitude, longitude } = value as { latitude: number; longitude: number };
        values.push(longitude, latitude);
        sets.push(`point = ST_SetSRID(ST_MakePoint($${values.length - 1}::float8, $${values.length}::float8), 4326)::geography`);
      } else {
        values.push(JSON_COLUMNS.has(column) ? JSON.stringify(value) : value);
        sets.push(`${column} = $${values.length}`);
      }
    }
    const [row] = returnedRows(await this.tx.query(
      `UPDATE ${table} SET ${[...sets, ...(edit ? ['version = version + 1', 'updated_at = now()'] : [])].join(', ')} WHERE id = $1 RETURNING version`,
      values,
    ));
    return row.version;
  }

  async insertOrganization(o: { name: string; kind: string; website: string | null; email: string | null; phones: unknown; identifiers: unknown; status: string }): Promise<string> {
    const id = randomUUID();
    await this.tx.query(
      `INSERT INTO organization (id, name, kind, identifiers, website, email, phones, status, fictitious, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, false, 1)`,
      [id, o.name, o.kind, JSON.stringify(o.identifiers), o.website, o.email, JSON.stringify(o.phones), o.status],
    );
    return id;
  }

  async insertLocation(
    organizationId: string,
    l: { name?: string | null; street: string; postcode: string; town: string; latitude: number; longitude: number; geocodePrecision: string; phones?: { number: string; label: string }[] },
  ): Promise<string> {
    const id = randomUUID();
    await this.tx.query(
      `INSERT INTO location (id, organization_id, name, street, postcode, town, point, geocode_precision, phones, version)
       VALUES ($1, $2, $3, $4, $5, $6, ST_SetSRID(ST_MakePoint($7::float8, $8::float8), 4326)::geography, $9, $10::jsonb, 1)`,
      [id, organizationId, l.name ?? null, l.street, l.postcode, l.town, l.longitude, l.latitude, l.geocodePrecision, JSON.stringify(l.phones ?? [])],
    );
    return id;
  }

  async insertService(organizationId: string, columns: Record<string, unknown>): Promise<string> {
    const id = randomUUID();
    const names = Object.keys(columns);
    for (const column of names) if (!WRITABLE.service.has(column)) throw new Error(`column service.${column} is not writable`);
    await this.tx.query(
      `INSERT INTO service (id, organization_id, ${names.join(', ')}, capacity_updated_at, status, version)
       VALUES ($1, $2, ${names.map((_, i) => `$${i + 3}`).join(', ')}, now(), 'active', 1)`,
      [id, organizationId, ...names.map((n) => columns[n])],
    );
    return id;
  }

  async deleteLocation(id: string): Promise<void> {
    await this.tx.query(`DELETE FROM location WHERE id = $1`, [id]);
  }

  async replaceNeeds(serviceId: string, codes: string[]): Promise<void> {
    await this.tx.query(`DELETE FROM service_need WHERE service_id = $1`, [serviceId]);
    await this.tx.query(`INSERT INTO service_need (service_id, need_code) SELECT $1, unnest($2::varchar[])`, [serviceId, codes]);
  }

  async replaceLocations(serviceId: string, locationIds: string[]): Promise<void> {
    await this.tx.query(`DELETE FROM service_location WHERE service_id = $1`, [serviceId]);
    await this.tx.query(`INSERT INTO service_location (service_id, location_id) SELECT $1, unnest($2::uuid[])`, [serviceId, locationIds]);
  }

  async replaceOpeningHours(serviceId: string, hours: OpeningHoursInput[]): Promise<void> {
    await this.tx.query(`DELETE FROM opening_hours WHERE service_id = $1`, [serviceId]);
    for (const h of hours) {
      await this.tx.query(`INSERT INTO opening_hours (id, service_id, weekday, opens_at, closes_at) VALUES ($1, $2, $3, $4, $5)`, [randomUUID(), serviceId, h.weekday, h.opensAt, h.closesAt]);
    }
  }

  async replaceSessions(serviceId: string, sessions: CourseSessionInput[]): Promise<void> {
    await this.tx.query(`DELETE FROM course_session WHERE service_id = $1`, [serviceId]);
    for (const s of sessions) {
      await this.tx.query(
        `INSERT INTO course_session (id, service_id, starts_on, ends_on, weekday, start_time, end_time, seats, free_seats) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [randomUUID(), serviceId, s.startsOn, s.endsOn, s.weekday, s.startTime, s.endTime, s.seats, s.freeSeats],
      );
    }
  }

  /** Version bump of a service whose child rows (hours, sessions, needs) changed. */
  async touchService(id: string): Promise<number> {
    const [row] = returnedRows(await this.tx.query(`UPDATE service SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`, [id]));
    return row.version;
  }

  async locationsOwnedBy(organizationId: string, ids: string[]): Promise<boolean> {
    const [row] = await this.tx.query(`SELECT count(*)::int AS n FROM location WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [organizationId, ids]);
    return row.n === new Set(ids).size;
  }

  async audit(e: { organizationId: string; resourceType: string; resourceId: string; action: string; fieldName?: string; previousValue?: unknown; replacementValue?: unknown }): Promise<void> {
    await this.tx.query(
      `INSERT INTO audit_event (actor_user_id, actor_name, actor_role, organization_id, resource_type, resource_id, action, field_name, previous_value, replacement_value)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        this.actor.userId, this.actor.displayName, this.actor.role, e.organizationId, e.resourceType, e.resourceId, e.action, e.fieldName ?? null,
        e.previousValue === undefined ? null : JSON.stringify(e.previousValue), e.replacementValue === undefined ? null : JSON.stringify(e.replacementValue),
      ],
    );
  }
}

/**
 * Fields whose change sends a listing back to the coordinators. Capacity is left out: partners
 * update it routinely, and it has its own freshness (`stale_capacity`, CAPACITY_STALE_DAYS).
 */
export const CAPACITY_FIELDS = ['acceptingNewClients', 'freeSeats', 'waitingDays'];

/**
 * The coordinators' queue, one row per item: every active service of an organisation that is not
 * inactive, and every organisation, with the reasons that apply and the fields changed since the
 * item's verification (from the audit trail: a service's own fields, needs, hours, sessions and
 * locations, and the addresses of its locations; an organisation's fields). An item with no reason
 * is filtered out by the caller. $1 verification stale days, $2 capacity stale days, $3 fields
 * that do not re-queue, $4 district (or null).
 */
const QUEUE_SQL = `
  SELECT 'service:' || s.id AS key, 'service' AS kind, s.id AS "serviceId", s.organization_id AS "organizationId", c.fields AS "changedFields",
         array_remove(ARRAY[
           CASE WHEN s.verified_at IS NOT NULL AND cardinality(c.fields) > 0 THEN 'changed_since_verification' END,
           CASE WHEN s.verified_at IS NULL THEN 'never_verified' END,
           CASE WHEN s.verified_at < now() - make_interval(days => $1) THEN 'stale_verification' END,
           CASE WHEN s.capacity_updated_at < now() - make_interval(days => $2) THEN 'stale_capacity' END
         ], NULL) AS reasons
  FROM service s
  JOIN organization o ON o.id = s.organization_id
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(DISTINCT x.field ORDER BY x.field), '{}') AS fields FROM (
      SELECT a.field_name AS field FROM audit_event a
      WHERE a.resource_id = s.id AND a.occurred_at > s.verified_at AND a.field_name IS NOT NULL AND a.field_name <> ALL($3::text[])
      UNION ALL
      SELECT 'location.' || a.field_name FROM service_location sl JOIN audit_event a ON a.resource_id = sl.location_id
      WHERE sl.service_id = s.id AND a.occurred_at > s.verified_at AND a.field_name IS NOT NULL
    ) x
  ) c
  WHERE s.status = 'active' AND o.status <> 'inactive'
    AND ($4::varchar IS NULL OR EXISTS (SELECT 1 FROM service_location sl JOIN location l ON l.id = sl.location_id
                                        WHERE sl.service_id = s.id AND l.district_ags = $4))
  UNION ALL
  SELECT 'organization:' || o.id, 'organization', NULL, o.id, c.fields,
         array_remove(ARRAY[
           CASE WHEN o.status = 'pending' THEN 'awaiting_admission' END,
           CASE WHEN o.status = 'active' AND o.verified_at IS NOT NULL AND cardinality(c.fields) > 0 THEN 'changed_since_verification' END,
           CASE WHEN o.status = 'active' AND o.verified_at IS NULL THEN 'never_verified' END,
           CASE WHEN o.status = 'active' AND o.verified_at < now() - make_interval(days => $1) THEN 'stale_verification' END
         ], NULL)
  FROM organization o
  CROSS JOIN LATERAL (
    SELECT coalesce(array_agg(DISTINCT a.field_name ORDER BY a.field_name), '{}') AS fields FROM audit_event a
    WHERE a.resource_id = o.id AND a.occurred_at > o.verified_at AND a.field_name IS NOT NULL AND a.field_name <> 'status'
  ) c
  WHERE o.status <> 'inactive'
    AND ($4::varchar IS NULL OR EXISTS (SELECT 1 FROM location l WHERE l.organization_id = o.id AND l.district_ags = $4))
`;

export interface QueueRow {
  key: string;
  kind: 'service' | 'organization';
  serviceId: string | null;
  organizationId: string;
  changedFields: string[];
  reasons: QueueReason[];
}

export interface QueueFilter {
  reasons: QueueReason[];
  districtAgs?: string;
}

/** Write transactions and the coordinators' read models of the catalogue. */
@Injectable()
export class CatalogueWriteRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(actor: Actor, work: (tx: CatalogueWriteTx) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new CatalogueWriteTx(manager, actor)));
  }

  findAudit(filter: { organizationId?: string; resourceId?: string }, page: { limit: number; afterId?: string }): Promise<AuditEvent[]> {
    return this.db.query(
      `SELECT id::text, occurred_at AS "occurredAt", actor_name AS "actorName", actor_role AS "actorRole", organization_id AS "organizationId",
              resource_type AS "resourceType", resource_id AS "resourceId", action, field_name AS "fieldName",
              previous_value AS "previousValue", replacement_value AS "replacementValue"
       FROM audit_event
       WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::uuid IS NULL OR resource_id = $2) AND ($3::bigint IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [filter.organizationId ?? null, filter.resourceId ?? null, page.afterId ?? null, page.limit],
    );
  }

  async countAudit(filter: { organizationId?: string; resourceId?: string }): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::uuid IS NULL OR resource_id = $2)`,
      [filter.organizationId ?? null, filter.resourceId ?? null],
    );
    return row.n;
  }

  /**
   * Listings and organisations needing a coordinator's look, with every reason that applies:
   * waiting for admission, changed after their verification (and which fields), never verified,
   * verification or capacity older than the thresholds.
   */
  async countVerificationQueue(thresholds: { capacityStaleDays: number; verificationStaleDays: number }, filter: QueueFilter): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM (${QUEUE_SQL}) q WHERE q.reasons && $5::text[]`,
      [thresholds.verificationStaleDays, thresholds.capacityStaleDays, CAPACITY_FIELDS, filter.districtAgs ?? null, filter.reasons],
    );
    return row.n;
  }

  findVerificationQueue(thresholds: { capacityStaleDays: number; verificationStaleDays: number }, filter: QueueFilter, page: { limit: number; afterKey?: string }): Promise<QueueRow[]> {
    return this.db.query(
      `SELECT * FROM (${QUEUE_SQL}) q WHERE q.reasons && $5::text[] AND ($6::text IS NULL OR q.key > $6) ORDER BY q.key LIMIT $7`,
      [thresholds.verificationStaleDays, thresholds.capacityStaleDays, CAPACITY_FIELDS, filter.districtAgs ?? null, filter.reasons, page.afterKey ?? null, page.limit],
    );
  }

}
