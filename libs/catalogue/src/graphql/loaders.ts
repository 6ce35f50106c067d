import { byKeys, groupByKeys, RequestContext, requestLoader } from '@lotse/common';
import { District, GeoService, Municipality } from '@lotse/geo';
import { CatalogueService } from '../catalogue.service';
import { CategoryCount, CourseSession, Location, NeedTerm, OpeningHours, Organization, Service } from '../domain/models';
import { viewerOf } from '../visibility';

/**
 * Request-scoped batch loaders of the catalogue's nested fields (one query per field per request).
 * Nested lists show what the caller may see (visibility.ts): a partner sees its own hidden services
 * under its organisation, a coach never does.
 */
export function catalogueLoaders(ctx: RequestContext, catalogue: CatalogueService, geo: GeoService) {
  const viewer = viewerOf(ctx.actor);
  return {
    /** key: `${serviceId}|${locationId}` — a service at one of its locations, both rows at once */
    listing: requestLoader<string, { service: Service; location: Location } | null>(ctx, 'catalogue.listing', async (keys) => {
      const pairs = keys.map((k) => ({ serviceId: k.slice(0, k.indexOf('|')), locationId: k.slice(k.indexOf('|') + 1) }));
      return byKeys(keys, await catalogue.listingsByIds(pairs), (l) => `${l.service.id}|${l.location.id}`);
    }),
    organization: requestLoader<string, Organization | null>(ctx, 'catalogue.organization', async (ids) =>
      byKeys(ids, await catalogue.organizationsByIds(ids), (o) => o.id)),
    locationsOfService: requestLoader<string, Location[]>(ctx, 'catalogue.locationsOfService', async (ids) =>
      groupByKeys(ids, await catalogue.locationsByServices(ids), (l) => l.serviceId)),
    locationsOfOrganization: requestLoader<string, Location[]>(ctx, 'catalogue.locationsOfOrganization', async (ids) =>
      groupByKeys(ids, await catalogue.locationsByOrganizations(ids), (l) => l.organizationId)),
    servicesOfOrganization: requestLoader<string, Service[]>(ctx, 'catalogue.servicesOfOrganization', async (ids) =>
      groupByKeys(ids, await catalogue.servicesByOrganizations(ids, viewer), (s) => s.organizationId)),
    servicesAtLocation: requestLoader<string, Service[]>(ctx, 'catalogue.servicesAtLocation', async (ids) =>
      groupByKeys(ids, await catalogue.servicesByLocations(ids, viewer), (s) => s.locationId)),
    needsOfService: requestLoader<string, NeedTerm[]>(ctx, 'catalogue.needsOfService', async (ids) =>
      groupByKeys(ids, await catalogue.needsByServices(ids), (n) => n.serviceId)),
    openingHours: requestLoader<string, OpeningHours[]>(ctx, 'catalogue.openingHours', async (ids) =>
      groupByKeys(ids, await catalogue.openingHoursByServices(ids), (h) => h.serviceId)),
    sessions: requestLoader<string, CourseSession[]>(ctx, 'catalogue.sessions', async (ids) =>
      groupByKeys(ids, await catalogue.sessionsByServices(ids), (s) => s.serviceId)),
    districtCounts: requestLoader<string, CategoryCount[]>(ctx, 'catalogue.districtCounts', async (ags) =>
      groupByKeys(ags, await catalogue.serviceCountsByArea('district', ags), (c) => c.ags)),
    municipalityCounts: requestLoader<string, CategoryCount[]>(ctx, 'catalogue.municipalityCounts', async (ags) =>
      groupByKeys(ags, await catalogue.serviceCountsByArea('municipality', ags), (c) => c.ags)),
    district: requestLoader<string, District | null>(ctx, 'catalogue.district', async (ags) =>
      byKeys(ags, await geo.districts([...ags]), (d) => d.ags)),
    municipality: requestLoader<string, Municipality | null>(ctx, 'catalogue.municipality', async (ags) =>
      byKeys(ags, await geo.municipalities({ agsList: [...ags] }, { limit: ags.length }), (m) => m.ags)),
  };
}
