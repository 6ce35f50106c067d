import { NEED_TERMS, ServiceCategory } from '@lotse/catalogue';
import { DEMO_TOWNS } from '@lotse/demo-data';
import { haversineMeters } from './support/haversine';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

const SERVICE_FIELDS = `id name category languages accessibility capacity { acceptingNewClients }
  organization { id name fictitious }
  needs { code }
  locations { id town latitude longitude districtAgs municipalityAgs }`;

interface ServiceNode {
  id: string;
  name: string;
  category: string;
  languages: string[];
  accessibility: string[];
  capacity: { acceptingNewClients: boolean };
  organization: { id: string; name: string; fictitious: boolean };
  needs: { code: string }[];
  locations: { id: string; town: string; latitude: number; longitude: number; districtAgs: string | null; municipalityAgs: string | null }[];
}

/** Walks a connection to its end, asserting cursor order; returns the nodes in page order. */
async function walk<T>(t: TestApp, field: string, args: string, fields: string, pageSize: number, variables: Record<string, unknown> = {}, varDefs = ''): Promise<{ nodes: T[]; totalCount: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let guard = 0; guard < 1000; guard++) {
    const res: any = await t.gql(
      `query($after: String, $first: Int${varDefs}) { ${field}(first: $first, after: $after${args}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } } } }`,
      { ...variables, after, first: pageSize },
    );
    expect(res.errors).toBeUndefined();
    const connection = res.data[field];
    totalCount = connection.totalCount;
    nodes.push(...connection.edges.map((e: { node: T }) => e.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { nodes, totalCount };
}

const MEISSEN = { latitude: 51.1636, longitude: 13.4775 };

describe.each(databaseTargets())('catalogue read API on the $name database (demo data)', (target) => {
  let t: TestApp;
  let all: ServiceNode[];

  beforeAll(async () => {
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true' });
    all = (await walk<ServiceNode>(t, 'services', '', SERVICE_FIELDS, 100)).nodes;
  });
  afterAll(() => t?.close());

  describe('demo data', () => {
    it('has at least 400 visible fictitious services covering every category and need', () => {
      expect(all.length).toBeGreaterThanOrEqual(400);
      expect(all.every((s) => s.organization.fictitious && / \(fiktiv\)$/.test(s.organization.name))).toBe(true);
      expect(new Set(all.map((s) => s.category))).toEqual(new Set(Object.values(ServiceCategory).map((c) => c.toUpperCase())));
      expect(new Set(all.flatMap((s) => s.needs.map((n) => n.code)))).toEqual(new Set(NEED_TERMS.map((n) => n.code)));
    });

    it('places every demo location inside its town’s district, in all five seed regions', () => {
      const townDistrict = new Map(DEMO_TOWNS.map((town) => [town.name, town.districtAgs]));
      const locations = all.flatMap((s) => s.locations);
      const misplaced = locations.filter((l) => townDistrict.has(l.town) && townDistrict.get(l.town) !== l.districtAgs);
      expect(misplaced).toEqual([]);
      const perDistrict = new Map<string, number>();
      for (const s of all) for (const d of new Set(s.locations.map((l) => l.districtAgs))) perDistrict.set(d!, (perDistrict.get(d!) ?? 0) + 1);
      for (const district of ['14627', '14729', '14521', '14612', '14625']) expect(perDistrict.get(district) ?? 0).toBeGreaterThanOrEqual(40);
    });
  });

  describe('pagination', () => {
    it('walks services in small pages without duplicates or gaps, in name order', async () => {
      const { nodes, totalCount } = await walk<{ id: string; name: string }>(t, 'services', '', 'id name', 37);
      expect(totalCount).toBe(all.length);
      expect(nodes.map((n) => n.id)).toEqual(all.map((n) => n.id));
      expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    });

    it('walks organizations and locations without duplicates or gaps', async () => {
      const orgs = await walk<{ id: string }>(t, 'organizations', '', 'id', 13);
      expect(new Set(orgs.nodes.map((o) => o.id)).size).toBe(orgs.totalCount);
      expect(orgs.nodes.length).toBe(orgs.totalCount);
      const locs = await walk<{ id: string }>(t, 'locations', '', 'id', 29);
      expect(new Set(locs.nodes.map((l) => l.id)).size).toBe(locs.totalCount);
      expect(locs.nodes.length).toBe(locs.totalCount);
    });
  });

  describe('filters agree with an independent computation over all services', () => {
    const cases: [string, string, (s: ServiceNode) => boolean][] = [
      ['category', '{ categories: [ADDICTION_COUNSELLING] }', (s) => s.category === 'ADDICTION_COUNSELLING'],
      ['two categories', '{ categories: [COURSE, CLINIC] }', (s) => ['COURSE', 'CLINIC'].includes(s.category)],
      ['need', '{ needs: ["psychotherapy"] }', (s) => s.needs.some((n) => n.code === 'psychotherapy')],
      ['district', '{ districtAgs: "14627" }', (s) => s.locations.some((l) => l.districtAgs === '14627')],
      ['language', '{ language: "uk" }', (s) => s.languages.includes('uk')],
      ['accessibility', '{ accessibility: [STEP_FREE_ACCESS, ACCESSIBLE_WC] }', (s) => s.accessibility.includes('STEP_FREE_ACCESS') && s.accessibility.includes('ACCESSIBLE_WC')],
      ['accepting new clients', '{ acceptingNewClients: false }', (s) => !s.capacity.acceptingNewClients],
      ['combined', '{ needs: ["exercise"], districtAgs: "14612", acceptingNewClients: true }',
        (s) => s.needs.some((n) => n.code === 'exercise') && s.locations.some((l) => l.districtAgs === '14612') && s.capacity.acceptingNewClients],
    ];
    it.each(cases)('%s', async (_name, filter, predicate) => {
      const expected = all.filter(predicate).map((s) => s.id);
      expect(expected.length).toBeGreaterThan(0);
      const { nodes, totalCount } = await walk<{ id: string }>(t, 'services', `, filter: ${filter}`, 'id', 100);
      expect(nodes.map((n) => n.id)).toEqual(expected);
      expect(totalCount).toBe(expected.length);
    });

    it('municipality', async () => {
      const municipality = all[0].locations[0].municipalityAgs!;
      const expected = all.filter((s) => s.locations.some((l) => l.municipalityAgs === municipality)).map((s) => s.id);
      const { nodes } = await walk<{ id: string }>(t, 'services', `, filter: { municipalityAgs: "${municipality}" }`, 'id', 100);
      expect(nodes.map((n) => n.id)).toEqual(expected);
    });
  });

  describe('radius search', () => {
    const radius = 25_000;
    it('returns exactly the services within the radius, nearest first, distances matching haversine', async () => {
      const { nodes, totalCount } = await walk<{ distanceMeters: number; service: { id: string }; location: { id: string; latitude: number; longitude: number } }>(
        t, 'servicesNear', ', near: { latitude: $lat, longitude: $lon, radiusMeters: $radius }', 'distanceMeters service { id } location { id latitude longitude }', 23,
        { lat: MEISSEN.latitude, lon: MEISSEN.longitude, radius }, ', $lat: Float!, $lon: Float!, $radius: Float!',
      );
      expect(nodes.length).toBe(totalCount);
      const pairs = nodes.map((n) => `${n.service.id}/${n.location.id}`);
      expect(new Set(pairs).size).toBe(pairs.length);
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        const independent = haversineMeters(MEISSEN.latitude, MEISSEN.longitude, n.location.latitude, n.location.longitude);
        // sphere vs spheroid: within 0.5 %
        expect(Math.abs(n.distanceMeters - independent)).toBeLessThanOrEqual(independent * 0.005 + 1);
        expect(n.distanceMeters).toBeLessThanOrEqual(radius);
        if (i > 0) expect(n.distanceMeters).toBeGreaterThanOrEqual(nodes[i - 1].distanceMeters);
      }
      // completeness: every pair clearly inside the radius is there, none clearly outside
      const expected = all.flatMap((s) => s.locations.map((l) => ({ pair: `${s.id}/${l.id}`, d: haversineMeters(MEISSEN.latitude, MEISSEN.longitude, l.latitude, l.longitude) })));
      const got = new Set(pairs);
      expect(expected.filter((e) => e.d < radius * 0.995 && !got.has(e.pair))).toEqual([]);
      expect(expected.filter((e) => e.d > radius * 1.005 && got.has(e.pair))).toEqual([]);
      expect(nodes.length).toBeGreaterThan(20);
    });

    it('accepts a postcode as the centre and combines with filters', async () => {
      const town = DEMO_TOWNS.find((x) => x.name === 'Riesa')!;
      const res = await t.gql(
        `query($pc: String!) { servicesNear(first: 5, near: { postcode: $pc, radiusMeters: 10000 }, filter: { categories: [PHYSICIAN] }) { totalCount edges { node { distanceMeters service { category } } } } }`,
        { pc: town.postcode },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.servicesNear.totalCount).toBeGreaterThan(0);
      expect(res.data.servicesNear.edges.every((e: any) => e.node.service.category === 'PHYSICIAN')).toBe(true);
    });
  });

  describe('lookups by id', () => {
    it('finds organization, service and location by id', async () => {
      const s = all[5];
      const res = await t.gql(
        `query($s: ID!, $o: ID!, $l: ID!) { service(id: $s) { id name } organization(id: $o) { id services { id } locations { id } } location(id: $l) { id services { id } district { name } } }`,
        { s: s.id, o: s.organization.id, l: s.locations[0].id },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.service).toEqual({ id: s.id, name: s.name });
      expect(res.data.organization.services.map((x: { id: string }) => x.id)).toContain(s.id);
      expect(res.data.location.services.map((x: { id: string }) => x.id)).toContain(s.id);
      expect(res.data.location.district.name).toEqual(expect.any(String));
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      const res = await t.gql(`{ service(id: "00000000-0000-4000-8000-000000000000") { id } }`);
      expect(res.errors?.[0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('districts and municipalities with service counts per category', () => {
    it('counts agree with the service filter', async () => {
      const res = await t.gql(`{ district(ags: "14627") { name serviceCounts { category count } } municipalities(districtAgs: "14627", first: 100) { totalCount edges { node { ags name district { ags } serviceCounts { category count } } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.district.name).toBe('Meißen');
      for (const { category, count } of res.data.district.serviceCounts) {
        const expected = all.filter((s) => s.category === category && s.locations.some((l) => l.districtAgs === '14627')).length;
        expect({ category, count }).toEqual({ category, count: expected });
      }
      expect(res.data.municipalities.totalCount).toBeGreaterThan(20);
      expect(res.data.municipalities.edges.every((e: any) => e.node.district.ags === '14627')).toBe(true);
    });
  });

  describe('no N+1 queries', () => {
    const query = `query($first: Int) { services(first: $first) { edges { node { id organization { name services { id } } needs { code }
      openingHours { weekday } sessions { startsOn } locations { town district { name } municipality { name } organization { name } } } } } }`;

    it('uses the same small number of queries for 10 and for 100 services with nested fields', async () => {
      const before10 = t.queries();
      const small = await t.gql(query, { first: 10 });
      const used10 = t.queries() - before10;
      const before100 = t.queries();
      const large = await t.gql(query, { first: 100 });
      const used100 = t.queries() - before100;
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(large.data.services.edges).toHaveLength(100);
      expect(used100).toBe(used10);
      expect(used100).toBeLessThanOrEqual(12);
    });
  });
});
