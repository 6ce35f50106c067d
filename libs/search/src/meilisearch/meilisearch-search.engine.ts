import type { EnqueuedTaskPromise, Index, Meilisearch, MultiSearchQuery, SearchResponse } from 'meilisearch/dist/index';
import { SearchEngine } from '../search-engine.port';
import { SearchDocument, SearchEngineHealth, SearchQuery, SearchResult } from '../search.types';
import {
  FACET_ATTRIBUTES,
  haversineMeters,
  MeilisearchRecord,
  meilisearchFilter,
  meilisearchQuery,
  meilisearchSettings,
  meilisearchSort,
  staleRecordsFilter,
  toMeilisearchRecords,
} from './meilisearch-mapping';

export interface MeilisearchOptions {
  url: string;
  apiKey?: string;
  index: string;
  /** per HTTP request */
  requestTimeoutMs?: number;
  /** how long a write waits for Meilisearch to apply it */
  taskTimeoutMs?: number;
}

// The client is an ES module; `import()` kept out of TypeScript's CommonJS transform loads it
// natively (Node) and through Jest's ESM support (--experimental-vm-modules) alike.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('meilisearch/dist/index')>;

const WRITE_CHUNK = 200;

/**
 * @description
 * Meilisearch behind the search port, on the official `meilisearch` client. Typo tolerance,
 * synonyms, `_geoRadius` filtering, `_geoPoint` sorting and facet counts are Meilisearch's own;
 * the shared German rules (compound parts, umlaut spellings) arrive pre-computed in the documents'
 * `keywords`. Each write waits until Meilisearch has applied it, so the outbox marks a delivery
 * done only when it is searchable.
 */
export class MeilisearchSearchEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private client?: Promise<Meilisearch>;

  constructor(private readonly options: MeilisearchOptions) {}

  private async meili(): Promise<Meilisearch> {
    this.client ??= importModule('meilisearch').then(
      ({ Meilisearch }) => new Meilisearch({ host: this.options.url, apiKey: this.options.apiKey, timeout: this.options.requestTimeoutMs ?? 10_000 }),
    );
    return this.client;
  }

  private async index(): Promise<Index<MeilisearchRecord>> {
    return (await this.meili()).index<MeilisearchRecord>(this.options.index);
  }

  /** Waits for a task and turns a failed one into an error (the client resolves failed tasks). */
  private async applied(task: EnqueuedTaskPromise, tolerate?: string): Promise<void> {
    const done = await task.waitTask({ timeout: this.options.taskTimeoutMs ?? 60_000, interval: 50 });
    if (done.status === 'succeeded' || (tolerate && done.error?.code === tolerate)) return;
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.code ?? ''} ${done.error?.message ?? ''}`.trim());
  }

  async init(): Promise<void> {
    const meili = await this.meili();
    await this.applied(meili.createIndex(this.options.index, { primaryKey: 'docId' }), 'index_already_exists');
    await this.applied((await this.index()).updateSettings(meilisearchSettings()));
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    const index = await this.index();
    for (let i = 0; i < documents.length; i += WRITE_CHUNK) {
      const chunk = documents.slice(i, i + WRITE_CHUNK);
      const records = chunk.flatMap(toMeilisearchRecords);
      await this.applied(index.addDocuments(records, { primaryKey: 'docId' }));
      // Then drop records of locations the services no longer have (add first: never a gap).
      await this.applied(index.deleteDocuments({ filter: staleRecordsFilter(chunk.map((d) => d.id), records.map((r) => r.docId)) }));
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const index = await this.index();
    for (let i = 0; i < ids.length; i += WRITE_CHUNK) {
      await this.applied(index.deleteDocuments({ filter: staleRecordsFilter(ids.slice(i, i + WRITE_CHUNK), []) }));
    }
  }

  async clear(): Promise<void> {
    await this.applied((await this.index()).deleteAllDocuments());
  }

  /** Deletes the whole index (tests' throw-away indexes); not part of the port. */
  async dropIndex(): Promise<void> {
    await (await this.meili()).deleteIndexIfExists(this.options.index);
  }

  async *listIds(): AsyncIterable<string[]> {
    const index = await this.index();
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ fields: ['serviceId'], limit: 1000, offset });
      if (page.results.length === 0) return;
      yield [...new Set(page.results.map((r) => r.serviceId))];
    }
  }

  async health(): Promise<SearchEngineHealth> {
    try {
      await (await this.meili()).health();
      return { status: 'up' };
    } catch (e) {
      return { status: 'down', message: e instanceof Error ? e.message : String(e) };
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const meili = await this.meili();
    const common: MultiSearchQuery = {
      indexUid: this.options.index,
      q: meilisearchQuery(query.text ?? ''),
      filter: meilisearchFilter(query),
      matchingStrategy: 'all',
    };
    const { results } = await meili.multiSearch<{ queries: MultiSearchQuery[] }, MeilisearchRecord>({
      queries: [
        { ...common, offset: query.offset, limit: query.limit, sort: meilisearchSort(query), attributesToRetrieve: ['serviceId', 'locations'] },
        // page 0: no hits, but exhaustive totalHits and facet counts
        { ...common, page: 0, hitsPerPage: 1, facets: Object.values(FACET_ATTRIBUTES) },
      ],
    });
    const [page, counts]: SearchResponse<MeilisearchRecord>[] = results;
    const near = query.near;
    return {
      hits: page.hits.map((hit) => ({
        id: hit.serviceId,
        // the nearest of the service's locations (the record returned may be another one)
        distanceMeters: near ? Math.min(...hit.locations.map((l) => haversineMeters(near.latitude, near.longitude, l.latitude, l.longitude))) : null,
      })),
      total: counts.totalHits ?? 0,
      facets: {
        category: counts.facetDistribution?.[FACET_ATTRIBUTES.category] ?? {},
        need: counts.facetDistribution?.[FACET_ATTRIBUTES.need] ?? {},
        district: counts.facetDistribution?.[FACET_ATTRIBUTES.district] ?? {},
      },
    };
  }
}
