import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, InvalidInputError } from '@lotse/common';
import { CatalogueService, NearOrigin, NeedTerm, Service } from '@lotse/catalogue';
import { GeoService } from '@lotse/geo';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { MAX_SEARCH_OFFSET, SearchFacets, SearchFilter, SearchSort } from './search.types';

export interface SearchServicesInput {
  text?: string;
  filter?: SearchFilter;
  near?: NearOrigin & { radiusMeters: number };
  sort?: SearchSort;
  offset: number;
  limit: number;
}

export interface ServiceSearchHit {
  service: Service;
  distanceMeters: number | null;
  /** 1-based position in the whole result (the cursor) */
  position: number;
}

export interface LabelledFacets {
  categories: { category: string; count: number }[];
  needs: { need: NeedTerm; count: number }[];
  districts: { ags: string; name: string; count: number }[];
}

export interface ServiceSearchResult {
  hits: ServiceSearchHit[];
  total: number;
  facets: LabelledFacets;
  sort: SearchSort;
  engine: string;
}

/** The default order: by relevance when there is text, else by distance when there is a point, else by name. */
export function defaultSort(text: string | undefined, hasPoint: boolean): SearchSort {
  if (text?.trim()) return SearchSort.RELEVANCE;
  return hasPoint ? SearchSort.DISTANCE : SearchSort.NAME;
}

const byCount = <T extends { count: number }>(key: (x: T) => string) => (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));

/**
 * Text search over the directory: validates what the engine cannot (need codes, the point of a
 * postcode, sort without a point), asks the configured engine, and loads the hits' services from
 * the catalogue in one batch.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
  ) {}

  get engineName(): string {
    return this.engine.name;
  }

  async searchServices(input: SearchServicesInput): Promise<ServiceSearchResult> {
    await this.catalogue.assertKnownNeeds(input.filter?.needs, 'filter.needs');
    if (input.offset > MAX_SEARCH_OFFSET) throw InvalidInputError.of('after', `pages beyond the first ${MAX_SEARCH_OFFSET} hits are not served; narrow the search`);
    const sort = input.sort ?? defaultSort(input.text, !!input.near);
    if (sort === SearchSort.DISTANCE && !input.near) throw InvalidInputError.of('sort', 'DISTANCE needs a point: give near');
    let near: { latitude: number; longitude: number; radiusMeters: number } | undefined;
    if (input.near) {
      const { radiusMeters, ...origin } = input.near;
      near = { ...(await this.catalogue.resolveOrigin(origin, 'near')), radiusMeters };
    }
    const text = input.text?.trim() ? input.text : undefined;
    const effectiveSort = sort === SearchSort.RELEVANCE && !text ? SearchSort.NAME : sort;

    let result;
    try {
      result = await this.engine.search({ text, filter: input.filter, near, sort: effectiveSort, offset: input.offset, limit: input.limit });
    } catch (e) {
      // Name and code only: an engine's message may echo the filter (needs, a place), which must not reach a log.
      const code = (e as { code?: unknown }).code;
      this.logger.error(`search engine ${this.engine.name} failed: ${e instanceof Error ? e.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`);
      throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, 'The search engine is not available right now; please try again shortly', { reason: 'SEARCH_ENGINE_UNAVAILABLE' });
    }

    // The index may lag the catalogue by a moment: a listing deleted since is skipped.
    const services = await this.catalogue.servicesByIds(result.hits.map((h) => h.id));
    const byId = new Map(services.map((s) => [s.id, s]));
    const hits = result.hits.flatMap((h, i) => {
      const service = byId.get(h.id);
      return service ? [{ service, distanceMeters: h.distanceMeters, position: input.offset + i + 1 }] : [];
    });
    return { hits, total: result.total, facets: await this.label(result.facets), sort, engine: this.engine.name };
  }

  private async label(facets: SearchFacets): Promise<LabelledFacets> {
    const [needs, districts] = await Promise.all([
      Object.keys(facets.need).length ? this.catalogue.needTerms() : Promise.resolve([]),
      Object.keys(facets.district).length ? this.geo.districts(Object.keys(facets.district)) : Promise.resolve([]),
    ]);
    const needByCode = new Map(needs.map((n) => [n.code, n]));
    const districtName = new Map(districts.map((d) => [d.ags, d.name]));
    return {
      categories: Object.entries(facets.category).map(([category, count]) => ({ category, count })).sort(byCount((x) => x.category)),
      needs: Object.entries(facets.need)
        .flatMap(([code, count]) => (needByCode.has(code) ? [{ need: needByCode.get(code)!, count }] : []))
        .sort(byCount((x) => x.need.code)),
      districts: Object.entries(facets.district)
        .map(([ags, count]) => ({ ags, name: districtName.get(ags) ?? ags, count }))
        .sort(byCount((x) => x.ags)),
    };
  }
}
