import { DynamicModule, Logger, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogueModule } from '@lotse/catalogue';
import { Environment } from '@lotse/config';
import { GeoModule } from '@lotse/geo';
import { SearchDocumentLoader } from './document/search-document.loader';
import { SearchResolver } from './graphql/search.resolver';
import { MeilisearchSearchEngine } from './meilisearch/meilisearch-search.engine';
import { SearchIndexer } from './outbox/search-indexer';
import { SearchOutboxRepository } from './outbox/search-outbox.repository';
import { SearchReindexer } from './outbox/search-reindexer';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';
import { SEARCH_ENGINE, SearchEngine } from './search-engine.port';
import { SearchHealthService } from './search-health.service';
import { SEARCH_OPTIONS, SearchOptions, searchOptionsFrom } from './search.options';
import { SearchService } from './search.service';

/** Picks the adapter from configuration (SEARCH_ENGINE), as Vendure's plugins swap search strategies. */
export function createSearchEngine(options: SearchOptions, db: DataSource): SearchEngine {
  if (options.engine === 'meilisearch') {
    if (!options.meilisearch) throw new Error('SEARCH_ENGINE=meilisearch needs MEILISEARCH_URL');
    new Logger('SearchModule').log(`search engine: Meilisearch at ${new URL(options.meilisearch.url).host}, index ${options.meilisearch.index}`);
    return new MeilisearchSearchEngine(options.meilisearch);
  }
  return new PostgresSearchEngine(db);
}

export interface SearchModuleOptions {
  /** deliver index updates in the background (the API: yes; one-shot CLI commands: no) */
  backgroundIndexer: boolean;
}

/**
 * Text search: the `searchServices` query, the engine chosen by configuration, and the outbox
 * worker that keeps the engine's index true.
 */
@Module({})
export class SearchModule {
  static forRoot({ backgroundIndexer }: SearchModuleOptions): DynamicModule {
    return {
      module: SearchModule,
      imports: [CatalogueModule, GeoModule],
      providers: [
        { provide: SEARCH_OPTIONS, inject: [Environment], useFactory: (env: Environment) => searchOptionsFrom(env, backgroundIndexer) },
        { provide: SEARCH_ENGINE, inject: [SEARCH_OPTIONS, getDataSourceToken()], useFactory: createSearchEngine },
        SearchDocumentLoader,
        SearchOutboxRepository,
        SearchIndexer,
        SearchReindexer,
        SearchService,
        SearchHealthService,
        SearchResolver,
      ],
      exports: [SEARCH_ENGINE, SEARCH_OPTIONS, SearchService, SearchIndexer, SearchReindexer, SearchHealthService, SearchOutboxRepository, SearchDocumentLoader],
    };
  }
}
