import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { needWithNarrower, visibilitySql } from '@lotse/catalogue';
import { CHANGE_STAMP_SQL, CountCache } from './count-cache';
import { FullServiceRow, LocationRow, OrganizationRow, ServiceAtLocationRow, ServiceRow } from './catalogue-rows';
import { serviceAtLocationIdSql } from './ids';
import { containsPattern, SqlParams } from './sql';
import { INTAKE_CODES, LotseTermRef, LotseVocabulary } from './vocabulary/lotse-taxonomies';

/**
 * What an export asks for. Every statement below reads only what the directory shows: listings by
 * the catalogue's rule (`listing_visible`), organisations by `organization_visible` — there is no
 * viewer parameter, because exports are discovery (visibility.ts: DIRECTORY).
 */
export interface ExportServiceFilter {
  /** every word appears in the service's name or description or its organisation's name */
  words?: string[];
  /** services tagged with this term (a need also finds its narrower needs); `null` = a term Lotse does not have: nothing */
  term?: LotseTermRef | null;
  /** services with any term of this taxonomy; `null` = a taxonomy Lotse does not have: nothing */
  taxonomy?: LotseVocabulary | null;
  organizationId?: string;
  /** changed on or after (the service, or its capacity) */
  modifiedAfter?: Date;
  /** changed before */
  modifiedBefore?: Date;
  /** FHIR: the service's category is one of these */
  categories?: string[];
  /** FHIR: offered at this location */
  locationId?: string;
  ids?: string[];
}

export interface ExportLocationFilter {
  words?: string[];
  ids?: string[];
  organizationId?: string;
  postcode?: string;
  /** only locations within `meters` of the point; rows are then ordered by distance */
  near?: { latitude: number; longitude: number; meters: number };
  modifiedAfter?: Date;
  modifiedBefore?: Date;
}

export interface OrganizationFilterOfExport {
  words?: string[];
  modifiedAfter?: Date;
  modifiedBefore?: Date;
  ids?: string[];
  /** `scheme` as Lotse stores it (IK, BSNR, …) */
  identifier?: { scheme?: string; value: string };
}

export interface OffsetPage {
  limit: number;
  offset: number;
}

const LOCATION_JSON = `jsonb_build_object('id', l.id, 'organization_id', l.organization_id, 'name', l.name, 'street', l.street,
  'postcode', l.postcode, 'town', l.town, 'latitude', ST_Y(l.point::geometry), 'longitude', ST_X(l.point::geometry),
  'district_ags', l.district_ags, 'municipality_ags', l.municipality_ags, 'phones', l.phones, 'updated_at', l.updated_at)`;

const LOCATION_COLUMNS = `l.id, l.organization_id, l.name, l.street, l.postcode, l.town, ST_Y(l.point::geometry) AS latitude,
  ST_X(l.point::geometry) AS longitude, l.district_ags, l.municipality_ags, l.phones, l.updated_at`;

const ORGANIZATION_COLUMNS = `o.id, o.name, o.kind, o.identifiers, o.website, o.email, o.phones, o.fictitious, o.updated_at`;

const SERVICE_COLUMNS = `s.id, s.organization_id, s.name, s.description, s.category, s.specialty, s.min_age, s.max_age,
  s.insurance_requirement, s.eligibility_note, s.languages, s.accessibility, s.delivery_modes, s.cost_type,
  s.fee_amount::float8 AS fee_amount, s.cost_note, s.accepting_new_clients, s.free_seats, s.waiting_days,
  s.service_area::text[] AS service_area, s.capacity_updated_at, s.verified_at, GREATEST(s.updated_at, s.capacity_updated_at) AS last_modified,
  ARRAY(SELECT sn.need_code FROM service_need sn JOIN need_term t ON t.code = sn.need_code
        WHERE sn.service_id = s.id ORDER BY t.sort_order, t.code)::text[] AS needs,
  jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind, 'identifiers', o.identifiers, 'website', o.website,
    'email', o.email, 'phones', o.phones, 'fictitious', o.fictitious, 'updated_at', o.updated_at) AS organization`;

