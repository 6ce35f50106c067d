import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@lotse/common';
import { GeoService } from '@lotse/geo';
import { AreaNamesProvider } from '../area-names';
import { FullServiceRow } from '../catalogue-rows';
import { CatalogueExportRepository, ExportServiceFilter, OffsetPage } from '../catalogue-export.repository';
import { LOTSE_TAXONOMIES, LOTSE_TAXONOMY_TERMS, lotseTermById } from '../vocabulary/lotse-taxonomies';
import {
  HSDS_DEFAULT_PER_PAGE,
  HsdsOrganizationQuery,
  HsdsPageQuery,
  HsdsServiceAtLocationQuery,
  HsdsServiceQuery,
  HsdsTaxonomyTermQuery,
} from './hsds-query.dto';
import {
  organizationJson,
  organizationListJson,
  serviceAtLocationJson,
  serviceAtLocationListJson,
  serviceJson,
  serviceListJson,
  taxonomyTermJson,
} from './hsds.mapper';

export const HSDS_VERSION = '3.0';

type Json = Record<string, unknown>;

/** The paginated envelope of every HSDS list (OpenAPI components/schemas/Page). */
export interface HsdsPage<T = Json> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.ceil(total / perPage);
  return { total_items: total, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: total === 0, contents };
}

function pageOf(query: HsdsPageQuery): OffsetPage & { page: number } {
  const page = query.page ?? 1;
  const limit = query.per_page ?? HSDS_DEFAULT_PER_PAGE;
  return { page, limit, offset: (page - 1) * limit };
}

/** `search` as words (each must appear); HSDS calls it full-text search, Lotse matches words as typed. */
function wordsOf(search: string | undefined): string[] | undefined {
  const words = search?.split(/\s+/).map((w) => w.trim()).filter(Boolean);
  return words?.length ? words : undefined;
}

