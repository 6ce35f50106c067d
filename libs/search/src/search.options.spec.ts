import { EnvironmentValidationError, loadEnvironment } from '@lotse/config';
import { searchOptionsFrom } from './search.options';

describe('search configuration', () => {
  it('defaults to the PostgreSQL engine with a 1 s poll and capped exponential retries', () => {
    const options = searchOptionsFrom(loadEnvironment({}), true);
    expect(options).toMatchObject({ engine: 'postgres', meilisearch: undefined, backgroundIndexer: true, pollMs: 1000, retry: { baseMs: 1000, maxMs: 300_000 } });
  });

  it('selects Meilisearch with its URL, key and index', () => {
    const env = loadEnvironment({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'http://meilisearch:7700', MEILISEARCH_API_KEY: 'k'.repeat(16), MEILISEARCH_INDEX: 'services_v2' });
    expect(searchOptionsFrom(env, false)).toMatchObject({
      engine: 'meilisearch',
      backgroundIndexer: false,
      meilisearch: { url: 'http://meilisearch:7700', apiKey: 'k'.repeat(16), index: 'services_v2' },
    });
  });

  it('refuses Meilisearch without a URL, an unknown engine and a bad URL, naming the variable', () => {
    const message = (vars: Record<string, string>) => {
      try {
        loadEnvironment(vars);
      } catch (e) {
        expect(e).toBeInstanceOf(EnvironmentValidationError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message({ SEARCH_ENGINE: 'meilisearch' })).toMatch(/MEILISEARCH_URL.*required when SEARCH_ENGINE=meilisearch/);
    expect(message({ SEARCH_ENGINE: 'elastic' })).toMatch(/SEARCH_ENGINE/);
    expect(message({ SEARCH_ENGINE: 'meilisearch', MEILISEARCH_URL: 'meili:7700' })).toMatch(/MEILISEARCH_URL must be an http/);
    expect(message({ SEARCH_OUTBOX_POLL_MS: '-1' })).toMatch(/SEARCH_OUTBOX_POLL_MS/);
  });
});