/** What a full service nests: its locations, weekly hours and course runs, each aggregated in one subquery. */
const FULL_COLUMNS = `,
  (SELECT coalesce(jsonb_agg(${LOCATION_JSON} ORDER BY l.town, l.id), '[]'::jsonb)
     FROM service_location sl JOIN location l ON l.id = sl.location_id WHERE sl.service_id = s.id) AS locations,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('weekday', h.weekday, 'opens_at', to_char(h.opens_at, 'HH24:MI:SS'),
            'closes_at', to_char(h.closes_at, 'HH24:MI:SS')) ORDER BY h.weekday, h.opens_at, h.closes_at), '[]'::jsonb)
     FROM opening_hours h WHERE h.service_id = s.id) AS opening_hours,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'starts_on', to_char(c.starts_on, 'YYYY-MM-DD'),
            'ends_on', to_char(c.ends_on, 'YYYY-MM-DD'), 'weekday', c.weekday, 'start_time', to_char(c.start_time, 'HH24:MI:SS'),
            'end_time', to_char(c.end_time, 'HH24:MI:SS'), 'seats', c.seats, 'free_seats', c.free_seats) ORDER BY c.starts_on, c.id), '[]'::jsonb)
     FROM course_session c WHERE c.service_id = s.id) AS sessions`;

/** The SQL condition of a term on service `s` (organisation `o`). */
function termCondition(term: LotseTermRef, p: SqlParams): string {
  switch (term.vocabulary) {
    case 'need':
      return `EXISTS (SELECT 1 FROM service_need sn WHERE sn.service_id = s.id AND sn.need_code = ANY(${p.add(needWithNarrower(term.code))}::text[]))`;
    case 'category':
      return `s.category = ${p.add(term.code)}`;
    case 'specialty':
      return `s.specialty = ${p.add(term.code)}`;
    case 'accessibility':
      return `s.accessibility @> ARRAY[${p.add(term.code)}::text]`;
    case 'delivery_mode':
      return `s.delivery_modes @> ARRAY[${p.add(term.code)}::text]`;
    case 'cost_type':
      return `s.cost_type = ${p.add(term.code)}`;
    case 'insurance_requirement':
      return `s.insurance_requirement = ${p.add(term.code)}`;
    case 'organization_kind':
      return `o.kind = ${p.add(term.code)}`;
    case 'intake':
      return `s.accepting_new_clients = ${p.add(term.code === INTAKE_CODES.accepting)}::boolean`;
  }
}

/** Services with any term of the taxonomy: some taxonomies tag every service (each has a category). */
function taxonomyCondition(vocabulary: LotseVocabulary): string {
  switch (vocabulary) {
    case 'need':
      return 'EXISTS (SELECT 1 FROM service_need sn WHERE sn.service_id = s.id)';
    case 'specialty':
      return 's.specialty IS NOT NULL';
    case 'accessibility':
      return 'cardinality(s.accessibility) > 0';
    case 'delivery_mode':
      return 'cardinality(s.delivery_modes) > 0';
    default:
      return 'true';
  }
}

function wordsCondition(words: readonly string[], columns: string[], p: SqlParams): string[] {
  return words.map((word) => {
    const pattern = p.add(containsPattern(word));
    return `(${columns.map((c) => `${c} ILIKE ${pattern}`).join(' OR ')})`;
  });
}

function serviceWhere(f: ExportServiceFilter, p: SqlParams): string {
  const where = [visibilitySql.listing('s', 'o')];
  if (f.term === null || f.taxonomy === null) where.push('false');
  if (f.term) where.push(termCondition(f.term, p));
  if (f.taxonomy) where.push(taxonomyCondition(f.taxonomy));
  if (f.organizationId) where.push(`s.organization_id = ${p.add(f.organizationId)}::uuid`);
  if (f.modifiedAfter) where.push(`GREATEST(s.updated_at, s.capacity_updated_at) >= ${p.add(f.modifiedAfter)}::timestamptz`);
  if (f.modifiedBefore) where.push(`GREATEST(s.updated_at, s.capacity_updated_at) < ${p.add(f.modifiedBefore)}::timestamptz`);
  if (f.ids) where.push(`s.id = ANY(${p.add(f.ids)}::uuid[])`);
  if (f.locationId) where.push(`EXISTS (SELECT 1 FROM service_location fsl WHERE fsl.service_id = s.id AND fsl.location_id = ${p.add(f.locationId)}::uuid)`);
  if (f.categories?.length) where.push(`s.category = ANY(${p.add(f.categories)}::text[])`);
  if (f.words?.length) where.push(...wordsCondition(f.words, ['s.name', 's.description', 'o.name'], p));
  return where.join(' AND ');
}