function serviceFilterOf(query: HsdsServiceQuery): ExportServiceFilter {
  return {
    words: wordsOf(query.search),
    // a term or taxonomy Lotse does not have tags no service: an empty page, not an error
    term: query.taxonomy_term_id ? (lotseTermById(query.taxonomy_term_id) ?? null) : undefined,
    taxonomy: query.taxonomy_id ? (LOTSE_TAXONOMIES.find((t) => t.id === query.taxonomy_id!.toLowerCase())?.vocabulary ?? null) : undefined,
    organizationId: query.organization_id,
    modifiedAfter: query.modified_after ? new Date(query.modified_after) : undefined,
  };
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * The HSDS 3.0 API over the catalogue: what the directory shows, as HSDS objects. Controllers hand
 * in validated queries; this decides pages and filters and never touches SQL.
 */
@Injectable()
export class HsdsApiService {
  constructor(
    private readonly repository: CatalogueExportRepository,
    private readonly geo: GeoService,
    private readonly areaNames: AreaNamesProvider,
  ) {}

  async services(query: HsdsServiceQuery): Promise<HsdsPage> {
    const page = pageOf(query);
    const filter = serviceFilterOf(query);
    const [rows, total] = await Promise.all([this.repository.findServices(filter, page, !!query.full), this.repository.countServices(filter)]);
    const areas = await this.areaNames.lookup();
    const contents = query.full ? (rows as FullServiceRow[]).map((s) => serviceJson(s, areas)) : rows.map(serviceListJson);
    return hsdsPage(contents, total, page.page, page.limit);
  }

  /**
   * Every matching service, full, in id order, batch by batch (keyset): `format=ndjson`. A harvester
   * reads the whole directory in one request at a flat cost per service instead of walking pages,
   * whose offsets grow with the catalogue.
   */
  async *servicesStream(query: HsdsServiceQuery, batch = 500): AsyncGenerator<Json[]> {
    const filter = serviceFilterOf(query);
    const areas = await this.areaNames.lookup();
    for (let after: string | null = null; ; ) {
      const rows = await this.repository.findServicesAfter(after, batch, filter);
      if (!rows.length) return;
      after = rows[rows.length - 1].id;
      yield rows.map((s) => serviceJson(s, areas));
    }
  }

  async service(id: string): Promise<Json> {
    const [row] = isUuid(id) ? ((await this.repository.findServicesByIds([id], true)) as FullServiceRow[]) : [];
    if (!row) throw new NotFoundError('service', id);
    return serviceJson(row, await this.areaNames.lookup());
  }

  async serviceAtLocations(query: HsdsServiceAtLocationQuery): Promise<HsdsPage> {
    const page = pageOf(query);
    let near: { latitude: number; longitude: number; meters: number } | undefined;
    if (query.proximity !== undefined) {
      if (!query.postcode) throw InvalidInputError.of('proximity', 'proximity needs a postcode to measure from');
      const centre = await this.geo.postcode(query.postcode);
      if (!centre) throw InvalidInputError.of('postcode', `postcode ${query.postcode} is not in the postcode table`);
      near = { latitude: centre.latitude, longitude: centre.longitude, meters: query.proximity };
    }
    // with proximity the postcode is the centre of a circle; without, the locations' own postcode
    const filter = { ...serviceFilterOf(query), postcode: near ? undefined : query.postcode, near };
    const rows = await this.repository.findServiceAtLocations(filter, page, !!query.full);
    const total = await this.repository.countServiceAtLocations(filter);
    const areas = await this.areaNames.lookup();
    const contents = rows.map((r) => {
      const json = query.full ? serviceAtLocationJson(r.service as FullServiceRow, r.location, areas) : serviceAtLocationListJson(r.service, r.location);
      // not an HSDS field: metres from the postcode's centre, for a reader that sorts or shows it
      return r.distance_meters === null ? json : { ...json, distance: Math.round(r.distance_meters) };
    });
    return hsdsPage(contents, total, page.page, page.limit);
  }

  async serviceAtLocation(id: string): Promise<Json> {
    // the id is derived from the pair, so it is looked up among the visible pairs' ids
    const found = isUuid(id) ? await this.repository.findServiceAtLocationById(id.toLowerCase()) : undefined;
    if (!found) throw new NotFoundError('service_at_location', id);
    return serviceAtLocationJson(found.service as FullServiceRow, found.location, await this.areaNames.lookup());
  }

  async organizations(query: HsdsOrganizationQuery): Promise<HsdsPage> {
    const page = pageOf(query);
    const filter = { words: wordsOf(query.search), modifiedAfter: query.modified_after ? new Date(query.modified_after) : undefined };
    const rows = await this.repository.findOrganizations(filter, page);
    const total = await this.repository.countOrganizations(filter);
    const contents = query.full ? await this.fullOrganizations(rows, !!query.full_service) : rows.map(organizationListJson);
    return hsdsPage(contents, total, page.page, page.limit);
  }

  async organization(id: string, fullService: boolean): Promise<Json> {
    const rows = isUuid(id) ? await this.repository.findOrganizations({ ids: [id] }, { limit: 1, offset: 0 }) : [];
    if (!rows.length) throw new NotFoundError('organization', id);
    return (await this.fullOrganizations(rows, fullService))[0];
  }

  private async fullOrganizations(rows: Awaited<ReturnType<CatalogueExportRepository['findOrganizations']>>, fullService: boolean): Promise<Json[]> {
    const ids = rows.map((o) => o.id);
    const locations = await this.repository.findLocationsOfOrganizations(ids);
    const services = await this.repository.findServicesOfOrganizations(ids);
    const areas = await this.areaNames.lookup();
    const full = fullService ? new Map(((await this.repository.findServicesByIds(services.map((s) => s.id), true)) as FullServiceRow[]).map((s) => [s.id, serviceJson(s, areas)])) : undefined;
    return rows.map((o) =>
      organizationJson(
        o,
        locations.filter((l) => l.organization_id === o.id),
        services.filter((s) => s.organization_id === o.id).map((s) => full?.get(s.id) ?? serviceListJson(s)),
      ),
    );
  }

  taxonomies(query: HsdsPageQuery): HsdsPage {
    const page = pageOf(query);
    const words = wordsOf(query.search)?.map((w) => w.toLowerCase());
    const all = LOTSE_TAXONOMIES.filter((t) => !words || words.every((w) => `${t.name} ${t.description}`.toLowerCase().includes(w))).map(({ vocabulary: _v, ...t }) => t);
    return hsdsPage(all.slice(page.offset, page.offset + page.limit), all.length, page.page, page.limit);
  }

  taxonomy(id: string): Json {
    const found = LOTSE_TAXONOMIES.find((t) => t.id === id.toLowerCase());
    if (!found) throw new NotFoundError('taxonomy', id);
    const { vocabulary: _v, ...taxonomy } = found;
    return taxonomy;
  }

  taxonomyTerms(query: HsdsTaxonomyTermQuery): HsdsPage {
    const page = pageOf(query);
    const words = wordsOf(query.search)?.map((w) => w.toLowerCase());
    const all = LOTSE_TAXONOMY_TERMS.filter(
      (t) =>
        (!query.taxonomy_id || t.taxonomy_id === query.taxonomy_id.toLowerCase()) &&
        (!query.parent_id || t.parent_id === query.parent_id.toLowerCase()) &&
        (!query.top_only || !t.parent_id) &&
        (!words || words.every((w) => `${t.code} ${t.name} ${t.description}`.toLowerCase().includes(w))),
    );
    return hsdsPage(all.slice(page.offset, page.offset + page.limit).map((t) => taxonomyTermJson(t, true)), all.length, page.page, page.limit);
  }

  taxonomyTerm(id: string): Json {
    const found = LOTSE_TAXONOMY_TERMS.find((t) => t.id === id.toLowerCase());
    if (!found) throw new NotFoundError('taxonomy_term', id);
    return taxonomyTermJson(found, true);
  }
}
