import { haversineMeters } from '../meilisearch/meilisearch-mapping';
import { SearchEngine } from '../search-engine.port';
import { SearchDocument, SearchFilter, SearchQuery, SearchResult, SearchSort } from '../search.types';
import { F, FIXTURE_DOCUMENTS, fixtureDocument, fixtureVariant, MEISSEN_MARKET, RIESA_CENTRE } from './search-fixture';

export interface ContractTarget {
  engine: SearchEngine;
  /** called once after the suite (drop the test index, close connections) */
  cleanup?: () => Promise<void>;
}

const KEY_OF = new Map(Object.entries(F).map(([key, id]) => [id, key]));
const keysOf = (result: SearchResult) => result.hits.map((h) => KEY_OF.get(h.id) ?? h.id);
const byName = (docs: SearchDocument[]) => [...docs].sort((a, b) => (a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : 0));
const keys = (docs: SearchDocument[]) => docs.map((d) => KEY_OF.get(d.id)!);

/** The independent oracle of filters: the fixture documents that satisfy `filter`. */
function oracle(filter: SearchFilter): SearchDocument[] {
  return FIXTURE_DOCUMENTS.filter(
    (d) =>
      (!filter.categories?.length || filter.categories.includes(d.category)) &&
      (!filter.needs?.length || filter.needs.some((n) => d.needs.includes(n))) &&
      (!filter.districtAgs || d.districtAgs.includes(filter.districtAgs)) &&
      (!filter.language || d.languages.includes(filter.language)) &&
      (filter.accessibility ?? []).every((a) => d.accessibility.includes(a)) &&
      (filter.acceptingNewClients === undefined || d.acceptingNewClients === filter.acceptingNewClients),
  );
}

const nearestMeters = (d: SearchDocument, p: { latitude: number; longitude: number }) =>
  Math.min(...d.locations.map((l) => haversineMeters(p.latitude, p.longitude, l.latitude, l.longitude)));

