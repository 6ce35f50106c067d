import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Cost, ListingRead, NotFoundError, OptionalActor, Public, RequestContext, toConnection, toPage } from '@lotse/common';
import { DistrictType, GeoService, MunicipalityType } from '@lotse/geo';
import { CatalogueService } from '../catalogue.service';
import { OrganizationStatus } from '../domain/enums';
import { CategoryCount, NeedTerm } from '../domain/models';
import { viewerOf } from '../visibility';
import { findLanguage, Language, searchLanguages } from '../domain/languages';
import { LanguagesArgs } from './catalogue.args';
import { defaultPartnerKinds } from '../domain/partner-kinds';
import { MEDICAL_SPECIALTIES } from '../domain/specialties';
import { IdArgs, LocationsArgs, OrganizationsArgs, ServicesArgs, ServicesNearArgs } from './catalogue.args';
import {
  CategoryCountType,
  CourseSessionType,
  LanguageType,
  LocationConnection,
  LocationType,
  MedicalSpecialtyInfoType,
  NeedsTaxonomyType,
  NeedTermType,
  OpeningHoursType,
  OrganizationConnection,
  OrganizationType,
  PartnerKindType,
  ServiceAtLocationConnection,
  ServiceConnection,
  ServiceType,
} from './catalogue.graphql-types';
import { CATALOGUE_FAN_OUT } from './fan-out';
import { catalogueLoaders } from './loaders';
import { toLocationType, toOrganizationType, toPartnerKindType, toServiceType } from './mappers';

@Resolver()
export class CatalogueQueryResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  /** The taxonomy is reference data, not directory content: anyone may read it (and the IDE's example query works before login). */
  @Public()
  @Query(() => NeedsTaxonomyType, { complexity: Cost.lookup, description: 'The needs taxonomy with its version' })
  async needsTaxonomy(): Promise<NeedsTaxonomyType> {
    return { version: this.catalogue.taxonomyVersion, terms: await this.catalogue.needTerms() };
  }

  @Public()
  @Query(() => [NeedTermType], { complexity: Cost.lookup, description: 'The needs (Bedarfe) of the taxonomy, in display order' })
  needs(): Promise<NeedTerm[]> {
    return this.catalogue.needTerms();
  }

  @Public()
  @Query(() => [LanguageType], { complexity: Cost.page(20), description: 'Languages by German or English name or code, for pickers: the ISO 639-1 ones first' })
  languages(@Args() { search, first }: LanguagesArgs): Language[] {
    return searchLanguages(search ?? '', first ?? 20);
  }

  @Public()
  @Query(() => [MedicalSpecialtyInfoType], { complexity: Cost.lookup, description: 'The documented list of medical specialties with German names (MWBO 2018)' })
  medicalSpecialties(): MedicalSpecialtyInfoType[] {
    return MEDICAL_SPECIALTIES.map((s) => ({ ...s, personDe: [...s.personDe], qualification: s.qualification.toUpperCase() }));
  }

  @Query(() => OrganizationConnection, { complexity: Cost.page(),
    description: 'Partner organisations ordered by name (ACTIVE unless a status is given); pending and inactive ones only for their members, coordinators and admins',
  })
  async organizations(@Args() args: OrganizationsArgs, @OptionalActor() actor?: Actor): Promise<OrganizationConnection> {
    const page = toPage(args, 2);
    const filter = { ...args.filter, status: args.filter?.status ?? OrganizationStatus.ACTIVE };
    const [rows, total] = await this.catalogue.findOrganizations(filter, { limit: page.limit + 1, after: page.after }, viewerOf(actor));
    return toConnection(rows, page, total, (o) => [o.name, o.id], toOrganizationType);
  }

  @ListingRead()
  @Query(() => OrganizationType, { complexity: Cost.lookup })
  async organization(@Args() { id }: IdArgs, @OptionalActor() actor?: Actor): Promise<OrganizationType> {
    const organization = await this.catalogue.visibleOrganization(id, viewerOf(actor));
    if (!organization) throw new NotFoundError('Organization', id);
    return toOrganizationType(organization);
  }

  @Query(() => ServiceConnection, { complexity: Cost.page(), description: 'Visible services ordered by name (hidden ones too for their members, coordinators and admins)' })
  async services(@Args() args: ServicesArgs, @OptionalActor() actor?: Actor): Promise<ServiceConnection> {
    const page = toPage(args, 2);
    const [rows, total] = await this.catalogue.findServices(args.filter ?? {}, { limit: page.limit + 1, after: page.after }, viewerOf(actor));
    return toConnection(rows, page, total, (s) => [s.name, s.id], toServiceType);
  }

  @ListingRead()
  @Query(() => ServiceType, { complexity: Cost.lookup })
  async service(@Args() { id }: IdArgs, @OptionalActor() actor?: Actor): Promise<ServiceType> {
    const service = await this.catalogue.visibleService(id, viewerOf(actor));
    if (!service) throw new NotFoundError('Service', id);
    return toServiceType(service);
  }

  @Query(() => ServiceAtLocationConnection, { complexity: Cost.page(),
    description: 'Services offered within a radius of a point or postcode centroid, nearest first, with the distance in metres',
  })
  async servicesNear(@Args() args: ServicesNearArgs): Promise<ServiceAtLocationConnection> {
    const page = toPage(args, 3);
    const { radiusMeters, ...origin } = args.near;
    const [rows, total] = await this.catalogue.findServicesNear(origin, radiusMeters, args.filter ?? {}, { limit: page.limit + 1, after: page.after });
    return toConnection(
      rows,
      page,
      total,
      (r) => [r.distanceMeters, r.service.id, r.location.id],
      (r) => ({ service: toServiceType(r.service), location: toLocationType(r.location), distanceMeters: r.distanceMeters }),
    );
  }

  @Query(() => LocationConnection, { complexity: Cost.page(), description: 'Locations of active organisations ordered by town (of hidden ones too for their members, coordinators and admins)' })
  async locations(@Args() args: LocationsArgs, @OptionalActor() actor?: Actor): Promise<LocationConnection> {
    const page = toPage(args, 2);
    const [rows, total] = await this.catalogue.findLocations(args.filter ?? {}, { limit: page.limit + 1, after: page.after }, viewerOf(actor));
    return toConnection(rows, page, total, (l) => [l.town, l.id], toLocationType);
  }

  @ListingRead()
  @Query(() => LocationType, { complexity: Cost.lookup })
  async location(@Args() { id }: IdArgs, @OptionalActor() actor?: Actor): Promise<LocationType> {
    const location = await this.catalogue.visibleLocation(id, viewerOf(actor));
    if (!location) throw new NotFoundError('Location', id);
    return toLocationType(location);
  }
}