function locationWhere(f: ExportLocationFilter, p: SqlParams): string {
  // a location is in the directory when its organisation is and it offers at least one visible listing
  const where = [
    visibilitySql.organization('o'),
    `EXISTS (SELECT 1 FROM service_location vsl JOIN service vs ON vs.id = vsl.service_id WHERE vsl.location_id = l.id AND ${visibilitySql.listing('vs', 'o')})`,
  ];
  if (f.organizationId) where.push(`l.organization_id = ${p.add(f.organizationId)}::uuid`);
  if (f.ids) where.push(`l.id = ANY(${p.add(f.ids)}::uuid[])`);
  if (f.postcode) where.push(`l.postcode = ${p.add(f.postcode)}`);
  if (f.modifiedAfter) where.push(`l.updated_at >= ${p.add(f.modifiedAfter)}::timestamptz`);
  if (f.modifiedBefore) where.push(`l.updated_at < ${p.add(f.modifiedBefore)}::timestamptz`);
  if (f.near) where.push(`ST_DWithin(l.point, ST_SetSRID(ST_MakePoint(${p.add(f.near.longitude)}::float8, ${p.add(f.near.latitude)}::float8), 4326)::geography, ${p.add(f.near.meters)}::float8)`);
  if (f.words?.length) where.push(...wordsCondition(f.words, ['l.name', 'l.street', 'l.town', 'o.name'], p));
  return where.join(' AND ');
}

/**
 * All SQL of the exports (HSDS API, datapackage, FHIR). Set-based: a page is one statement for the
 * rows (nested data aggregated per row in the database) and one for the count, whatever its size.
 */
@Injectable()
export class CatalogueExportRepository {
  private readonly serviceCounts = new CountCache();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---------- services ----------

  /** A page of visible services in name order; `full` nests locations, hours and course runs. */
  async findServices(filter: ExportServiceFilter, page: OffsetPage, full: boolean): Promise<ServiceRow[] | FullServiceRow[]> {
    const p = new SqlParams();
    const where = serviceWhere(filter, p);
    return this.db.query(
      `WITH page AS MATERIALIZED (
         SELECT s.id, s.name FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE ${where} ORDER BY s.name, s.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)})
       SELECT ${SERVICE_COLUMNS}${full ? FULL_COLUMNS : ''}
       FROM page JOIN service s ON s.id = page.id JOIN organization o ON o.id = s.organization_id
       ORDER BY page.name, page.id`,
      p.values,
    );
  }

