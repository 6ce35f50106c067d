import { Environment } from '@lotse/config';
import { MeilisearchOptions } from './meilisearch/meilisearch-search.engine';
import { RetryPolicy } from './outbox/search-outbox.repository';

/** Search configuration, derived from the validated environment once. */
export interface SearchOptions {
  engine: 'postgres' | 'meilisearch';
  meilisearch?: MeilisearchOptions;
  /** run the background worker in this process (the API does; CLI commands don't) */
  backgroundIndexer: boolean;
  /** poll interval of the worker; 0 = no worker */
  pollMs: number;
  batchSize: number;
  leaseMs: number;
  retry: RetryPolicy;
  /** how long the API may spend catching up at start before it serves (the rest follows in background) */
  startupCatchUpMs: number;
  /** delivered outbox rows are kept this long */
  retentionMs: number;
}

export const SEARCH_OPTIONS = Symbol('SEARCH_OPTIONS');

export function searchOptionsFrom(env: Environment, backgroundIndexer: boolean): SearchOptions {
  return {
    engine: env.SEARCH_ENGINE,
    meilisearch: env.MEILISEARCH_URL ? { url: env.MEILISEARCH_URL, apiKey: env.MEILISEARCH_API_KEY, index: env.MEILISEARCH_INDEX } : undefined,
    backgroundIndexer,
    pollMs: env.SEARCH_OUTBOX_POLL_MS,
    batchSize: 200,
    leaseMs: 5 * 60_000,
    retry: { baseMs: env.SEARCH_RETRY_BASE_MS, maxMs: env.SEARCH_RETRY_MAX_MS, jitter: 0.2 },
    startupCatchUpMs: 30_000,
    retentionMs: 24 * 3600_000,
  };
}