@Resolver(() => NeedTermType)
export class NeedTermFieldsResolver {
  @ResolveField(() => [PartnerKindType], { complexity: Cost.list(CATALOGUE_FAN_OUT.partnerKindsPerNeed), description: 'the kinds of partner that answer this need when the coach names none (a hard filter of matching)' })
  defaultPartnerKinds(@Parent() need: NeedTermType): PartnerKindType[] {
    return defaultPartnerKinds(need.code).map(toPartnerKindType);
  }
}

@Resolver(() => ServiceType)
export class ServiceFieldsResolver {
  constructor(private readonly catalogue: CatalogueService, private readonly geo: GeoService) {}

  @ResolveField(() => OrganizationType, { complexity: Cost.lookup })
  async organization(@Parent() service: { organizationId: string }, @Context() ctx: RequestContext) {
    const organization = await catalogueLoaders(ctx, this.catalogue, this.geo).organization.load(service.organizationId);
    return organization && toOrganizationType(organization);
  }

  @ResolveField(() => [LocationType], { complexity: Cost.list(CATALOGUE_FAN_OUT.locationsPerService) })
  async locations(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return (await catalogueLoaders(ctx, this.catalogue, this.geo).locationsOfService.load(service.id)).map(toLocationType);
  }

  @ResolveField(() => [LanguageType], { complexity: Cost.list(CATALOGUE_FAN_OUT.languagesPerService), description: 'the languages with their German names' })
  languageNames(@Parent() service: ServiceType): Language[] {
    return service.languages.map((code) => findLanguage(code) ?? { code, iso6393: code, iso6391: null, nameDe: code, nameEn: code });
  }

  @ResolveField(() => [NeedTermType], { complexity: Cost.list(CATALOGUE_FAN_OUT.needsPerService) })
  needs(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return catalogueLoaders(ctx, this.catalogue, this.geo).needsOfService.load(service.id);
  }

