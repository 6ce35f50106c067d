import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@lotse/common';
import { GeoService } from '@lotse/geo';
import { CatalogueRepository, KeysetPage } from './catalogue.repository';
import { OrganizationImport } from './domain/import.types';
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
  ServiceAtLocation,
  ServiceFilter,
} from './domain/models';
import { NEEDS_TAXONOMY_VERSION } from './domain/needs-taxonomy';
import { DIRECTORY, isListingVisibleTo, isOrganizationVisibleTo, Viewer } from './visibility';

export interface NearOrigin {
  latitude?: number;
  longitude?: number;
  postcode?: string;
}

@Injectable()
export class CatalogueService {
  private needTermsCache?: Promise<NeedTerm[]>;

  constructor(
    private readonly repository: CatalogueRepository,
    private readonly geo: GeoService,
  ) {}

  /** The taxonomy changes only through migrations, so one read per process is enough. */
  needTerms(): Promise<NeedTerm[]> {
    this.needTermsCache ??= this.repository.findNeedTerms().catch((e) => {
      this.needTermsCache = undefined;
      throw e;
    });
    return this.needTermsCache;
  }

  get taxonomyVersion(): string {
    return NEEDS_TAXONOMY_VERSION;
  }

  /** Rejects need codes the taxonomy does not know, naming the argument they came in. */
  async assertKnownNeeds(codes: string[] | undefined, field: string): Promise<void> {
    if (!codes?.length) return;
    const known = new Set((await this.needTerms()).map((t) => t.code));
    const unknown = codes.filter((c) => !known.has(c));
    if (unknown.length) throw InvalidInputError.of(field, `unknown need code(s): ${unknown.join(', ')}`);
  }

  /** Organisations the viewer may see (visibility.ts), filtered and paged. */
  findOrganizations(filter: OrganizationFilter, page: KeysetPage, viewer: Viewer = DIRECTORY): Promise<[Organization[], number]> {
    return Promise.all([this.repository.findOrganizations(filter, page, viewer), this.repository.countOrganizations(filter, viewer)]);
  }

  async findServices(filter: ServiceFilter, page: KeysetPage, viewer: Viewer = DIRECTORY, field = 'filter.needs'): Promise<[Service[], number]> {
    await this.assertKnownNeeds(filter.needs, field);
    return Promise.all([this.repository.findServices(filter, page, viewer), this.repository.countServices(filter, viewer)]);
  }

  findLocations(filter: LocationFilter, page: KeysetPage, viewer: Viewer = DIRECTORY): Promise<[Location[], number]> {
    return Promise.all([this.repository.findLocations(filter, page, viewer), this.repository.countLocations(filter, viewer)]);
  }

  /** Turns a point or a postcode into coordinates; a postcode missing from the table is bad input. */
  async resolveOrigin(origin: NearOrigin, field: string): Promise<{ latitude: number; longitude: number }> {
    if (origin.latitude !== undefined && origin.longitude !== undefined) return { latitude: origin.latitude, longitude: origin.longitude };
    if (origin.postcode) {
      const postcode = await this.geo.postcode(origin.postcode);
      if (!postcode) throw InvalidInputError.of(`${field}.postcode`, `postcode ${origin.postcode} is not in the postcode table`);
      return postcode;
    }
    throw InvalidInputError.of(field, 'give latitude and longitude, or a postcode');
  }

