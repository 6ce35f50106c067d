import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '@lotse/common';
import { PreparedQuery } from '@lotse/database';
import { geodesicMeters } from '@lotse/geo';
import { AccessibilityFeature, DeliveryMode, MedicalSpecialty, ServiceCategory } from './domain/enums';
import { OrganizationImport } from './domain/import.types';
import { needsWithNarrower } from './domain/needs-taxonomy';
import {
  Candidate,
  CandidateCriteria,
  CategoryCount,
  CourseSession,
  Location,
  LocationFilter,
  NeedTerm,
  OpeningHours,
  Organization,
  OrganizationFilter,
  Service,
  ServiceFilter,
} from './domain/models';
import { SqlParams } from './sql';
import { DIRECTORY, Viewer, visibilitySql } from './visibility';

const ORGANIZATION_COLUMNS = `o.id, o.name, o.kind, o.identifiers, o.website, o.email, o.phones, o.status, o.fictitious,
  o.verified_at AS "verifiedAt", o.verified_by AS "verifiedBy", o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

const LOCATION_FIELDS: [expression: string, name: keyof Location][] = [
  ['l.id', 'id'], ['l.organization_id', 'organizationId'], ['l.name', 'name'], ['l.street', 'street'], ['l.postcode', 'postcode'],
  ['l.town', 'town'], ['ST_Y(l.point::geometry)', 'latitude'], ['ST_X(l.point::geometry)', 'longitude'], ['l.geocode_precision', 'geocodePrecision'], ['l.district_ags', 'districtAgs'],
  ['l.municipality_ags', 'municipalityAgs'], ['l.phones', 'phones'], ['l.version', 'version'], ['l.updated_at', 'updatedAt'],
];
const LOCATION_COLUMNS = LOCATION_FIELDS.map(([expression, name]) => `${expression} AS "${name}"`).join(', ');
/** Beside the service's columns in one row: "location.<name>". */
const LOCATION_COLUMNS_PREFIXED = LOCATION_FIELDS.map(([expression, name]) => `${expression} AS "location.${name}"`).join(', ');

const SERVICE_COLUMNS = `s.id, s.organization_id AS "organizationId", s.name, s.description, s.category, s.specialty,
  s.min_age AS "minAge", s.max_age AS "maxAge", s.insurance_requirement AS "insuranceRequirement",
  s.eligibility_note AS "eligibilityNote", s.languages, s.accessibility, s.delivery_modes AS "deliveryModes",
  s.service_area AS "serviceArea", s.equipment,
  s.cost_type AS "costType", s.fee_amount::float8 AS "feeAmount", s.cost_note AS "costNote",
  s.accepting_new_clients AS "acceptingNewClients", s.free_seats AS "freeSeats", s.waiting_days AS "waitingDays",
  s.capacity_updated_at AS "capacityUpdatedAt", s.verified_at AS "verifiedAt", s.verified_by AS "verifiedBy",
  s.status, s.version, s.updated_at AS "updatedAt"`;


export interface KeysetPage {
  limit: number;
  after?: (string | number)[];
}

export interface NearRow {
  serviceId: string;
  locationId: string;
  distanceMeters: number;
}

/**
 * The sphere is up to 0.31 % shorter than the spheroid in Germany east-west, and at most 0.02 %
 * longer (north-south at 47° N): a radius on the sphere this much larger finds every listing
 * within the radius on the spheroid.
 */
const SPHERE_MARGIN = 1.001;

/** All SQL of the catalogue, PostGIS included. Services and resolvers never see SQL. */
@Injectable()
export class CatalogueRepository {
  private readonly prepared: PreparedQuery;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.prepared = new PreparedQuery(db);
  }

  // ---------- taxonomy ----------

  findNeedTerms(): Promise<NeedTerm[]> {
    return this.db.query(
      `SELECT code, label_de AS "labelDe", label_en AS "labelEn", "group", description_de AS "descriptionDe",
              taxonomy_version AS "taxonomyVersion", parent_code AS "parentCode"
       FROM need_term ORDER BY sort_order, code`,
    );
  }

  // ---------- organizations ----------

  private organizationWhere(filter: OrganizationFilter, viewer: Viewer, p: SqlParams): string[] {
    const where = [visibilitySql.organizationTo('o', viewer, p)];
    if (filter.status) where.push(`o.status = ${p.add(filter.status)}`);
    if (filter.kinds?.length) where.push(`o.kind = ANY(${p.add(filter.kinds)}::varchar[])`);
    if (filter.districtAgs) where.push(`EXISTS (SELECT 1 FROM location l WHERE l.organization_id = o.id AND l.district_ags = ${p.add(filter.districtAgs)})`);
    if (filter.search) where.push(`o.name ILIKE ${p.add(`%${filter.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`)}`);
    return where;
  }

  async findOrganizations(filter: OrganizationFilter, page: KeysetPage, viewer: Viewer = DIRECTORY): Promise<Organization[]> {
    const p = new SqlParams();
    const where = this.organizationWhere(filter, viewer, p);
    if (page.after) where.push(`(o.name, o.id) > (${p.add(page.after[0])}, ${p.add(page.after[1])}::uuid)`);
    return this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE ${where.join(' AND ')} ORDER BY o.name, o.id LIMIT ${p.add(page.limit)}`, p.values);
  }

  async countOrganizations(filter: OrganizationFilter, viewer: Viewer = DIRECTORY): Promise<number> {
    const p = new SqlParams();
    const where = this.organizationWhere(filter, viewer, p);
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM organization o WHERE ${where.join(' AND ')}`, p.values);
    return row.n;
  }

  /** By id regardless of visibility; callers decide what may be shown (see visibility.ts). */
  findOrganizationsByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE o.id = ANY($1::uuid[])`, [ids]);
  }

  // ---------- services ----------

  private serviceWhere(filter: ServiceFilter, viewer: Viewer, p: SqlParams): string[] {
    const where = [visibilitySql.serviceTo('s', viewer, p)];
    if (filter.categories?.length) where.push(`s.category = ANY(${p.add(filter.categories)}::varchar[])`);
    if (filter.needs?.length) {
      // a need finds the services of its narrower needs too ("Psychische Gesundheit": psychotherapy, crisis services, …)
      where.push(`EXISTS (SELECT 1 FROM service_need sn WHERE sn.service_id = s.id AND sn.need_code = ANY(${p.add(needsWithNarrower(filter.needs))}::varchar[]))`);
    }
    if (filter.language) where.push(`s.languages @> ARRAY[${p.add(filter.language)}]::text[]`);
    if (filter.accessibility?.length) where.push(`s.accessibility @> ${p.add(filter.accessibility)}::text[]`);
    if (filter.acceptingNewClients !== undefined) where.push(`s.accepting_new_clients = ${p.add(filter.acceptingNewClients)}`);
    if (filter.organizationId) where.push(`s.organization_id = ${p.add(filter.organizationId)}::uuid`);
    if (filter.equipment?.length) where.push(`s.equipment @> ${p.add(filter.equipment)}::text[]`);
    const area: string[] = [];
    if (filter.districtAgs) area.push(`l.district_ags = ${p.add(filter.districtAgs)}`);
    if (filter.municipalityAgs) area.push(`l.municipality_ags = ${p.add(filter.municipalityAgs)}`);
    if (area.length) {
      where.push(`EXISTS (SELECT 1 FROM service_location sl JOIN location l ON l.id = sl.location_id WHERE sl.service_id = s.id AND ${area.join(' AND ')})`);
    }
    return where;
  }

  findServices(filter: ServiceFilter, page: KeysetPage, viewer: Viewer = DIRECTORY): Promise<Service[]> {
    const p = new SqlParams();
    const where = this.serviceWhere(filter, viewer, p);
    if (page.after) where.push(`(s.name, s.id) > (${p.add(page.after[0])}, ${p.add(page.after[1])}::uuid)`);
    return this.db.query(`SELECT ${SERVICE_COLUMNS} FROM service s WHERE ${where.join(' AND ')} ORDER BY s.name, s.id LIMIT ${p.add(page.limit)}`, p.values);
  }

  async countServices(filter: ServiceFilter, viewer: Viewer = DIRECTORY): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM service s WHERE ${this.serviceWhere(filter, viewer, p).join(' AND ')}`, p.values);
    return row.n;
  }

  /** By id regardless of visibility; callers decide what may be shown. */
  findServicesByIds(ids: readonly string[]): Promise<Service[]> {
    return this.prepared.objects(`SELECT ${SERVICE_COLUMNS} FROM service s WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  findVisibleServicesByOrganizations(organizationIds: readonly string[], viewer: Viewer = DIRECTORY): Promise<Service[]> {
    const p = new SqlParams();
    const ids = p.add(organizationIds);
    return this.db.query(
      `SELECT ${SERVICE_COLUMNS} FROM service s WHERE s.organization_id = ANY(${ids}::uuid[]) AND ${visibilitySql.serviceTo('s', viewer, p)} ORDER BY s.name, s.id`,
      p.values,
    );
  }

  findVisibleServicesByLocations(locationIds: readonly string[], viewer: Viewer = DIRECTORY): Promise<(Service & { locationId: string })[]> {
    const p = new SqlParams();
    const ids = p.add(locationIds);
    return this.db.query(
      `SELECT ${SERVICE_COLUMNS}, sl.location_id AS "locationId" FROM service_location sl JOIN service s ON s.id = sl.service_id
       WHERE sl.location_id = ANY(${ids}::uuid[]) AND ${visibilitySql.serviceTo('s', viewer, p)} ORDER BY s.name, s.id`,
      p.values,
    );
  }

  /**
   * Service × location pairs within `radiusMeters`, nearest first by spheroid distance. ST_DWithin
   * on geography uses the GiST index and the same spheroid as ST_Distance, so the radius and the
   * reported distance agree; ties are broken by ids so keyset pages never skip or repeat.
   */
  findServicesNear(origin: { latitude: number; longitude: number }, radiusMeters: number, filter: ServiceFilter, page: KeysetPage): Promise<NearRow[]> {
    const p = new SqlParams();
    const originSql = `ST_SetSRID(ST_MakePoint(${p.add(origin.longitude)}::float8, ${p.add(origin.latitude)}::float8), 4326)::geography`;
    const radius = p.add(radiusMeters);
    const where = this.serviceWhere(filter, DIRECTORY, p);
    const after = page.after ? `WHERE (d."distanceMeters", d."serviceId", d."locationId") > (${p.add(page.after[0])}::float8, ${p.add(page.after[1])}::uuid, ${p.add(page.after[2])}::uuid)` : '';
    return this.db.query(
      `WITH origin AS (SELECT ${originSql} AS g),
       d AS (
         SELECT s.id AS "serviceId", l.id AS "locationId", ST_Distance(l.point, origin.g) AS "distanceMeters"
         FROM origin, location l
         JOIN service_location sl ON sl.location_id = l.id
         JOIN service s ON s.id = sl.service_id
         WHERE ST_DWithin(l.point, origin.g, ${radius}) AND ${where.join(' AND ')}
       )
       SELECT * FROM d ${after} ORDER BY d."distanceMeters", d."serviceId", d."locationId" LIMIT ${p.add(page.limit)}`,
      p.values,
    );
  }

  async countServicesNear(origin: { latitude: number; longitude: number }, radiusMeters: number, filter: ServiceFilter): Promise<number> {
    const p = new SqlParams();
    const originSql = `ST_SetSRID(ST_MakePoint(${p.add(origin.longitude)}::float8, ${p.add(origin.latitude)}::float8), 4326)::geography`;
    const radius = p.add(radiusMeters);
    const where = this.serviceWhere(filter, DIRECTORY, p);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM location l JOIN service_location sl ON sl.location_id = l.id JOIN service s ON s.id = sl.service_id
       WHERE ST_DWithin(l.point, ${originSql}, ${radius}) AND ${where.join(' AND ')}`,
      p.values,
    );
    return row.n;
  }

  /**
   * Match candidates: the `limit` nearest visible service × location pairs within the radius that
   * address one of the needs and pass every hard criterion, with the facts the matcher scores on.
   *
   * Reads only `match_listing` (see its migrations): per scan, a KNN scan of the (need_code, point)
   * GiST index walks the rows of the scan's need — its family: listings tagged with the need or a
   * narrower one (1734400000000) — nearest first, bounded by ST_DWithin, keeps those holding one of
   * the scan's route tokens (tagged need × kind of partner), and stops after `limit` that pass the
   * filters, so the cost follows the answer rather than the catalogue. The union of each scan's
   * nearest `limit` holds the overall nearest `limit`; a pair found by several scans is merged (with
   * one scan there is nothing to merge). Runs as a prepared statement.
   */
  async findMatchCandidates(c: CandidateCriteria): Promise<Candidate[]> {
    const p = new SqlParams();
    const origin = `ST_SetSRID(ST_MakePoint(${p.add(c.origin.longitude)}::float8, ${p.add(c.origin.latitude)}::float8), 4326)::geography`;
    const scans = c.scans;
    if (!scans.length) return [];
    const single = scans.length === 1;
    // routes as one comma-joined text per scan (tokens hold no commas): unnest takes arrays of scalars only
    const needs = p.add(single ? scans[0].need : scans.map((x) => x.need));
    const routes = p.add(single ? scans[0].routes : scans.map((x) => x.routes.join(',')));
    const limit = p.add(c.limit);
    const scan = single
      ? [`ml.need_code = ${needs}::varchar`, `ml.route_tokens && ${routes}::text[]`]
      : [`ml.need_code = n.code`, `ml.route_tokens && string_to_array(n.routes, ',')`];
    // On the sphere, which is cheaper per row than the spheroid, with a margin that keeps it a
    // superset of the spheroidal radius anywhere in Germany; the matcher holds the limits itself.
    const within = `ST_DWithin(ml.point, o.g, ${p.add(c.radiusMeters * SPHERE_MARGIN)}::float8, false)`;
    const where: string[] = [];
    if (c.age !== undefined) {
      const age = p.add(c.age);
      where.push(`(ml.min_age IS NULL OR ml.min_age <= ${age}::int) AND (ml.max_age IS NULL OR ml.max_age >= ${age}::int)`);
    }
    if (c.languages?.length) where.push(`ml.languages && ${p.add(c.languages)}::text[]`);
    if (c.accessibility?.length) where.push(`ml.accessibility @> ${p.add(c.accessibility)}::text[]`);
    if (c.deliveryModes?.length) where.push(`ml.delivery_modes && ${p.add(c.deliveryModes)}::text[]`);
    if (c.costCovered) where.push(`ml.cost_type IN ('free', 'statutory_insurance', 'insurer_subsidised')`);
    if (c.acceptingNewClientsOnly) where.push(`ml.accepting_new_clients`);
    if (c.courseStartsWithin) {
      const today = p.add(c.courseStartsWithin.today);
      where.push(`(ml.category <> 'course' OR EXISTS (SELECT 1 FROM course_session cs WHERE cs.service_id = ml.service_id AND cs.free_seats > 0
        AND cs.starts_on >= ${today}::date AND cs.starts_on <= ${today}::date + ${p.add(c.courseStartsWithin.days)}::int))`);
    }
    if (c.openAt) {
      const time = p.add(c.openAt.time);
      where.push(`EXISTS (SELECT 1 FROM opening_hours oh WHERE oh.service_id = ml.service_id AND oh.weekday = ${p.add(c.openAt.weekday)}::int
        AND oh.opens_at <= ${time}::time AND oh.closes_at > ${time}::time)`);
    }
    const scanOf = (bound: string, from = 'match_listing ml') => `
      SELECT ml.service_id, ml.location_id, ml.tagged_needs, ml.point <-> o.g AS knn, ml.facts
      FROM ${from}
      WHERE ${[...scan, bound, ...where].join(' AND ')}
      ORDER BY ml.point <-> o.g LIMIT ${limit}`;
    const nearest = scanOf(within);
    // Who comes to the person: listings whose service area holds the origin's district or
    // municipality, at any distance, by a mode the request allows. Taken once through the GIN index
    // on service_area (materialised, so no plan walks a need's KNN index unbounded looking for
    // them — a catalogue without service areas costs one empty index probe), then per need.
    const servedArea = c.servedArea?.ags.length && c.servedArea.modes.length
      ? `, served AS MATERIALIZED (SELECT * FROM match_listing ml WHERE ml.service_area && ${p.add(c.servedArea.ags)}::varchar[] AND ml.delivery_modes && ${p.add(c.servedArea.modes)}::text[])`
      : '';
    const served = servedArea ? scanOf('true', 'served ml') : null;
    // One line per candidate, '|'-separated like match_listing.facts, which it ends with, and all
    // lines in one text value: splitting one string is a fraction of what receiving and parsing
    // 400 rows of a dozen typed columns cost, which was more than the search itself.
    // The distance is not among them: it is computed from the coordinates in the facts
    // (geodesicMeters), which costs less than a spheroidal distance per row in the database.
    const line = `concat_ws('|', k.service_id, k.location_id, array_to_string(k.tagged_needs, ','), k.facts) AS line`;
    // One scan (the common case): one KNN scan. Several: one KNN scan per need (and per preferred
    // kind), and the limit holds per scan — a limit over the merged list let a common need's
    // nearest listings crowd a rarer need out altogether, which then showed as unmet. A listing
    // found by two scans comes twice, side by side (the same point, so the same knn), and is merged
    // here, not grouped in SQL: grouping sorted every line by its facts.
    const candidatesOf = (scanSql: string) => single
      ? `SELECT ${line}, k.knn, k.service_id, k.location_id FROM o CROSS JOIN LATERAL (${scanSql}) k`
      : `SELECT ${line}, k.knn, k.service_id, k.location_id
         FROM o, unnest(${needs}::varchar[], ${routes}::text[]) AS n(code, routes) CROSS JOIN LATERAL (${scanSql}) k`;
    const lines = (scanSql: string) => `(SELECT string_agg(c.line, E'\\n' ORDER BY c.knn, c.service_id, c.location_id) FROM (${candidatesOf(scanSql)}) c)`;
    const [[text, servedText]] = await this.prepared.rows(
      `WITH o AS (SELECT ${origin} AS g)${servedArea} SELECT ${lines(nearest)}, ${served ? lines(served) : 'NULL::text'}`,
      p.values,
    );
    const byKey = new Map<string, Candidate>();
    const candidates: Candidate[] = [];
    // a listing both near and serving the origin's area is one candidate that comes to the person
    const add = (block: unknown, served: boolean) => {
      if (!block) return;
      for (const line of (block as string).split('\n')) {
        // service id | location id | tagged needs | facts: one line per listing and scan that found it
        const cut = line.indexOf('|', line.indexOf('|') + 1);
        const key = line.slice(0, cut);
        const known = byKey.get(key);
        if (known) {
          const tagged = line.slice(cut + 1, line.indexOf('|', cut + 1));
          for (const need of tagged.split(',')) if (!known.matchedNeeds.includes(need)) known.matchedNeeds = [...known.matchedNeeds, need].sort();
          if (served) known.comesToPerson = true;
          continue;
        }
        const x = parseCandidate(line, c.origin);
        if (served) x.comesToPerson = true;
        byKey.set(key, x);
        candidates.push(x);
      }
    };
    add(text, false);
    add(servedText, true);
    return candidates;
  }

  // ---------- locations ----------

  private locationWhere(filter: LocationFilter, viewer: Viewer, p: SqlParams): string[] {
    const where = [`EXISTS (SELECT 1 FROM organization vo WHERE vo.id = l.organization_id AND ${visibilitySql.organizationTo('vo', viewer, p)})`];
    if (filter.organizationId) where.push(`l.organization_id = ${p.add(filter.organizationId)}::uuid`);
    if (filter.districtAgs) where.push(`l.district_ags = ${p.add(filter.districtAgs)}`);
    if (filter.municipalityAgs) where.push(`l.municipality_ags = ${p.add(filter.municipalityAgs)}`);
    if (filter.postcode) where.push(`l.postcode = ${p.add(filter.postcode)}`);
    return where;
  }

  findLocations(filter: LocationFilter, page: KeysetPage, viewer: Viewer = DIRECTORY): Promise<Location[]> {
    const p = new SqlParams();
    const where = this.locationWhere(filter, viewer, p);
    if (page.after) where.push(`(l.town, l.id) > (${p.add(page.after[0])}, ${p.add(page.after[1])}::uuid)`);
    return this.db.query(`SELECT ${LOCATION_COLUMNS} FROM location l WHERE ${where.join(' AND ')} ORDER BY l.town, l.id LIMIT ${p.add(page.limit)}`, p.values);
  }

  async countLocations(filter: LocationFilter, viewer: Viewer = DIRECTORY): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM location l WHERE ${this.locationWhere(filter, viewer, p).join(' AND ')}`, p.values);
    return row.n;
  }

  /**
   * Service × location pairs, both rows in one statement: the matcher's page needs both for each
   * target, and one round trip instead of two is a measurable share of a small match.
   */
  async findListingsByIds(pairs: readonly { serviceId: string; locationId: string }[]): Promise<{ service: Service; location: Location }[]> {
    const rows = await this.prepared.objects<Record<string, unknown>>(
      `SELECT ${SERVICE_COLUMNS}, ${LOCATION_COLUMNS_PREFIXED}
       FROM unnest($1::uuid[], $2::uuid[]) AS p(service_id, location_id)
       JOIN service s ON s.id = p.service_id JOIN location l ON l.id = p.location_id`,
      [pairs.map((p) => p.serviceId), pairs.map((p) => p.locationId)],
    );
    return rows.map((row) => {
      const service: Record<string, unknown> = {};
      const location: Record<string, unknown> = {};
      for (const key in row) {
        if (key.startsWith('location.')) location[key.slice(9)] = row[key];
        else service[key] = row[key];
      }
      return { service: service as unknown as Service, location: location as unknown as Location };
    });
  }

  findLocationsByIds(ids: readonly string[]): Promise<Location[]> {
    return this.prepared.objects(`SELECT ${LOCATION_COLUMNS} FROM location l WHERE l.id = ANY($1::uuid[])`, [ids]);
  }

  findLocationsByServices(serviceIds: readonly string[]): Promise<(Location & { serviceId: string })[]> {
    return this.db.query(
      `SELECT ${LOCATION_COLUMNS}, sl.service_id AS "serviceId" FROM service_location sl JOIN location l ON l.id = sl.location_id
       WHERE sl.service_id = ANY($1::uuid[]) ORDER BY l.town, l.id`,
      [serviceIds],
    );
  }

  findLocationsByOrganizations(organizationIds: readonly string[]): Promise<Location[]> {
    return this.db.query(`SELECT ${LOCATION_COLUMNS} FROM location l WHERE l.organization_id = ANY($1::uuid[]) ORDER BY l.town, l.id`, [organizationIds]);
  }

  // ---------- service details ----------

  findNeedsByServices(serviceIds: readonly string[]): Promise<(NeedTerm & { serviceId: string })[]> {
    return this.db.query(
      `SELECT sn.service_id AS "serviceId", t.code, t.label_de AS "labelDe", t.label_en AS "labelEn", t."group",
              t.description_de AS "descriptionDe", t.taxonomy_version AS "taxonomyVersion", t.parent_code AS "parentCode"
       FROM service_need sn JOIN need_term t ON t.code = sn.need_code
       WHERE sn.service_id = ANY($1::uuid[]) ORDER BY t.sort_order`,
      [serviceIds],
    );
  }

  findOpeningHoursByServices(serviceIds: readonly string[]): Promise<OpeningHours[]> {
    return this.db.query(
      `SELECT service_id AS "serviceId", weekday, to_char(opens_at, 'HH24:MI') AS "opensAt", to_char(closes_at, 'HH24:MI') AS "closesAt"
       FROM opening_hours WHERE service_id = ANY($1::uuid[]) ORDER BY weekday, opens_at`,
      [serviceIds],
    );
  }

  findSessionsByServices(serviceIds: readonly string[]): Promise<CourseSession[]> {
    return this.db.query(
      `SELECT id, service_id AS "serviceId", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
              weekday, to_char(start_time, 'HH24:MI') AS "startTime", to_char(end_time, 'HH24:MI') AS "endTime", seats, free_seats AS "freeSeats"
       FROM course_session WHERE service_id = ANY($1::uuid[]) ORDER BY starts_on, id`,
      [serviceIds],
    );
  }

  /** Visible services per category for each area; a service at two locations in one area counts once. */
  async countServicesByCategory(level: 'district' | 'municipality', agsList: readonly string[]): Promise<(CategoryCount & { ags: string })[]> {
    const column = level === 'district' ? 'l.district_ags' : 'l.municipality_ags';
    return this.db.query(
      `SELECT ${column} AS ags, s.category, count(DISTINCT s.id)::int AS count
       FROM location l JOIN service_location sl ON sl.location_id = l.id JOIN service s ON s.id = sl.service_id
       WHERE ${column} = ANY($1::varchar[]) AND ${visibilitySql.service('s')}
       GROUP BY ${column}, s.category ORDER BY s.category`,
      [agsList],
    );
  }

  // ---------- bulk writes ----------

  /**
   * Writes whole organizations with their locations, services and schedules in one transaction,
   * one set-based INSERT per table. Returns the ids of the created organizations.
   */
  async importOrganizations(imports: OrganizationImport[]): Promise<string[]> {
    const organizations: object[] = [];
    const locations: object[] = [];
    const services: object[] = [];
    const serviceNeeds: object[] = [];
    const serviceLocations: object[] = [];
    const hours: object[] = [];
    const sessions: object[] = [];
    for (const org of imports) {
      const organizationId = randomUUID();
      organizations.push({
        id: organizationId, name: org.name, kind: org.kind, identifiers: org.identifiers, website: org.website ?? null,
        email: org.email ?? null, phones: org.phones, status: org.status, fictitious: org.fictitious,
        verified_at: org.verifiedAt?.toISOString() ?? null, verified_by: org.verifiedBy ?? null,
      });
      const locationIds = new Map<string, string>();
      for (const loc of org.locations) {
        const id = randomUUID();
        locationIds.set(loc.key, id);
        locations.push({ id, organization_id: organizationId, name: loc.name ?? null, street: loc.street, postcode: loc.postcode, town: loc.town, lat: loc.latitude, lon: loc.longitude, phones: loc.phones ?? [] });
      }
      for (const svc of org.services) {
        const serviceId = randomUUID();
        services.push({
          id: serviceId, organization_id: organizationId, name: svc.name, description: svc.description, category: svc.category,
          specialty: svc.specialty ?? null, min_age: svc.minAge ?? null, max_age: svc.maxAge ?? null,
          insurance_requirement: svc.insuranceRequirement, eligibility_note: svc.eligibilityNote ?? null,
          languages: svc.languages, accessibility: svc.accessibility, delivery_modes: svc.deliveryModes,
          service_area: svc.serviceArea ?? [], equipment: svc.equipment ?? [],
          cost_type: svc.cost.type, fee_amount: svc.cost.feeAmountEuro ?? null, cost_note: svc.cost.note ?? null,
          accepting_new_clients: svc.capacity.acceptingNewClients, free_seats: svc.capacity.freeSeats ?? null,
          waiting_days: svc.capacity.waitingDays ?? null, capacity_updated_at: svc.capacity.updatedAt.toISOString(),
        });
        for (const need of new Set(svc.needs)) serviceNeeds.push({ service_id: serviceId, need_code: need });
        for (const key of new Set(svc.locationKeys)) {
          const locationId = locationIds.get(key);
          if (!locationId) throw new Error(`service "${svc.name}" refers to unknown location key "${key}"`);
          serviceLocations.push({ service_id: serviceId, location_id: locationId });
        }
        for (const h of svc.openingHours) hours.push({ id: randomUUID(), service_id: serviceId, weekday: h.weekday, opens_at: h.opensAt, closes_at: h.closesAt });
        for (const s of svc.sessions) {
          sessions.push({ id: randomUUID(), service_id: serviceId, starts_on: s.startsOn, ends_on: s.endsOn, weekday: s.weekday, start_time: s.startTime, end_time: s.endTime, seats: s.seats, free_seats: s.freeSeats });
        }
      }
    }
    await this.db.transaction(async (tx) => {
      await insertRecords(tx, 'organization', organizations,
        'id uuid, name varchar, kind varchar, identifiers jsonb, website varchar, email varchar, phones jsonb, status varchar, fictitious boolean, verified_at timestamptz, verified_by varchar',
        'id, name, kind, identifiers, website, email, phones, status, fictitious, verified_at, verified_by, version',
        'id, name, kind, identifiers, website, email, phones, status, fictitious, verified_at, verified_by, 1');
      await insertRecords(tx, 'location', locations,
        'id uuid, organization_id uuid, name varchar, street varchar, postcode varchar, town varchar, lat float8, lon float8, phones jsonb',
        'id, organization_id, name, street, postcode, town, point, phones, version',
        'id, organization_id, name, street, postcode, town, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, phones, 1');
      await insertRecords(tx, 'service', services,
        `id uuid, organization_id uuid, name varchar, description text, category varchar, specialty varchar, min_age smallint, max_age smallint,
         insurance_requirement varchar, eligibility_note text, languages text[], accessibility text[], delivery_modes text[], service_area varchar[], equipment text[], cost_type varchar,
         fee_amount numeric, cost_note text, accepting_new_clients boolean, free_seats int, waiting_days int, capacity_updated_at timestamptz`,
        `id, organization_id, name, description, category, specialty, min_age, max_age, insurance_requirement, eligibility_note, languages,
         accessibility, delivery_modes, service_area, equipment, cost_type, fee_amount, cost_note, accepting_new_clients, free_seats, waiting_days, capacity_updated_at, status, version`,
        `id, organization_id, name, description, category, specialty, min_age, max_age, insurance_requirement, eligibility_note, languages,
         accessibility, delivery_modes, service_area, equipment, cost_type, fee_amount, cost_note, accepting_new_clients, free_seats, waiting_days, capacity_updated_at, 'active', 1`);
      await insertRecords(tx, 'service_need', serviceNeeds, 'service_id uuid, need_code varchar', 'service_id, need_code', 'service_id, need_code');
      await insertRecords(tx, 'service_location', serviceLocations, 'service_id uuid, location_id uuid', 'service_id, location_id', 'service_id, location_id');
      await insertRecords(tx, 'opening_hours', hours, 'id uuid, service_id uuid, weekday smallint, opens_at time, closes_at time', 'id, service_id, weekday, opens_at, closes_at', 'id, service_id, weekday, opens_at, closes_at');
      await insertRecords(tx, 'course_session', sessions,
        'id uuid, service_id uuid, starts_on date, ends_on date, weekday smallint, start_time time, end_time time, seats int, free_seats int',
        'id, service_id, starts_on, ends_on, weekday, start_time, end_time, seats, free_seats',
        'id, service_id, starts_on, ends_on, weekday, start_time, end_time, seats, free_seats');
    });
    return organizations.map((o) => (o as { id: string }).id);
  }

  async deleteFictitiousOrganizations(): Promise<number> {
    const rows = returnedRows(await this.db.query(`DELETE FROM organization WHERE fictitious RETURNING id`));
    return rows.length;
  }

  async countAllServices(): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM service`);
    return row.n;
  }
}

const INSERT_CHUNK = 2000;

/** One INSERT … SELECT FROM jsonb_to_recordset per chunk: set-based and typed by the record definition. */
async function insertRecords(tx: EntityManager, table: string, records: object[], recordType: string, columns: string, select: string): Promise<void> {
  for (let i = 0; i < records.length; i += INSERT_CHUNK) {
    await tx.query(
      `INSERT INTO ${table} (${columns}) SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType})`,
      [JSON.stringify(records.slice(i, i + INSERT_CHUNK))],
    );
  }
}

const list = (s: string) => (s ? s.split(',') : []);
const orNull = (s: string) => (s === '' ? null : Number(s));

/**
 * One candidate line of the search: service | location | distance | matched needs | organisation |
 * district | category | languages | accessibility | delivery modes | accepting (t/f) | free seats |
 * waiting days | capacity time (epoch ms) | lat | lon | specialty (the last twelve are match_listing.facts).
 */
function parseCandidate(line: string, origin: { latitude: number; longitude: number }): Candidate {
  const f = line.split('|');
  const latitude = Number(f[13]);
  const longitude = Number(f[14]);
  return {
    service: {
      id: f[0],
      organizationId: f[3],
      category: f[5] as ServiceCategory,
      specialty: (f[15] || null) as MedicalSpecialty | null,
      languages: list(f[6]),
      accessibility: list(f[7]) as AccessibilityFeature[],
      deliveryModes: list(f[8]) as DeliveryMode[],
      acceptingNewClients: f[9] === 't',
      freeSeats: orNull(f[10]),
      waitingDays: orNull(f[11]),
      capacityUpdatedAt: new Date(Number(f[12])),
    },
    location: { id: f[1], districtAgs: f[4] || null, latitude, longitude },
    distanceMeters: geodesicMeters(origin.latitude, origin.longitude, latitude, longitude),
    // the listing's needs under the scanned need, sorted (most rows: one)
    matchedNeeds: f[2].includes(',') ? f[2].split(',') : [f[2]],
  };
}
