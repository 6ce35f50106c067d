import { Injectable } from '@nestjs/common';
import { CatalogueService, isListingVisible } from '@lotse/catalogue';
import { SearchDocument } from '../search.types';
import { toSearchDocument } from './search-document';

export interface LoadedListings {
  /** visible listings, as documents */
  documents: SearchDocument[];
  /** listings that are gone or hidden (inactive service or organization): to be removed */
  removed: string[];
}

/**
 * Reads the current state of listings through the catalogue's public service (never its tables) and
 * turns it into search documents: four batched queries per call, whatever the number of listings.
 */
@Injectable()
export class SearchDocumentLoader {
  constructor(private readonly catalogue: CatalogueService) {}

  async load(listingIds: readonly string[]): Promise<LoadedListings> {
    if (listingIds.length === 0) return { documents: [], removed: [] };
    const services = await this.catalogue.servicesByIds(listingIds);
    const [organizations, locations, needs] = await Promise.all([
      this.catalogue.organizationsByIds([...new Set(services.map((s) => s.organizationId))]),
      this.catalogue.locationsByServices(services.map((s) => s.id)),
      this.catalogue.needsByServices(services.map((s) => s.id)),
    ]);
    const organizationById = new Map(organizations.map((o) => [o.id, o]));
    const locationsOf = groupBy(locations, (l) => l.serviceId);
    const needsOf = groupBy(needs, (n) => n.serviceId);
    const documents: SearchDocument[] = [];
    const visible = new Set<string>();
    for (const service of services) {
      const organization = organizationById.get(service.organizationId);
      // the directory's rule: the index holds only what anyone may find
      if (!organization || !isListingVisible(service.status, organization.status)) continue;
      visible.add(service.id);
      documents.push(
        toSearchDocument({
          service,
          organization,
          locations: locationsOf.get(service.id) ?? [],
          needs: needsOf.get(service.id) ?? [],
        }),
      );
    }
    return { documents, removed: listingIds.filter((id) => !visible.has(id)) };
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