function count<T extends string>(values: T[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/**
 * The contract every search engine adapter must pass: the same fixture, the same queries, the same
 * expected hits and order rules. Run by test/search-postgres.e2e-spec.ts (both databases) and
 * test/search-meilisearch.e2e-spec.ts (when MEILISEARCH_URL is set).
 *
 * Order is asserted only where the rules decide it (an exact name first; fewer typos first; a match
 * in the name before one in the description; nearest first); ties may differ between engines.
 */
export function searchEngineContract(name: string, factory: () => Promise<ContractTarget>): void {
  describe(`search engine contract: ${name}`, () => {
    let target: ContractTarget;
    let engine: SearchEngine;

    const search = (q: Partial<SearchQuery>): Promise<SearchResult> =>
      engine.search({ sort: q.text ? SearchSort.RELEVANCE : q.near ? SearchSort.DISTANCE : SearchSort.NAME, offset: 0, limit: 50, ...q });
    const text = async (t: string, extra: Partial<SearchQuery> = {}) => keysOf(await search({ text: t, ...extra }));

    beforeAll(async () => {
      target = await factory();
      engine = target.engine;
      await engine.init();
      await engine.clear();
      await engine.upsert(FIXTURE_DOCUMENTS);
    });
    afterAll(async () => {
      await target?.cleanup?.();
    });

    describe('exact names', () => {
      it('"Suchtberatung Riesa": the listing of that name first, then the other one with both words', async () => {
        expect(await text('Suchtberatung Riesa')).toEqual(['suchtRiesa', 'mobilSucht']);
      });
      it('"Schuldnerberatung Großenhain"', async () => {
        expect(await text('Schuldnerberatung Großenhain')).toEqual(['schuldner']);
      });
      it('ignores stop words: "Angst und Depression" is "Angst Depression"', async () => {
        expect((await text('Angst und Depression')).sort()).toEqual(['psychotherapie', 'selbsthilfe']);
        expect(await text('Angst und Depression')).toEqual(await text('Angst Depression'));
      });
      it('is case-insensitive and ignores punctuation', async () => {
        expect(await text('  rückenschule –  PRÄVENTIONSKURS!  ')).toEqual(['rueckenschule']);
      });
    });

    describe('typos', () => {
      it('one typo in a long word (a missing letter): "Ernärungskurs" — the course of that name, and the one saying Ernährung and Kurs apart', async () => {
        expect((await text('Ernärungskurs')).sort()).toEqual(['ernaehrung', 'kochkurs']);
      });
      it('one typo (swapped letters) with an exact word: "Suchtberatnug Riesa"', async () => {
        expect(await text('Suchtberatnug Riesa')).toEqual(['suchtRiesa', 'mobilSucht']);
      });
      it('one typo in a five-letter word: "Reisa" finds Riesa', async () => {
        expect((await text('Reisa')).sort()).toEqual(['hausarzt', 'mobilSucht', 'suchtRiesa']);
      });
      it('two typos in a long word: "Schuldnrberatnug", "Ernärungskrus"', async () => {
        expect(await text('Schuldnrberatnug')).toEqual(['schuldner']);
        expect(await text('Ernärungskrus')).toEqual(['ernaehrung']); // "krus" is no head: only the whole word, with two typos
      });
      it('no typo in a short word, and a wrong first letter counts twice: "Tiesa" finds nothing', async () => {
        expect(await text('Tiesa')).toEqual([]);
      });
      it('exact matches rank before matches with a typo: "Riesa" before "Riese"', async () => {
        const hits = await text('Riesa');
        expect(hits.slice(0, 3).sort()).toEqual(['hausarzt', 'mobilSucht', 'suchtRiesa']);
        expect(hits.slice(3)).toEqual(['nordic']); // its organization is "Lauftreff Riese"
      });
    });

    describe('German compound words', () => {
      it('a head finds its compounds: "Beratung"', async () => {
        const hits = await text('Beratung');
        expect(hits).toEqual(expect.arrayContaining(['suchtRiesa', 'suchtMeissen', 'schuldner', 'mobilSucht', 'selbsthilfe']));
        expect(hits).not.toContain('ernaehrung');
        expect(hits).not.toContain('orthoMueller');
      });
      it('a modifier finds its compound: "Schuldner", "Rücken"', async () => {
        expect(await text('Schuldner')).toEqual(['schuldner']);
        expect(await text('Rücken')).toEqual(expect.arrayContaining(['rueckenschule', 'orthoMueller', 'orthoRadebeul']));
      });
      it('a compound typed apart: "Schuldner Beratung", "Gruppe Selbsthilfe"', async () => {
        expect(await text('Schuldner Beratung')).toEqual(['schuldner']);
        expect(await text('Gruppe Selbsthilfe')).toEqual(['selbsthilfe']);
      });
      it('a name match ranks before a description match: "Rückenschule"', async () => {
        expect(await text('Rückenschule')).toEqual(['rueckenschule', 'orthoRadebeul']);
      });
    });

    describe('umlauts typed as ae/oe/ue and ß as ss', () => {
      it.each([
        ['Mueller', ['orthoMueller']],
        ['Ernaehrungskurs', ['ernaehrung', 'kochkurs']],
        ['Rueckenschule', ['rueckenschule', 'orthoRadebeul']],
        ['Orthopaede barrierefrei', ['orthoMueller']],
      ])('"%s"', async (query, expected) => {
        expect((await text(query)).sort()).toEqual([...expected].sort());
      });
      it('"Grossenhain" finds both listings in Großenhain', async () => {
        expect((await text('Grossenhain')).sort()).toEqual(['orthoMueller', 'schuldner']);
      });
      it('umlauts typed without e count as one typo: "Muller"', async () => {
        expect(await text('Muller')).toEqual(['orthoMueller']);
      });
      it('specialty and accessibility words: "Orthopäde barrierefrei" (as a coach types it)', async () => {
        expect(await text('Orthopäde barrierefrei')).toEqual(['orthoMueller']);
      });
    });

    describe('synonyms and the word being typed', () => {
      it('"Suchthilfe" finds the addiction counselling listings (Suchtberatung)', async () => {
        expect((await text('Suchthilfe')).sort()).toEqual(['mobilSucht', 'suchtMeissen', 'suchtRiesa']);
      });
      it('"Hausarzt Riesa"', async () => {
        expect(await text('Hausarzt Riesa')).toEqual(['hausarzt']);
      });
      it('the last word is completed: "Suchtber", "Orthop"', async () => {
        expect((await text('Suchtber')).sort()).toEqual(['mobilSucht', 'suchtMeissen', 'suchtRiesa']);
        expect((await text('Orthop')).sort()).toEqual(['orthoMueller', 'orthoRadebeul']);
      });
    });

    describe('compounds coaches type, split into their parts', () => {
      it('"Ernährungskurs" finds a course that says Ernährung and Kurs apart', async () => {
        expect((await text('Ernährungskurs')).sort()).toEqual(['ernaehrung', 'kochkurs']);
      });
      it('"Rückenkurs" finds the back course (Rückenschule – Präventionskurs)', async () => {
        const hits = await text('Rückenkurs');
        expect(hits).toContain('rueckenschule');
        expect(hits).not.toContain('orthoMueller');
      });
      it('"Bewegungskurs" finds the courses on exercise and no other course', async () => {
        expect((await text('Bewegungskurs')).sort()).toEqual(['nordic', 'rueckenschule']);
      });
      it('a part may carry a typo: "Bewegnugskurs"', async () => {
        expect((await text('Bewegnugskurs')).sort()).toEqual(['nordic', 'rueckenschule']);
      });
    });

    describe('the curated list: synonyms and narrower terms of the field', () => {
      it.each([
        ['Psychologe', ['psychotherapie']],
        ['PIA Schwarzenberg', ['pia']],
        ['Krisendienst', ['krisenhilfe']],
        ['Raucherentwöhnung', ['rauchfrei']],
        ['Nichtraucher', ['rauchfrei']],
        ['Angehörige psychisch Kranker', ['angehoerige']],
        ['Rückenschule', ['orthoRadebeul', 'rueckenschule']],
      ])('"%s"', async (query, expected) => {
        expect((await text(query)).sort()).toEqual([...expected].sort());
      });
      it('narrower terms are one-way: "Psychotherapie" does not find the psychiatric outpatient clinic', async () => {
        expect(await text('Psychotherapie')).not.toContain('pia');
      });
    });

    describe('filters agree with an independent oracle', () => {
      const cases: [string, SearchFilter][] = [
        ['category', { categories: ['course'] }],
        ['two categories', { categories: ['course', 'social_service'] }],
        ['need', { needs: ['addiction'] }],
        ['any of two needs', { needs: ['mental_health', 'nutrition'] }],
        ['district', { districtAgs: '14612' }],
        ['language', { language: 'uk' }],
        ['one accessibility feature', { accessibility: ['step_free_access'] }],
        ['all of two features', { accessibility: ['step_free_access', 'accessible_wc'] }],
        ['not accepting new clients', { acceptingNewClients: false }],
        ['combined', { districtAgs: '14627', needs: ['addiction', 'musculoskeletal'], acceptingNewClients: true }],
      ];
      it.each(cases)('%s', async (_name, filter) => {
        const expected = byName(oracle(filter));
        expect(expected.length).toBeGreaterThan(0);
        const result = await search({ filter });
        expect(keysOf(result)).toEqual(keys(expected));
        expect(result.total).toBe(expected.length);
      });
      it('a need finds the listings of its narrower needs, never the other way round, and its facet counts them', async () => {
        // written out by hand: mental health's narrower needs are psychotherapy, psychosocial counselling, crisis intervention, psychiatric treatment
        const mental = await search({ filter: { needs: ['mental_health'] } });
        expect(keysOf(mental).sort()).toEqual(['angehoerige', 'krisenhilfe', 'pia', 'psychotherapie', 'selbsthilfe', 'suchtRiesa']);
        expect(keysOf(await search({ filter: { needs: ['psychotherapy'] } }))).toEqual(['psychotherapie']);
        expect(keysOf(await search({ filter: { needs: ['metabolic'] } }))).toEqual(['ernaehrung']);
        // the addiction counselling that also offers psychosocial counselling counts for mental health
        const addiction = await search({ filter: { needs: ['addiction'] } });
        expect(addiction.facets.need).toMatchObject({ addiction: 3, psychosocial_counselling: 1, mental_health: 1 });
      });
      it('with text: "Beratung" in district 14627, accepting new clients', async () => {
        const hits = await text('Beratung', { filter: { districtAgs: '14627', acceptingNewClients: true } });
        expect(hits.sort()).toEqual(['mobilSucht', 'schuldner', 'suchtRiesa']);
      });
    });

    describe('geography', () => {
      it.each([12_000, 18_000])('radius %i m around Meißen: exactly the listings with a location inside, nearest first, with distances', async (radius) => {
        const near = { ...MEISSEN_MARKET, radiusMeters: radius };
        const result = await search({ near, sort: SearchSort.DISTANCE });
        const expected = FIXTURE_DOCUMENTS.filter((d) => nearestMeters(d, MEISSEN_MARKET) <= radius);
        expect(keysOf(result).sort()).toEqual(keys(expected).sort());
        expect(result.total).toBe(expected.length);
        for (let i = 0; i < result.hits.length; i++) {
          const hit = result.hits[i];
          const independent = nearestMeters(fixtureDocument(KEY_OF.get(hit.id)!), MEISSEN_MARKET);
          // sphere (haversine) vs spheroid: within 0.5 %
          expect(Math.abs(hit.distanceMeters! - independent)).toBeLessThanOrEqual(independent * 0.005 + 1);
          if (i > 0) expect(hit.distanceMeters!).toBeGreaterThanOrEqual(result.hits[i - 1].distanceMeters!);
        }
      });
      it('a listing with two locations counts by its nearest one', async () => {
        const result = await search({ near: { ...RIESA_CENTRE, radiusMeters: 5000 }, text: 'Suchtberatung', sort: SearchSort.DISTANCE });
        expect(keysOf(result)).toEqual(['suchtRiesa', 'mobilSucht']);
        const mobile = result.hits[1].distanceMeters!;
        expect(mobile).toBeLessThan(1000); // its Riesa location, not its Meißen one (~20 km)
      });
      it('relevance order with a point still reports distances', async () => {
        const result = await search({ text: 'Beratung', near: { ...MEISSEN_MARKET, radiusMeters: 25_000 }, sort: SearchSort.RELEVANCE });
        expect(result.hits.length).toBeGreaterThan(2);
        expect(result.hits.every((h) => typeof h.distanceMeters === 'number' && h.distanceMeters <= 25_000)).toBe(true);
      });
      it('text and distance order: nearest first among the matches', async () => {
        const result = await search({ text: 'Beratung', near: { ...MEISSEN_MARKET, radiusMeters: 25_000 }, sort: SearchSort.DISTANCE });
        const distances = result.hits.map((h) => h.distanceMeters!);
        expect(distances).toEqual([...distances].sort((a, b) => a - b));
        expect(keysOf(result)[0]).toBe('suchtMeissen');
      });
    });

    describe('facets', () => {
      it('count matching listings per category, need and district over all pages', async () => {
        const result = await search({ text: 'Beratung', limit: 2 });
        const hits = (await search({ text: 'Beratung', limit: 50 })).hits.map((h) => FIXTURE_DOCUMENTS.find((d) => d.id === h.id)!);
        expect(result.total).toBe(hits.length);
        expect(result.facets.category).toEqual(count(hits.map((d) => d.category)));
        expect(result.facets.need).toEqual(count(hits.flatMap((d) => d.needs)));
        expect(result.facets.district).toEqual(count(hits.flatMap((d) => d.districtAgs)));
      });
      it('a listing with locations in two districts counts in both', async () => {
        const result = await search({ text: 'Psychotherapeutische Praxis' });
        expect(keysOf(result)).toEqual(['psychotherapie']);
        expect(result.facets.district).toEqual({ '14612': 1, '14625': 1 });
      });
      it('without text: the whole catalogue', async () => {
        const result = await search({});
        expect(result.total).toBe(FIXTURE_DOCUMENTS.length);
        expect(result.facets.category).toEqual(count(FIXTURE_DOCUMENTS.map((d) => d.category)));
      });
    });

    describe('pagination', () => {
      it('pages by name without duplicates or gaps', async () => {
        const walked: string[] = [];
        for (let offset = 0; offset < 100; offset += 5) {
          const page = await search({ offset, limit: 5 });
          expect(page.total).toBe(FIXTURE_DOCUMENTS.length);
          walked.push(...keysOf(page));
          if (page.hits.length < 5) break;
        }
        expect(walked).toEqual(keys(byName(FIXTURE_DOCUMENTS)));
      });
      it('pages of a ranked result concatenate to the whole result', async () => {
        const whole = await text('Beratung');
        const walked: string[] = [];
        for (let offset = 0; offset < whole.length + 2; offset += 2) walked.push(...(await text('Beratung', { offset, limit: 2 })));
        expect(walked).toEqual(whole);
      });
    });

    describe('writes', () => {
      it('upserting the same documents again changes nothing (idempotent)', async () => {
        await engine.upsert(FIXTURE_DOCUMENTS.slice(0, 4));
        expect((await search({})).total).toBe(FIXTURE_DOCUMENTS.length);
        expect(await text('Mueller')).toEqual(['orthoMueller']);
      });
      it('an upsert replaces: a renamed listing is found by its new name only', async () => {
        const renamed = fixtureVariant('selbsthilfe', { name: 'Gesprächskreis Angst und Depression' });
        await engine.upsert([renamed]);
        expect(await text('Gesprächskreis')).toEqual(['selbsthilfe']);
        expect(await text('Selbsthilfegruppe Angst')).toEqual([]);
        await engine.upsert([fixtureDocument('selbsthilfe')]);
        expect(await text('Selbsthilfegruppe Angst')).toEqual(['selbsthilfe']);
      });
      it('an upsert drops locations the listing no longer has', async () => {
        const moved = { ...fixtureDocument('mobilSucht'), locations: fixtureDocument('mobilSucht').locations.slice(0, 1) };
        await engine.upsert([moved]);
        const inRiesa = await search({ near: { ...RIESA_CENTRE, radiusMeters: 5000 } });
        expect(keysOf(inRiesa)).not.toContain('mobilSucht');
        await engine.upsert([fixtureDocument('mobilSucht')]);
        expect(keysOf(await search({ near: { ...RIESA_CENTRE, radiusMeters: 5000 } }))).toContain('mobilSucht');
      });
      it('remove deletes by id and ignores unknown ids', async () => {
        await engine.remove([F.nordic, '00000000-0000-4000-8000-999999999999']);
        expect(await text('Nordic Walking')).toEqual([]);
        expect((await search({})).total).toBe(FIXTURE_DOCUMENTS.length - 1);
        await engine.upsert([fixtureDocument('nordic')]);
        expect(await text('Nordic Walking')).toEqual(['nordic']);
      });
      it('lists every id in the index', async () => {
        const ids: string[] = [];
        for await (const chunk of engine.listIds()) ids.push(...chunk);
        expect(ids.sort()).toEqual(FIXTURE_DOCUMENTS.map((d) => d.id).sort());
      });
      it('reports health and clears', async () => {
        expect((await engine.health()).status).toBe('up');
        await engine.clear();
        expect((await search({})).total).toBe(0);
        await engine.upsert(FIXTURE_DOCUMENTS);
        expect((await search({})).total).toBe(FIXTURE_DOCUMENTS.length);
      });
    });
  });
}