  /** How many visible services match; kept per filter while the catalogue's change stamp holds (CountCache). */
  async countServices(filter: ExportServiceFilter): Promise<number> {
    const key = JSON.stringify(filter);
    const [{ stamp }] = await this.db.query(CHANGE_STAMP_SQL);
    const kept = this.serviceCounts.get(key, stamp);
    if (kept !== undefined) return kept;
    const p = new SqlParams();
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM service s JOIN organization o ON o.id = s.organization_id WHERE ${serviceWhere(filter, p)}`, p.values);
    this.serviceCounts.set(key, stamp, row.n);
    return row.n;
  }

  /** Visible services by id (any order in, name order out); hidden or unknown ids are simply absent. */
  findServicesByIds(ids: readonly string[], full: boolean): Promise<ServiceRow[] | FullServiceRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT ${SERVICE_COLUMNS}${full ? FULL_COLUMNS : ''}
       FROM service s JOIN organization o ON o.id = s.organization_id
       WHERE s.id = ANY($1::uuid[]) AND ${visibilitySql.listing('s', 'o')} ORDER BY s.name, s.id`,
      [ids],
    );
  }

  /**
   * Every visible service after `afterId` in id order, `limit` at a time — the full export walks
   * the catalogue with this (keyset, so each batch costs the same however far it is).
   */
  findServicesAfter(afterId: string | null, limit: number, filter: ExportServiceFilter = {}): Promise<FullServiceRow[]> {
    const p = new SqlParams();
    const where = serviceWhere(filter, p);
    const after = p.add(afterId);
    return this.db.query(
      `WITH page AS MATERIALIZED (
         SELECT s.id FROM service s JOIN organization o ON o.id = s.organization_id
         WHERE ${where} AND (${after}::uuid IS NULL OR s.id > ${after}::uuid) ORDER BY s.id LIMIT ${p.add(limit)})
       SELECT ${SERVICE_COLUMNS}${FULL_COLUMNS}
       FROM page JOIN service s ON s.id = page.id JOIN organization o ON o.id = s.organization_id ORDER BY s.id`,
      p.values,
    );
  }

  // ---------- services at locations ----------

  /**
   * A page of (visible service, location) pairs: by distance when near a point, else by service name.
   * The services are read in one more statement for the whole page.
   */
  async findServiceAtLocations(filter: ExportServiceFilter & ExportLocationFilter, page: OffsetPage, full: boolean): Promise<ServiceAtLocationRow[]> {
    const p = new SqlParams();
    const where = this.serviceAtLocationWhere(filter, p);
    const distance = filter.near
      ? `ST_Distance(l.point, ST_SetSRID(ST_MakePoint(${p.add(filter.near.longitude)}::float8, ${p.add(filter.near.latitude)}::float8), 4326)::geography)`
      : 'NULL::float8';
    const rows: (LocationRow & { service_id: string; distance_meters: number | null })[] = await this.db.query(
      `SELECT ${LOCATION_COLUMNS}, sl.service_id, ${distance} AS distance_meters
       FROM service_location sl JOIN service s ON s.id = sl.service_id JOIN organization o ON o.id = s.organization_id
       JOIN location l ON l.id = sl.location_id
       WHERE ${where}
       ORDER BY ${filter.near ? 'distance_meters, ' : ''}s.name, s.id, l.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
    const services = await this.findServicesByIds([...new Set(rows.map((r) => r.service_id))], full);
    const byId = new Map<string, ServiceRow>(services.map((s) => [s.id, s]));
    return rows.map(({ service_id, distance_meters, ...location }) => ({ service: byId.get(service_id)!, location, distance_meters }));
  }

  /** One visible pair by its derived id (ids.ts), computed over the pairs. */
  async findServiceAtLocationById(id: string): Promise<ServiceAtLocationRow | undefined> {
    const [pair]: { service_id: string; location_id: string }[] = await this.db.query(
      `SELECT sl.service_id, sl.location_id FROM service_location sl WHERE ${serviceAtLocationIdSql('sl.service_id', 'sl.location_id')} = $1::uuid`,
      [id],
    );
    if (!pair) return undefined;
    const [service] = (await this.findServicesByIds([pair.service_id], true)) as FullServiceRow[];
    const [location]: LocationRow[] = await this.db.query(`SELECT ${LOCATION_COLUMNS} FROM location l WHERE l.id = $1::uuid`, [pair.location_id]);
    return service && location ? { service, location, distance_meters: null } : undefined;
  }

  async countServiceAtLocations(filter: ExportServiceFilter & ExportLocationFilter): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM service_location sl JOIN service s ON s.id = sl.service_id
       JOIN organization o ON o.id = s.organization_id JOIN location l ON l.id = sl.location_id
       WHERE ${this.serviceAtLocationWhere(filter, p)}`,
      p.values,
    );
    return row.n;
  }

  private serviceAtLocationWhere(filter: ExportServiceFilter & ExportLocationFilter, p: SqlParams): string {
    const where = [serviceWhere(filter, p)];
    if (filter.postcode) where.push(`l.postcode = ${p.add(filter.postcode)}`);
    if (filter.near) where.push(`ST_DWithin(l.point, ST_SetSRID(ST_MakePoint(${p.add(filter.near.longitude)}::float8, ${p.add(filter.near.latitude)}::float8), 4326)::geography, ${p.add(filter.near.meters)}::float8)`);
    return where.join(' AND ');
  }

  // ---------- organizations ----------

  async findOrganizations(filter: OrganizationFilterOfExport, page: OffsetPage): Promise<OrganizationRow[]> {
    const p = new SqlParams();
    const where = this.organizationWhere(filter, p);
    return this.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE ${where} ORDER BY o.name, o.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`, p.values);
  }

  async countOrganizations(filter: OrganizationFilterOfExport): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM organization o WHERE ${this.organizationWhere(filter, p)}`, p.values);
    return row.n;
  }

  private organizationWhere(filter: OrganizationFilterOfExport, p: SqlParams): string {
    const where = [visibilitySql.organization('o')];
    if (filter.ids) where.push(`o.id = ANY(${p.add(filter.ids)}::uuid[])`);
    if (filter.modifiedAfter) where.push(`o.updated_at >= ${p.add(filter.modifiedAfter)}::timestamptz`);
    if (filter.modifiedBefore) where.push(`o.updated_at < ${p.add(filter.modifiedBefore)}::timestamptz`);
    if (filter.identifier) {
      where.push(`o.identifiers @> ${p.add(JSON.stringify([filter.identifier.scheme ? { scheme: filter.identifier.scheme, value: filter.identifier.value } : { value: filter.identifier.value }]))}::jsonb`);
    }
    if (filter.words?.length) where.push(...wordsCondition(filter.words, ['o.name'], p));
    return where.join(' AND ');
  }

  /** Visible organisations after `afterId` in id order (the full export). */
  findOrganizationsAfter(afterId: string | null, limit: number): Promise<OrganizationRow[]> {
    return this.db.query(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organization o WHERE ${visibilitySql.organization('o')} AND ($1::uuid IS NULL OR o.id > $1::uuid) ORDER BY o.id LIMIT $2`,
      [afterId, limit],
    );
  }

  // ---------- locations ----------

  async findLocations(filter: ExportLocationFilter, page: OffsetPage): Promise<(LocationRow & { distance_meters: number | null })[]> {
    const p = new SqlParams();
    const where = locationWhere(filter, p);
    const distance = filter.near
      ? `ST_Distance(l.point, ST_SetSRID(ST_MakePoint(${p.add(filter.near.longitude)}::float8, ${p.add(filter.near.latitude)}::float8), 4326)::geography)`
      : 'NULL::float8';
    return this.db.query(
      `SELECT ${LOCATION_COLUMNS}, ${distance} AS distance_meters FROM location l JOIN organization o ON o.id = l.organization_id
       WHERE ${where} ORDER BY ${filter.near ? 'distance_meters, ' : ''}l.town, l.id LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`,
      p.values,
    );
  }

  async countLocations(filter: ExportLocationFilter): Promise<number> {
    const p = new SqlParams();
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM location l JOIN organization o ON o.id = l.organization_id WHERE ${locationWhere(filter, p)}`, p.values);
    return row.n;
  }

  /** The directory's locations of these organisations (each offers a visible listing), by town. */
  findLocationsOfOrganizations(organizationIds: readonly string[]): Promise<LocationRow[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    const p = new SqlParams();
    return this.db.query(
      `SELECT ${LOCATION_COLUMNS} FROM location l JOIN organization o ON o.id = l.organization_id
       WHERE l.organization_id = ANY(${p.add(organizationIds)}::uuid[]) AND ${locationWhere({}, p)} ORDER BY l.town, l.id`,
      p.values,
    );
  }

  /** Visible services of these organisations (list shape), by name. */
  findServicesOfOrganizations(organizationIds: readonly string[]): Promise<ServiceRow[]> {
    if (!organizationIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT ${SERVICE_COLUMNS} FROM service s JOIN organization o ON o.id = s.organization_id
       WHERE s.organization_id = ANY($1::uuid[]) AND ${visibilitySql.listing('s', 'o')} ORDER BY s.name, s.id`,
      [organizationIds],
    );
  }

  /** Visible services offered at these locations, with the location they are offered at. */
  findServicesAtLocationIds(locationIds: readonly string[]): Promise<(ServiceRow & { location_id: string })[]> {
    if (!locationIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT ${SERVICE_COLUMNS}, sl.location_id FROM service_location sl JOIN service s ON s.id = sl.service_id
       JOIN organization o ON o.id = s.organization_id
       WHERE sl.location_id = ANY($1::uuid[]) AND ${visibilitySql.listing('s', 'o')} ORDER BY s.name, s.id`,
      [locationIds],
    );
  }
}
