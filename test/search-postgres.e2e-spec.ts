import { DataSource } from 'typeorm';
import { GERMAN_STOP_WORDS, PostgresSearchEngine, SearchSort } from '@lotse/search';
import { FIXTURE_DOCUMENTS, MEISSEN_MARKET, searchEngineContract } from '@lotse/search/testing';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

describe.each(databaseTargets())('PostgreSQL search engine on the $name database', (target) => {
  let t: TestApp;
  // The background worker is off: the suite owns the index.
  beforeAll(async () => {
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0' });
  });
  afterAll(() => t?.close());

  searchEngineContract(`postgres on the ${target.name} database`, async () => ({ engine: new PostgresSearchEngine(t.app.get(DataSource)) }));

  it('gives Meilisearch exactly the stop words this database ignores after folding', async () => {
    const db = t.app.get(DataSource);
    const notStop = await db.query(`SELECT w FROM unnest($1::text[]) AS w WHERE to_tsvector('german', w) <> ''::tsvector`, [GERMAN_STOP_WORDS]);
    expect(notStop).toEqual([]);
    // and the folded spellings of the umlaut stop words are ordinary words here
    const [row] = await db.query(`SELECT to_tsvector('german', 'fuer ueber waehrend') <> ''::tsvector AS searchable`);
    expect(row.searchable).toBe(true);
    expect(GERMAN_STOP_WORDS).toHaveLength(223);
  });

  describe('query plans', () => {
    /**
     * With a dozen documents the planner rightly prefers a sequential scan, so the plans are taken
     * with sequential scans disabled: what is proven is that every predicate can use an index.
     */
    async function plansOf(run: (engine: PostgresSearchEngine) => Promise<unknown>): Promise<string[]> {
      const db = t.app.get(DataSource);
      const statements: [string, unknown[] | undefined][] = [];
      const spy = jest.spyOn(db, 'query').mockImplementation(function (this: DataSource, sql: string, params?: unknown[]) {
        statements.push([sql, params]);
        return DataSource.prototype.query.call(this, sql, params);
      } as DataSource['query']);
      try {
        await run(new PostgresSearchEngine(db));
      } finally {
        spy.mockRestore();
      }
      return db.transaction(async (tx) => {
        await tx.query(`SET LOCAL enable_seqscan = off`);
        const plans: string[] = [];
        for (const [sql, params] of statements) {
          const rows: { 'QUERY PLAN': string }[] = await tx.query(`EXPLAIN ${sql}`, params);
          plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        }
        return plans;
      });
    }

    it('finds text through the GIN tsvector index and typo candidates through the trigram index', async () => {
      await new PostgresSearchEngine(t.app.get(DataSource)).upsert(FIXTURE_DOCUMENTS);
      const [vocabulary, search] = await plansOf((e) => e.search({ text: 'Suchtberatnug Reisa', sort: SearchSort.RELEVANCE, offset: 0, limit: 10 }));
      expect(vocabulary).toMatch(/idx_search_vocabulary_trgm/);
      expect(search).toMatch(/idx_search_document_vector/);
      expect(search).not.toMatch(/Seq Scan on search_document/);
    });

    it('filters a radius through the GiST index of the points', async () => {
      const [search] = await plansOf((e) => e.search({ near: { ...MEISSEN_MARKET, radiusMeters: 10_000 }, sort: SearchSort.DISTANCE, offset: 0, limit: 10 }));
      expect(search).toMatch(/idx_search_document_points/);
      expect(search).not.toMatch(/Seq Scan on search_document/);
    });
  });
});
