import { SearchDocument, SearchEngineHealth, SearchQuery, SearchResult } from './search.types';

/**
 * @description
 * The search port (the pattern of Vendure's `SearchStrategy`): everything Lotse needs from a
 * full-text engine. Adapters: `PostgresSearchEngine` (default; also on the embedded database) and
 * `MeilisearchSearchEngine`, chosen by `SEARCH_ENGINE`. Every adapter must pass the shared contract
 * suite in `testing/search-engine.contract.ts`: same documents, same queries, same hits and order rules.
 *
 * Writes are idempotent and keyed by listing id, so the outbox may deliver a listing twice (after a
 * crash between "engine accepted" and "outbox marked") without duplicates. A write resolves only
 * once the engine has applied it; a rejected promise means "not applied, retry".
 */
export interface SearchEngine {
  /** `postgres`, `meilisearch`, … — reported on /health and in the API */
  readonly name: string;

  /** Creates the index and applies its settings; idempotent, cheap to repeat. */
  init(): Promise<void>;

  /** Inserts or replaces documents by id. */
  upsert(documents: SearchDocument[]): Promise<void>;

  /** Removes documents by listing id; unknown ids are ignored. */
  remove(ids: string[]): Promise<void>;

  search(query: SearchQuery): Promise<SearchResult>;

  /** Every listing id in the index, in chunks (the reindex sweep finds stale entries with it). */
  listIds(): AsyncIterable<string[]>;

  /** Removes every document (settings stay). */
  clear(): Promise<void>;

  health(): Promise<SearchEngineHealth>;

  /** Releases connections; the engine is not used afterwards. */
  close?(): Promise<void>;
}

/** Nest injection token of the configured engine. */
export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