  @ResolveField(() => [OpeningHoursType], { complexity: Cost.list(CATALOGUE_FAN_OUT.openingHoursPerService), description: 'Weekly opening hours (HSDS schedule)' })
  openingHours(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return catalogueLoaders(ctx, this.catalogue, this.geo).openingHours.load(service.id);
  }

  @ResolveField(() => [CourseSessionType], { complexity: Cost.list(CATALOGUE_FAN_OUT.sessionsPerService), description: 'Course runs, earliest first (courses only)' })
  sessions(@Parent() service: ServiceType, @Context() ctx: RequestContext) {
    return catalogueLoaders(ctx, this.catalogue, this.geo).sessions.load(service.id);
  }
}

@Resolver(() => OrganizationType)
export class OrganizationFieldsResolver {
  constructor(private readonly catalogue: CatalogueService, private readonly geo: GeoService) {}

  @ResolveField(() => [ServiceType], { complexity: Cost.list(CATALOGUE_FAN_OUT.servicesPerOrganization), description: 'Active services of the organisation' })
  async services(@Parent() organization: OrganizationType, @Context() ctx: RequestContext) {
    return (await catalogueLoaders(ctx, this.catalogue, this.geo).servicesOfOrganization.load(organization.id)).map(toServiceType);
  }

  @ResolveField(() => [LocationType], { complexity: Cost.list(CATALOGUE_FAN_OUT.locationsPerOrganization) })
  async locations(@Parent() organization: OrganizationType, @Context() ctx: RequestContext) {
    return (await catalogueLoaders(ctx, this.catalogue, this.geo).locationsOfOrganization.load(organization.id)).map(toLocationType);
  }
}

@Resolver(() => LocationType)
export class LocationFieldsResolver {
  constructor(private readonly catalogue: CatalogueService, private readonly geo: GeoService) {}

  @ResolveField(() => OrganizationType, { complexity: Cost.lookup })
  async organization(@Parent() location: { organizationId: string }, @Context() ctx: RequestContext) {
    const organization = await catalogueLoaders(ctx, this.catalogue, this.geo).organization.load(location.organizationId);
    return organization && toOrganizationType(organization);
  }

  @ResolveField(() => [ServiceType], { complexity: Cost.list(CATALOGUE_FAN_OUT.servicesPerLocation), description: 'Visible services offered here' })
  async services(@Parent() location: LocationType, @Context() ctx: RequestContext) {
    return (await catalogueLoaders(ctx, this.catalogue, this.geo).servicesAtLocation.load(location.id)).map(toServiceType);
  }

  @ResolveField(() => DistrictType, { complexity: Cost.lookup, nullable: true })
  district(@Parent() location: LocationType, @Context() ctx: RequestContext) {
    return location.districtAgs ? catalogueLoaders(ctx, this.catalogue, this.geo).district.load(location.districtAgs) : null;
  }

  @ResolveField(() => MunicipalityType, { complexity: Cost.lookup, nullable: true })
  municipality(@Parent() location: LocationType, @Context() ctx: RequestContext) {
    return location.municipalityAgs ? catalogueLoaders(ctx, this.catalogue, this.geo).municipality.load(location.municipalityAgs) : null;
  }
}

const countsField = { complexity: Cost.list(CATALOGUE_FAN_OUT.categories), description: 'Visible services with a location here, per category (categories without services omitted)' };

@Resolver(() => DistrictType)
export class DistrictServiceCountsResolver {
  constructor(private readonly catalogue: CatalogueService, private readonly geo: GeoService) {}

  @ResolveField(() => [CategoryCountType], countsField)
  serviceCounts(@Parent() district: DistrictType, @Context() ctx: RequestContext): Promise<CategoryCount[]> {
    return catalogueLoaders(ctx, this.catalogue, this.geo).districtCounts.load(district.ags);
  }
}

@Resolver(() => MunicipalityType)
export class MunicipalityServiceCountsResolver {
  constructor(private readonly catalogue: CatalogueService, private readonly geo: GeoService) {}

  @ResolveField(() => [CategoryCountType], countsField)
  serviceCounts(@Parent() municipality: MunicipalityType, @Context() ctx: RequestContext): Promise<CategoryCount[]> {
    return catalogueLoaders(ctx, this.catalogue, this.geo).municipalityCounts.load(municipality.ags);
  }
}
