import { CatalogueService } from '@lotse/catalogue';
import { encodeCursor } from '@lotse/common';
import { organizationAt, serviceFixture } from './support/fixtures';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const MEISSEN = { latitude: 51.1636, longitude: 13.4775 };

const SEARCH = `query($text: String, $filter: SearchFilterInput, $near: SearchNearInput, $sort: SearchSort, $first: Int, $after: String) {
  searchServices(text: $text, filter: $filter, near: $near, sort: $sort, first: $first, after: $after) {
    totalCount engine sort
    pageInfo { hasNextPage hasPreviousPage endCursor }
    facets { categories { category count } needs { need { code labelDe } count } districts { ags name count } }
    edges { cursor node { distanceMeters service { id name category needs { code } organization { name } locations { town districtAgs } } } }
  }
}`;

interface Hit {
  distanceMeters: number | null;
  service: { id: string; name: string; category: string; needs: { code: string }[]; organization: { name: string }; locations: { town: string; districtAgs: string }[] };
}

/** searchServices over HTTP with the demo catalogue, indexed by the API's own background worker. */
describe.each(databaseTargets())('searchServices on the $name database (demo data)', (target) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true', SEARCH_OUTBOX_POLL_MS: '100' });
  });
  afterAll(() => t?.close());

  async function search(variables: Record<string, unknown>) {
    const res = await t.gql(SEARCH, variables);
    expect(res.errors).toBeUndefined();
    return res.data.searchServices as {
      totalCount: number; engine: string; sort: string;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
      facets: { categories: { category: string; count: number }[]; needs: { need: { code: string; labelDe: string }; count: number }[]; districts: { ags: string; name: string; count: number }[] };
      edges: { cursor: string; node: Hit }[];
    };
  }

  it('is served by the PostgreSQL engine, the demo catalogue indexed at start', async () => {
    const all = await search({ first: 1 });
    const [{ n }] = await t.app.get(CatalogueService).findServices({}, { limit: 1 }).then(([, total]) => [{ n: total }]);
    expect(all).toMatchObject({ engine: 'postgres', sort: 'NAME', totalCount: n });
  });

  it('finds addiction counselling by "Suchtberatung", with a typo and by a synonym', async () => {
    for (const text of ['Suchtberatung', 'Suchtberatnug', 'Suchthilfe']) {
      const result = await search({ text, first: 100 });
      expect(result.totalCount).toBeGreaterThan(5);
      expect(result.sort).toBe('RELEVANCE');
      for (const { node } of result.edges) expect(node.service.category === 'ADDICTION_COUNSELLING' || /sucht/i.test(node.service.name)).toBe(true);
    }
  });

  it('combines text, filters and a radius; hits carry their distance; facets add up', async () => {
    const result = await search({
      text: 'Beratung',
      filter: { districtAgs: '14627', acceptingNewClients: true },
      near: { ...MEISSEN, radiusMeters: 30_000 },
      sort: 'DISTANCE',
      first: 100,
    });
    expect(result.totalCount).toBeGreaterThan(0);
    const distances = result.edges.map((e) => e.node.distanceMeters!);
    expect(distances.every((d) => d >= 0 && d <= 30_000)).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const { node } of result.edges) expect(node.service.locations.some((l) => l.districtAgs === '14627')).toBe(true);
    expect(result.facets.categories.reduce((n, c) => n + c.count, 0)).toBe(result.totalCount);
    expect(result.facets.districts.find((d) => d.ags === '14627')).toMatchObject({ name: 'Meißen', count: result.totalCount });
    expect(result.facets.needs[0].need.labelDe).toEqual(expect.any(String));
  });

  async function walk(text: string, pageSize: number): Promise<{ ids: string[]; total: number }> {
    const ids: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let guard = 0; guard < 200; guard++) {
      const page = await search({ text, first: pageSize, after });
      total = page.totalCount;
      ids.push(...page.edges.map((e) => e.node.service.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { ids, total };
  }

  it('pages with cursors without duplicates or gaps', async () => {
    const small = await walk('Beratung', 7);
    const large = await walk('Beratung', 100);
    expect(small.total).toBeGreaterThan(100);
    expect(small.ids).toEqual(large.ids);
    expect(new Set(small.ids).size).toBe(small.total);
  });

  it('indexes new listings in the background within moments', async () => {
    await t.app.get(CatalogueService).importOrganizations([
      organizationAt('Zebrafink Verein (fiktiv)', 51.16, 13.47, [serviceFixture({ name: 'Zebrafinkenberatung Meißen' })]),
    ]);
    let total = 0;
    for (let i = 0; i < 50 && total === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      total = (await search({ text: 'Zebrafinken' })).totalCount;
    }
    expect(total).toBe(1);
    // the search text is health data: it never reaches a log line
    expect(t.logLines.filter((l) => /zebrafink/i.test(l) && !/Zebrafink Verein/.test(l))).toEqual([]);
  });

  it.each([
    ['text too long', { text: 'x'.repeat(201) }, 'text'],
    ['DISTANCE without a point', { text: 'Beratung', sort: 'DISTANCE' }, 'sort'],
    ['latitude out of range', { near: { latitude: 91, longitude: 13, radiusMeters: 1000 } }, 'near.latitude'],
    ['radius too large', { near: { ...MEISSEN, radiusMeters: 1e9 } }, 'near.radiusMeters'],
    ['neither point nor postcode', { near: { radiusMeters: 1000 } }, 'near'],
    ['unknown need', { filter: { needs: ['time_travel'] } }, 'filter.needs'],
    ['district key', { filter: { districtAgs: 'Meißen' } }, 'filter.districtAgs'],
    ['page size', { first: 0 }, 'first'],
    ['damaged cursor', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['cursor of another query', { after: encodeCursor(['Praxis', '7d0c2d7e-2f7a-4f0b-9a55-1b1f3c1e2a10']) }, 'after'],
  ] as [string, Record<string, unknown>, string][])('%s → BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const res = await t.gql(SEARCH, variables);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