  async findServicesNear(origin: NearOrigin, radiusMeters: number, filter: ServiceFilter, page: KeysetPage): Promise<[ServiceAtLocation[], number]> {
    await this.assertKnownNeeds(filter.needs, 'filter.needs');
    const point = await this.resolveOrigin(origin, 'near');
    const [rows, total] = await Promise.all([
      this.repository.findServicesNear(point, radiusMeters, filter, page),
      this.repository.countServicesNear(point, radiusMeters, filter),
    ]);
    const [services, locations] = await Promise.all([
      this.repository.findServicesByIds([...new Set(rows.map((r) => r.serviceId))]),
      this.repository.findLocationsByIds([...new Set(rows.map((r) => r.locationId))]),
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const locationById = new Map(locations.map((l) => [l.id, l]));
    const items = rows.map((r) => ({ service: serviceById.get(r.serviceId)!, location: locationById.get(r.locationId)!, distanceMeters: r.distanceMeters }));
    return [items, total];
  }

  /** The codes that are neither a district (5-digit AGS) nor a municipality (8-digit AGS) of Saxony. */
  async unknownAreas(codes: readonly string[]): Promise<string[]> {
    const districts = codes.filter((c) => c.length === 5);
    const municipalities = codes.filter((c) => c.length === 8);
    const [d, m] = await Promise.all([
      districts.length ? this.geo.districts(districts) : [],
      municipalities.length ? this.geo.municipalities({ agsList: municipalities }, { limit: municipalities.length }) : [],
    ]);
    const known = new Set([...d.map((x) => x.ags), ...m.map((x) => x.ags)]);
    return codes.filter((c) => !known.has(c));
  }

  /** Listings that pass a match's hard criteria, nearest first, with services and locations loaded. */
  findMatchCandidates(criteria: CandidateCriteria): Promise<Candidate[]> {
    return this.repository.findMatchCandidates(criteria);
  }

  /** One organisation by id, if the viewer may see it. */
  async visibleOrganization(id: string, viewer: Viewer): Promise<Organization | null> {
    const [organization] = await this.repository.findOrganizationsByIds([id]);
    return organization && isOrganizationVisibleTo(viewer, organization) ? organization : null;
  }

  /** One service by id, if the viewer may see its listing. */
  async visibleService(id: string, viewer: Viewer): Promise<Service | null> {
    const [service] = await this.repository.findServicesByIds([id]);
    if (!service) return null;
    const [organization] = await this.repository.findOrganizationsByIds([service.organizationId]);
    return organization && isListingVisibleTo(viewer, service, organization) ? service : null;
  }

  /** One location by id, if the viewer may see its organisation. */
  async visibleLocation(id: string, viewer: Viewer): Promise<Location | null> {
    const [location] = await this.repository.findLocationsByIds([id]);
    if (!location) return null;
    const [organization] = await this.repository.findOrganizationsByIds([location.organizationId]);
    return organization && isOrganizationVisibleTo(viewer, organization) ? location : null;
  }

  // Batch reads behind the GraphQL DataLoaders.
  organizationsByIds(ids: readonly string[]): Promise<Organization[]> {
    return this.repository.findOrganizationsByIds(ids);
  }
  servicesByIds(ids: readonly string[]): Promise<Service[]> {
    return this.repository.findServicesByIds(ids);
  }
  listingsByIds(pairs: readonly { serviceId: string; locationId: string }[]): Promise<{ service: Service; location: Location }[]> {
    return this.repository.findListingsByIds(pairs);
  }
  locationsByIds(ids: readonly string[]): Promise<Location[]> {
    return this.repository.findLocationsByIds(ids);
  }
  /** The services of these organisations the viewer may see. */
  servicesByOrganizations(ids: readonly string[], viewer: Viewer = DIRECTORY): Promise<Service[]> {
    return this.repository.findVisibleServicesByOrganizations(ids, viewer);
  }
  /** The services offered at these locations the viewer may see. */
  servicesByLocations(ids: readonly string[], viewer: Viewer = DIRECTORY) {
    return this.repository.findVisibleServicesByLocations(ids, viewer);
  }
  locationsByServices(ids: readonly string[]) {
    return this.repository.findLocationsByServices(ids);
  }
  locationsByOrganizations(ids: readonly string[]): Promise<Location[]> {
    return this.repository.findLocationsByOrganizations(ids);
  }
  needsByServices(ids: readonly string[]) {
    return this.repository.findNeedsByServices(ids);
  }
  openingHoursByServices(ids: readonly string[]): Promise<OpeningHours[]> {
    return this.repository.findOpeningHoursByServices(ids);
  }
  sessionsByServices(ids: readonly string[]): Promise<CourseSession[]> {
    return this.repository.findSessionsByServices(ids);
  }
  serviceCountsByArea(level: 'district' | 'municipality', ags: readonly string[]): Promise<(CategoryCount & { ags: string })[]> {
    return this.repository.countServicesByCategory(level, ags);
  }

  /** Bulk entry point for seeds and imports; need codes are checked before anything is written. */
  async importOrganizations(imports: OrganizationImport[]): Promise<string[]> {
    const codes = [...new Set(imports.flatMap((o) => o.services.flatMap((s) => s.needs)))];
    await this.assertKnownNeeds(codes, 'services.needs');
    return this.repository.importOrganizations(imports);
  }

  deleteFictitiousOrganizations(): Promise<number> {
    return this.repository.deleteFictitiousOrganizations();
  }

  countAllServices(): Promise<number> {
    return this.repository.countAllServices();
  }
}
