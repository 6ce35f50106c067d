import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@lotse/common';
import { AreaNamesProvider } from '../area-names';
import { FullServiceRow } from '../catalogue-rows';
import { CatalogueExportRepository, OffsetPage } from '../catalogue-export.repository';
import { schemeOfSystem } from '../identifiers';
import { lotseTaxonomyTerm } from '../vocabulary/lotse-taxonomies';
import { FHIR_DEFAULT_COUNT, FhirHealthcareServiceQuery, FhirLocationQuery, FhirOrganizationQuery, FhirSearchQuery } from './fhir-query.dto';
import { idsOf, lastUpdatedRange, nearOf, referenceId, tokenCodes } from './fhir-search';
import { capabilityStatement, healthcareServiceResource, LOCATION_DISTANCE_EXTENSION, locationResource, organizationResource } from './fhir.mapper';

type Resource = Record<string, any>;

/** The request as the paging links need it: the base URL and the query string's parameters. */
export interface SearchRequest {
  base: string;
  params: Record<string, string | string[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pageOf(query: FhirSearchQuery): OffsetPage {
  return { limit: query._count ?? FHIR_DEFAULT_COUNT, offset: query._offset ?? 0 };
}

function searchUrl(request: SearchRequest, type: string, offset: number, count: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(request.params)) {
    if (key === '_offset' || key === '_count') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
  }
  params.set('_count', String(count));
  if (offset) params.set('_offset', String(offset));
  return `${request.base}/${type}?${params.toString()}`;
}

/** A searchset Bundle with self, first, previous and next links as far as they exist. */
function searchset(request: SearchRequest, type: string, page: OffsetPage, total: number, entries: { resource: Resource; distanceMeters?: number | null }[]): Resource {
  const link = [{ relation: 'self', url: searchUrl(request, type, page.offset, page.limit) }, { relation: 'first', url: searchUrl(request, type, 0, page.limit) }];
  if (page.offset > 0) link.push({ relation: 'previous', url: searchUrl(request, type, Math.max(0, page.offset - page.limit), page.limit) });
  if (page.limit > 0 && page.offset + page.limit < total) link.push({ relation: 'next', url: searchUrl(request, type, page.offset + page.limit, page.limit) });
  return {
    resourceType: 'Bundle',
    meta: { lastUpdated: new Date().toISOString() },
    type: 'searchset',
    total,
    link,
    entry: entries.map(({ resource, distanceMeters }) => ({
      fullUrl: `${request.base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: {
        mode: 'match',
        // FHIR's way of saying how far a Location found by `near` is (R4 Location search, "near")
        ...(distanceMeters !== undefined && distanceMeters !== null
          ? { extension: [{ url: LOCATION_DISTANCE_EXTENSION, valueDistance: { value: Math.round(distanceMeters) / 1000, unit: 'km', system: 'http://unitsofmeasure.org', code: 'km' } }] }
          : {}),
      },
    })),
  };
}

/**
 * FHIR R4 reads and searches over what the directory shows. Searches map onto the same export
 * repository as HSDS (set-based: one statement for a page, one for the total).
 */
@Injectable()
export class FhirService {
  constructor(
    private readonly repository: CatalogueExportRepository,
    private readonly areaNames: AreaNamesProvider,
  ) {}

  metadata(base: string): Resource {
    return capabilityStatement(base, new Date());
  }

  async organization(id: string): Promise<Resource> {
    const [row] = UUID.test(id) ? await this.repository.findOrganizations({ ids: [id] }, { limit: 1, offset: 0 }) : [];
    if (!row) throw new NotFoundError('Organization', id);
    return organizationResource(row);
  }

  async searchOrganizations(query: FhirOrganizationQuery, request: SearchRequest): Promise<Resource> {
    const page = pageOf(query);
    const range = lastUpdatedRange(query._lastUpdated);
    const filter = {
      ids: idsOf(query._id),
      words: query.name ? query.name.split(/\s+/).filter(Boolean) : undefined,
      modifiedAfter: range.after,
      modifiedBefore: range.before,
      identifier: query.identifier ? this.identifierOf(query.identifier) : undefined,
    };
    if (filter.identifier === null) return searchset(request, 'Organization', page, 0, []);
    const [rows, total] = await Promise.all([page.limit ? this.repository.findOrganizations({ ...filter, identifier: filter.identifier }, page) : [], this.repository.countOrganizations({ ...filter, identifier: filter.identifier })]);
    return searchset(request, 'Organization', page, total, rows.map((o) => ({ resource: organizationResource(o) })));
  }

  /** `identifier=system|value` or `value`; `null` for a system Lotse does not keep. */
  private identifierOf(token: string): { scheme?: string; value: string } | null {
    const bar = token.indexOf('|');
    if (bar < 0) return { value: token };
    const system = token.slice(0, bar);
    if (system === '') return { value: token.slice(bar + 1) };
    const scheme = schemeOfSystem(system);
    return scheme ? { scheme, value: token.slice(bar + 1) } : null;
  }

  async location(id: string): Promise<Resource> {
    const [row] = UUID.test(id) ? await this.repository.findLocations({ ids: [id] }, { limit: 1, offset: 0 }) : [];
    if (!row) throw new NotFoundError('Location', id);
    return locationResource(row);
  }

  async searchLocations(query: FhirLocationQuery, request: SearchRequest): Promise<Resource> {
    const page = pageOf(query);
    const range = lastUpdatedRange(query._lastUpdated);
    const organizationId = referenceId(query.organization, 'Organization', 'organization');
    const near = nearOf(query.near);
    if (organizationId === null) return searchset(request, 'Location', page, 0, []);
    const filter = { ids: idsOf(query._id), organizationId, postcode: query['address-postalcode'], near, modifiedAfter: range.after, modifiedBefore: range.before };
    const [rows, total] = await Promise.all([page.limit ? this.repository.findLocations(filter, page) : [], this.repository.countLocations(filter)]);
    return searchset(request, 'Location', page, total, rows.map((l) => ({ resource: locationResource(l), distanceMeters: near ? l.distance_meters : undefined })));
  }

  async healthcareService(id: string): Promise<Resource> {
    const [row] = UUID.test(id) ? ((await this.repository.findServicesByIds([id], true)) as FullServiceRow[]) : [];
    if (!row) throw new NotFoundError('HealthcareService', id);
    return healthcareServiceResource(row, await this.areaNames.lookup());
  }

  async searchHealthcareServices(query: FhirHealthcareServiceQuery, request: SearchRequest): Promise<Resource> {
    const page = pageOf(query);
    const range = lastUpdatedRange(query._lastUpdated);
    const organizationId = referenceId(query.organization, 'Organization', 'organization');
    const locationId = referenceId(query.location, 'Location', 'location');
    const categories = tokenCodes(query['service-category'], 'category');
    const needs = tokenCodes(query['service-type'], 'need');
    const nothing = organizationId === null || locationId === null || categories?.length === 0 || (needs !== undefined && !needs.some((n) => lotseTaxonomyTerm('need', n)));
    if (nothing) return searchset(request, 'HealthcareService', page, 0, []);
    const filter = {
      ids: idsOf(query._id),
      organizationId,
      locationId,
      categories,
      // one need per search (the first known one) — a need also finds its narrower needs, as in HSDS
      term: needs ? { vocabulary: 'need' as const, code: needs.find((n) => lotseTaxonomyTerm('need', n))! } : undefined,
      words: query.name ? query.name.split(/\s+/).filter(Boolean) : undefined,
      modifiedAfter: range.after,
      modifiedBefore: range.before,
    };
    const [rows, total] = await Promise.all([page.limit ? (this.repository.findServices(filter, page, true) as Promise<FullServiceRow[]>) : [], this.repository.countServices(filter)]);
    const areas = await this.areaNames.lookup();
    return searchset(request, 'HealthcareService', page, total, rows.map((s) => ({ resource: healthcareServiceResource(s, areas) })));
  }
}
