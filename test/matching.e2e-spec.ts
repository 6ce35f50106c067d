import { driverPool } from '@lotse/database';
import { DataSource } from 'typeorm';
import {
  AccessibilityFeature,
  CatalogueService,
  CostType,
  DeliveryMode,
  MedicalSpecialty,
  OrganizationImport,
  RoomEquipment,
  ServiceCategory,
  ServiceImport,
} from '@lotse/catalogue';
import { mondayAfter, organizationAt, serviceFixture } from './support/fixtures';
import { destination } from './support/geodesy';
import { haversineMeters } from './support/haversine';
import { oracleMinutesPublicTransport } from './support/travel-oracle';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

// Origin: Meißen, Markt (Landkreis Meißen, a rural district for the estimator).
const ORIGIN = { latitude: 51.1636, longitude: 13.4775 };
const DAY = 86_400_000;

/*
 * The oracle: the documented estimator (test/support/travel-oracle.ts, calibrated-v2 with the shared
 * station list) and score formula, written again here from the README so a change in either side
 * shows up as a failing test. The origin is in a Landkreis: rural.
 */
const oracle = (to: { latitude: number; longitude: number }) => oracleMinutesPublicTransport(ORIGIN, to, true);

const WEIGHTS = { need_fit: 0.3, travel_time: 0.3, capacity: 0.15, freshness: 0.1, district: 0.05, accessibility: 0.05, language: 0.05, outreach: 0 };

interface Fixture {
  key: string;
  bearing: number;
  meters: number;
  service: Partial<ServiceImport>;
  organization?: string;
}

function place(f: Fixture): OrganizationImport {
  const p = destination(ORIGIN.latitude, ORIGIN.longitude, f.bearing, f.meters);
  return organizationAt(f.organization ?? `Match ${f.key} (fiktiv)`, p.latitude, p.longitude, [serviceFixture({ name: f.key, ...f.service })]);
}

const NOW = Date.now();
const RANKING: Fixture[] = [
  { key: 'near-long-wait', bearing: 10, meters: 800, service: { needs: ['addiction'], capacity: { acceptingNewClients: true, waitingDays: 60, updatedAt: new Date(NOW - 2 * DAY) } } },
  { key: 'mid-no-wait', bearing: 100, meters: 3000, service: { needs: ['addiction', 'psychosocial_counselling'], accessibility: [AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC], capacity: { acceptingNewClients: true, waitingDays: 0, updatedAt: new Date(NOW - 1 * DAY) } } },
  { key: 'far-stale', bearing: 200, meters: 9000, service: { needs: ['addiction'], capacity: { acceptingNewClients: true, waitingDays: 7, updatedAt: new Date(NOW - 120 * DAY) } } },
  { key: 'unknown-wait', bearing: 280, meters: 5000, service: { needs: ['psychosocial_counselling'], languages: ['de', 'uk'], capacity: { acceptingNewClients: true, updatedAt: new Date(NOW - 10 * DAY) } } },
  { key: 'closed-books', bearing: 330, meters: 1500, service: { needs: ['addiction'], capacity: { acceptingNewClients: false, waitingDays: 30, updatedAt: new Date(NOW - 5 * DAY) } } },
];

describe.each(databaseTargets())('matchReferralTargets on the $name database', (target) => {
  let t: TestApp;

  const MATCH = `query($request: MatchRequestInput!, $first: Int, $after: String) {
    matchReferralTargets(request: $request) {
      weightSet { name weights { factor weight } applied { factor weight } }
      estimator { name estimated }
      limitMinutes consideredCandidates participantDistrictAgs
      unmetNeeds { code }
      bundle { totalTravelMinutes distinctOrganizations distinctLocations explanation missingNeeds { need { code } explanation } items { need { code } rank explanation target { service { id name } location { id } travelMinutes score matchedNeeds { code } } } }
      targets(first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node {
          score distanceMeters travelMinutes travelMode travelTimeEstimated
          service { id name organization { id name } capacity { acceptingNewClients waitingDays updatedAt } languages accessibility }
          location { id latitude longitude districtAgs }
          matchedNeeds { code }
          reasons { factor value weight contribution explanation }
        } }
      }
    }
  }`;

  async function match(request: Record<string, unknown>, first = 100) {
    return t.gql(MATCH, { request, first });
  }
  const names = (res: any): string[] => res.data.matchReferralTargets.targets.edges.map((e: any) => e.node.service.name);

  beforeAll(async () => {
    // No background search indexing: the privacy test compares every table's row count before and
    // after a match, and the indexer catching up on the fixtures in between made it flaky.
    t = await startTestApp(target, { SEARCH_OUTBOX_POLL_MS: '0' });
    await t.app.get(CatalogueService).importOrganizations(RANKING.map(place));
  });
  afterAll(() => t?.close());

  describe('ranking', () => {
    it('orders targets as the documented formula does (independent oracle)', async () => {
      const res = await match({ needs: ['addiction', 'psychosocial_counselling'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 90 }, diversify: false });
      expect(res.errors).toBeUndefined();
      const result = res.data.matchReferralTargets;
      expect(result.weightSet.name).toBe('lotse-default-2026.1');
      expect(result.estimator).toEqual({ name: 'calibrated-v2', estimated: true });
      const nodes = result.targets.edges.map((e: any) => e.node);
      expect(nodes.map((n: any) => n.service.name).sort()).toEqual(RANKING.map((f) => f.key).sort());

      const now = Date.now();
      const expected = nodes.map((n: any) => {
        const fixture = RANKING.find((f) => f.key === n.service.name)!;
        const s = fixture.service;
        const meters = haversineMeters(ORIGIN.latitude, ORIGIN.longitude, n.location.latitude, n.location.longitude);
        const minutes = oracle(n.location).minutes;
        const cap = s.capacity!;
        const values: Record<string, number> = {
          need_fit: s.needs!.filter((x) => ['addiction', 'psychosocial_counselling'].includes(x)).length / 2,
          travel_time: Math.max(0, 1 - minutes / 90),
          capacity: !cap.acceptingNewClients ? 0 : cap.waitingDays === undefined ? 0.5 : 1 / (1 + cap.waitingDays / 14),
          freshness: Math.pow(0.5, (now - cap.updatedAt.getTime()) / DAY / 30),
          district: n.location.districtAgs === '14627' ? 1 : 0,
          accessibility: ['step_free_access', 'accessible_wc', 'lift'].filter((a) => (s.accessibility ?? []).includes(a as AccessibilityFeature)).length / 3,
          language: 1,
          outreach: 0,
        };
        const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
        const score = Object.entries(WEIGHTS).reduce((sum, [f, w]) => sum + (w * values[f]) / total, 0);
        return { name: n.service.name, score, minutes, meters, coverage: values.need_fit * 2 };
      });
      for (const [i, n] of nodes.entries()) {
        const e = expected[i];
        expect({ name: n.service.name, score: n.score }).toEqual({ name: e.name, score: expect.closeTo(e.score, 2) });
        expect(Math.abs(n.travelMinutes - e.minutes)).toBeLessThan(0.5);
        expect(Math.abs(n.distanceMeters - e.meters)).toBeLessThan(e.meters * 0.005 + 1);
      }
      // fit dominates: more requested needs covered first, then the score
      const oracleOrder = [...expected].sort((a, b) => b.coverage - a.coverage || b.score - a.score).map((e) => e.name);
      expect(nodes.map((n: any) => n.service.name)).toEqual(oracleOrder);
      for (let i = 1; i < nodes.length; i++) {
        const [before, after] = [nodes[i - 1].matchedNeeds.length, nodes[i].matchedNeeds.length];
        expect(before).toBeGreaterThanOrEqual(after);
        if (before === after) expect(nodes[i - 1].score).toBeGreaterThanOrEqual(nodes[i].score);
      }
    });

    it('explains every rank: contributions add up to the score, each with a German sentence', async () => {
      const res = await match({ needs: ['addiction'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 90 } });
      for (const { node } of res.data.matchReferralTargets.targets.edges) {
        const factors = node.reasons.map((r: any) => r.factor);
        expect(factors).toEqual(['NEED_FIT', 'TRAVEL_TIME', 'CAPACITY', 'FRESHNESS', 'DISTRICT', 'ACCESSIBILITY', 'LANGUAGE', 'OUTREACH']);
        const sumWeights = node.reasons.reduce((a: number, r: any) => a + r.weight, 0);
        for (const r of node.reasons) {
          expect(r.value).toBeGreaterThanOrEqual(0);
          expect(r.value).toBeLessThanOrEqual(1);
          expect(r.contribution).toBeCloseTo((r.weight * r.value) / sumWeights, 10);
          expect(r.explanation.length).toBeGreaterThan(5);
        }
        expect(node.reasons.reduce((a: number, r: any) => a + r.contribution, 0)).toBeCloseTo(node.score, 10);
        expect(node.score).toBeGreaterThanOrEqual(0);
        expect(node.score).toBeLessThanOrEqual(1);
        // walked where that beats the bus (the oracle's min(walk, transit)), and the reason says so
        const walked = oracle(node.location).walked;
        expect(node.travelMode).toBe(walked ? 'WALK' : 'PUBLIC_TRANSPORT');
        const travel = node.reasons.find((r: any) => r.factor === 'TRAVEL_TIME').explanation;
        expect(travel).toMatch(new RegExp(`^ca\\. ${Math.max(1, Math.round(node.travelMinutes))} Min\\. ${walked ? 'zu Fuß' : 'mit Bus/Bahn'} \\(geschätzt\\)`));
        expect(node.travelTimeEstimated).toBe(true);
      }
      // the fixture has both: 800 m is walked, 9 km is not
      expect(new Set(res.data.matchReferralTargets.targets.edges.map((e: any) => e.node.travelMode))).toEqual(new Set(['WALK', 'PUBLIC_TRANSPORT']));
      const noWait = res.data.matchReferralTargets.targets.edges.find((e: any) => e.node.service.name === 'mid-no-wait').node;
      expect(noWait.reasons.find((r: any) => r.factor === 'ACCESSIBILITY').explanation).toContain('barrierefrei');
      expect(noWait.reasons.find((r: any) => r.factor === 'CAPACITY').explanation).toMatch(/keine Wartezeit, Stand vor 1 Tag/);
    });

    it('pages through the ranking without duplicates or gaps', async () => {
      const request = { needs: ['addiction', 'psychosocial_counselling'], origin: ORIGIN, travel: { maxMinutes: 90 }, diversify: false };
      const all = names(await match(request));
      const paged: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res: any = await t.gql(MATCH, { request, first: 2, after });
        paged.push(...names(res));
        if (!res.data.matchReferralTargets.targets.pageInfo.hasNextPage) break;
        after = res.data.matchReferralTargets.targets.pageInfo.endCursor;
      }
      expect(paged).toEqual(all);
    });

    it('keeps matching after the database connection is replaced (prepared statements survive reconnects)', async () => {
      const request = { needs: ['addiction'], origin: ORIGIN, travel: { maxMinutes: 90 } };
      expect((await match(request)).errors).toBeUndefined();
      // Destroy every idle connection: the next statements run on new ones. PGlite keeps its one
      // session (and the old connection's prepared statements) across them.
      const pool = driverPool(t.app.get(DataSource));
      const clients = await Promise.all(Array.from({ length: pool.idleCount || 1 }, () => pool.connect()));
      clients.forEach((c) => c.release(true));
      const again = await match(request);
      expect(again.errors).toBeUndefined();
      expect(again.data.matchReferralTargets.targets.edges.length).toBeGreaterThan(0);
    });

    it('costs the same few queries for a page of one target as for a page of five', async () => {
      const request = { needs: ['addiction', 'psychosocial_counselling'], origin: ORIGIN, travel: { maxMinutes: 90 }, diversify: false };
      const used = async (first: number) => {
        const before = t.queries();
        const res = await match(request, first);
        expect(res.errors).toBeUndefined();
        expect(res.data.matchReferralTargets.targets.edges).toHaveLength(first);
        return t.queries() - before;
      };
      await used(1); // the taxonomy loads on first use
      const one = await used(1);
      const five = await used(5);
      expect(five).toBe(one);
      // candidates, services + locations of the page, their organisations (the bundle's targets ride along)
      expect(five).toBeLessThanOrEqual(3);
    });

    it('loads the page’s services and locations only when they are asked for, and then in one query', async () => {
      const request = { needs: ['addiction', 'psychosocial_counselling'], origin: ORIGIN, travel: { maxMinutes: 90 }, diversify: false };
      const page = (node: string) => `query M($request: MatchRequestInput!) { matchReferralTargets(request: $request) { targets(first: 5) { edges { node { ${node} } } } } }`;
      const used = async (node: string) => {
        const before = t.queries();
        const res = await t.gql(page(node), { request });
        expect(res.errors).toBeUndefined();
        return { queries: t.queries() - before, nodes: res.data.matchReferralTargets.targets.edges.map((e: any) => e.node) };
      };
      await used('score'); // the taxonomy loads on first use
      const bare = await used('score reasons { factor }');
      expect(bare.queries).toBe(1); // the candidates
      // asked for through a fragment, with both fields: one more query, and the same page
      const full = await used('score ... on MatchTarget { service { id name } location { id town } }');
      expect(full.queries).toBe(2);
      // (scores drift by the freshness factor between two requests)
      full.nodes.forEach((n: any, i: number) => expect(n.score).toBeCloseTo(bare.nodes[i].score, 6));
      for (const n of full.nodes) expect(n.service.name).toEqual(expect.any(String));

      // the next page (after a cursor) is prepared as the targets field will cut it: still one query
      const paged = `query M($request: MatchRequestInput!, $after: String) { matchReferralTargets(request: $request) {
        first: targets(first: 2) { pageInfo { endCursor } }
        next: targets(first: 2, after: $after) { edges { node { service { id } } } } } }`;
      const cursor = (await t.gql(paged, { request })).data.matchReferralTargets.first.pageInfo.endCursor;
      const before = t.queries();
      const next = await t.gql(paged, { request, after: cursor });
      expect(next.errors).toBeUndefined();
      expect(t.queries() - before).toBe(2);
      expect(next.data.matchReferralTargets.next.edges.map((e: any) => e.node.service.id)).toEqual(full.nodes.slice(2, 4).map((n: any) => n.service.id));

      // a page size the targets field rejects is still rejected there, with its field
      const bad = await t.gql(page('service { id }').replace('first: 5', 'first: 0'), { request });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('travel limit', () => {
    it('returns a target just inside the limit and not one just beyond', async () => {
      // For 30 min by public transport (rural), the oracle reach:
      const along = (meters: number) => destination(ORIGIN.latitude, ORIGIN.longitude, 60, meters);
      let reach = 0;
      while (oracle(along(reach + 10)).minutes <= 30) reach += 10;
      expect(oracle(along(reach - 150)).minutes).toBeLessThanOrEqual(30);
      expect(oracle(along(reach + 150)).minutes).toBeGreaterThan(30);
      await t.app.get(CatalogueService).importOrganizations([
        place({ key: 'limit-inside', bearing: 60, meters: reach - 150, service: { needs: ['debt_counselling'] } }),
        place({ key: 'limit-outside', bearing: 61, meters: reach + 150, service: { needs: ['debt_counselling'] } }),
      ]);
      const res = await match({ needs: ['debt_counselling'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 30 } });
      expect(res.errors).toBeUndefined();
      expect(names(res)).toContain('limit-inside');
      expect(names(res)).not.toContain('limit-outside');
      const inside = res.data.matchReferralTargets.targets.edges.find((e: any) => e.node.service.name === 'limit-inside').node;
      expect(inside.travelMinutes).toBeLessThanOrEqual(30);
      const wider = await match({ needs: ['debt_counselling'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 45 } });
      expect(names(wider)).toEqual(expect.arrayContaining(['limit-inside', 'limit-outside']));
    });

    it('applies a kilometre limit on straight-line distance', async () => {
      const res = await match({ needs: ['addiction'], origin: ORIGIN, travel: { mode: 'CAR', maxKilometers: 2 } });
      expect(res.errors).toBeUndefined();
      for (const { node } of res.data.matchReferralTargets.targets.edges) expect(node.distanceMeters).toBeLessThanOrEqual(2000);
      expect(names(res)).toContain('near-long-wait');
      expect(names(res)).not.toContain('mid-no-wait');
    });
  });

  describe('hard filters, both ways', () => {
    const FILTERS: { name: string; pass: Partial<ServiceImport>; fail: Partial<ServiceImport>; constraints: Record<string, unknown> }[] = [
      { name: 'age', pass: { minAge: 18, maxAge: 65 }, fail: { minAge: 50 }, constraints: { age: 30 } },
      { name: 'languages', pass: { languages: ['de', 'ar'] }, fail: { languages: ['de'] }, constraints: { languages: ['ar'] } },
      { name: 'stepFreeAccess', pass: { accessibility: [AccessibilityFeature.STEP_FREE_ACCESS] }, fail: { accessibility: [AccessibilityFeature.LIFT] }, constraints: { stepFreeAccess: true } },
      { name: 'deliveryModes', pass: { deliveryModes: [DeliveryMode.OUTREACH] }, fail: { deliveryModes: [DeliveryMode.IN_PERSON] }, constraints: { deliveryModes: ['OUTREACH', 'ONLINE'] } },
      { name: 'costCovered', pass: { cost: { type: CostType.INSURER_SUBSIDISED } }, fail: { cost: { type: CostType.FEE, feeAmountEuro: 80 } }, constraints: { costCovered: true } },
      { name: 'acceptingNewClientsOnly', pass: {}, fail: { capacity: { acceptingNewClients: false, updatedAt: new Date() } }, constraints: { acceptingNewClientsOnly: true } },
      {
        name: 'courseStartsWithinDays',
        pass: { category: ServiceCategory.COURSE, sessions: [{ startsOn: isoDate(NOW + 5 * DAY), endsOn: isoDate(NOW + 60 * DAY), weekday: 2, startTime: '10:00', endTime: '11:30', seats: 12, freeSeats: 3 }] },
        fail: { category: ServiceCategory.COURSE, sessions: [{ startsOn: isoDate(NOW + 40 * DAY), endsOn: isoDate(NOW + 90 * DAY), weekday: 2, startTime: '10:00', endTime: '11:30', seats: 12, freeSeats: 3 }] },
        constraints: { courseStartsWithinDays: 14 },
      },
      { name: 'openAt', pass: { openingHours: [{ weekday: 3, opensAt: '14:00', closesAt: '18:00' }] }, fail: { openingHours: [{ weekday: 3, opensAt: '08:00', closesAt: '12:00' }] }, constraints: { openAt: { weekday: 3, time: '15:30' } } },
    ];

    beforeAll(async () => {
      await t.app.get(CatalogueService).importOrganizations(
        FILTERS.flatMap((f, i) => [
          place({ key: `filter-${f.name}-pass`, bearing: 20 * i, meters: 2500, service: { needs: ['family_couples'], ...f.pass } }),
          place({ key: `filter-${f.name}-fail`, bearing: 20 * i + 5, meters: 2500, service: { needs: ['family_couples'], ...f.fail } }),
        ]),
      );
    });

    it.each(FILTERS)('$name', async ({ name, constraints }) => {
      // a course answers family matters only when asked for (its default kinds are counselling services)
      const partnerKinds = ['family_couples', 'course'].map((k, i) => ({ need: 'family_couples', category: i ? 'COURSE' : 'ADDICTION_COUNSELLING' }));
      const without = names(await match({ needs: ['family_couples'], origin: ORIGIN, travel: { maxMinutes: 120 }, partnerKinds }));
      expect(without).toEqual(expect.arrayContaining([`filter-${name}-pass`, `filter-${name}-fail`]));
      const res = await match({ needs: ['family_couples'], origin: ORIGIN, travel: { maxMinutes: 120 }, constraints, partnerKinds });
      expect(res.errors).toBeUndefined();
      expect(names(res)).toContain(`filter-${name}-pass`);
      expect(names(res)).not.toContain(`filter-${name}-fail`);
    });
  });

  describe('diversification and bundles', () => {
    beforeAll(async () => {
      const org = (name: string, bearing: number, meters: number, services: Partial<ServiceImport>[]) => {
        const p = destination(ORIGIN.latitude, ORIGIN.longitude, bearing, meters);
        return organizationAt(name, p.latitude, p.longitude, services.map((s) => serviceFixture(s)));
      };
      await t.app.get(CatalogueService).importOrganizations([
        org('Zweifach-Träger (fiktiv)', 150, 1200, [
          { name: 'twin-a', needs: ['nutrition'], category: ServiceCategory.COURSE },
          { name: 'twin-b', needs: ['nutrition'], category: ServiceCategory.COURSE, capacity: { acceptingNewClients: true, waitingDays: 3, updatedAt: new Date() } },
        ]),
        org('Ein-Ort-Träger (fiktiv)', 240, 3500, [
          { name: 'one-stop-metabolic', needs: ['metabolic'], category: ServiceCategory.PHYSICIAN },
          { name: 'one-stop-exercise', needs: ['exercise'], category: ServiceCategory.COURSE },
        ]),
        org('Einzel Stoffwechsel (fiktiv)', 30, 3000, [{ name: 'single-metabolic', needs: ['metabolic'], category: ServiceCategory.PHYSICIAN }]),
        org('Einzel Bewegung (fiktiv)', 120, 3000, [{ name: 'single-exercise', needs: ['exercise'], category: ServiceCategory.COURSE }]),
      ]);
    });

    it('lists an organization only once for the same need unless asked otherwise', async () => {
      const diversified = names(await match({ needs: ['nutrition'], origin: ORIGIN }));
      expect(diversified.filter((n) => n.startsWith('twin-'))).toHaveLength(1);
      const all = names(await match({ needs: ['nutrition'], origin: ORIGIN, diversify: false }));
      expect(all.filter((n) => n.startsWith('twin-')).sort()).toEqual(['twin-a', 'twin-b']);
    });

    it('offers a bundle with one target per need, preferring one organization at one place', async () => {
      const res = await match({ needs: ['metabolic', 'exercise'], origin: ORIGIN });
      expect(res.errors).toBeUndefined();
      const bundle = res.data.matchReferralTargets.bundle;
      expect(bundle.items.map((i: any) => i.need.code)).toEqual(['metabolic', 'exercise']);
      for (const item of bundle.items) expect(item.target.matchedNeeds.map((n: any) => n.code)).toContain(item.need.code);
      expect(bundle.items.map((i: any) => i.target.service.name)).toEqual(['one-stop-metabolic', 'one-stop-exercise']);
      expect(bundle.distinctOrganizations).toBe(1);
      expect(bundle.distinctLocations).toBe(1);
      expect(bundle.totalTravelMinutes).toBeCloseTo(bundle.items[0].target.travelMinutes, 6);
      expect(bundle.explanation).toMatch(/^2 Bedarfe bei einem Träger an einem Ort/);
    });

    it('has no bundle for a single need, and names needs nobody reachable addresses', async () => {
      const single = await match({ needs: ['addiction'], origin: ORIGIN });
      expect(single.data.matchReferralTargets.bundle).toBeNull();
      const unmet = await match({ needs: ['addiction', 'employment_qualification'], origin: ORIGIN, travel: { maxMinutes: 45 } });
      expect(unmet.data.matchReferralTargets.unmetNeeds).toEqual([{ code: 'employment_qualification' }]);
      // the bundle covers what it can and says what it cannot
      const partial = unmet.data.matchReferralTargets.bundle;
      expect(partial.items.map((i: any) => i.need.code)).toEqual(['addiction']);
      expect(partial.missingNeeds).toEqual([{ need: { code: 'employment_qualification' }, explanation: 'Kein erreichbares Angebot für „Beschäftigung und Qualifizierung“, das alle Bedingungen erfüllt' }]);
    });
  });

  describe('needs nothing within the limits addresses', () => {
    const BEYOND = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        unmetNeeds { code }
        targets(first: 10) { totalCount }
        beyondLimit {
          need { code }
          explanation
          nearest { score distanceMeters travelMinutes travelMode service { name } reasons { factor value contribution } }
        }
      }
    }`;
    const beyond = async (request: Record<string, unknown>) => {
      const res = await t.gql(BEYOND, { request });
      expect(res.errors).toBeUndefined();
      return res.data.matchReferralTargets;
    };

    beforeAll(async () => {
      // a need with no narrower needs and no nearer listing (mental health would be answered nearby through psychosocial counselling)
      await t.app.get(CatalogueService).importOrganizations([
        // nearest, but takes no new clients
        place({ key: 'beyond-closed', bearing: 300, meters: 6000, service: { needs: ['crisis_intervention'], category: ServiceCategory.PSYCHOSOCIAL_SERVICE, capacity: { acceptingNewClients: false, updatedAt: new Date() } } }),
        place({ key: 'beyond-far', bearing: 310, meters: 12_000, service: { needs: ['crisis_intervention'], category: ServiceCategory.PSYCHOSOCIAL_SERVICE } }),
        place({ key: 'beyond-farther', bearing: 320, meters: 20_000, service: { needs: ['crisis_intervention'], category: ServiceCategory.PSYCHOSOCIAL_SERVICE } }),
      ]);
    });

    it('names, for an unmet need, the quickest option beyond the limit that meets every hard filter', async () => {
      const result = await beyond({ needs: ['crisis_intervention'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 20 }, constraints: { acceptingNewClientsOnly: true } });
      expect(result.targets.totalCount).toBe(0);
      expect(result.unmetNeeds).toEqual([{ code: 'crisis_intervention' }]);
      expect(result.beyondLimit).toHaveLength(1);
      const [{ need, nearest, explanation }] = result.beyondLimit;
      expect(need.code).toBe('crisis_intervention');
      expect(nearest.service.name).toBe('beyond-far');
      const far = destination(ORIGIN.latitude, ORIGIN.longitude, 310, 12_000);
      const meters = haversineMeters(ORIGIN.latitude, ORIGIN.longitude, far.latitude, far.longitude);
      // PostGIS measures on the spheroid, the oracle on a sphere: 0.5 % apart at most
      expect(Math.abs(nearest.distanceMeters - meters)).toBeLessThan(meters * 0.005);
      expect(Math.abs(nearest.travelMinutes - oracle(far).minutes)).toBeLessThan(0.3);
      expect(nearest.travelMinutes).toBeGreaterThan(20);
      expect(explanation).toBe(
        `Kein Angebot für „Krisenintervention“ innerhalb von 20 Min.; das nächste: ca. ${Math.round(nearest.travelMinutes)} Min. mit Bus/Bahn (geschätzt), 12,0 km Luftlinie`,
      );
      // scored and explained like any target; beyond the limit the travel factor is 0
      const travel = nearest.reasons.find((r: any) => r.factor === 'TRAVEL_TIME');
      expect(travel.value).toBe(0);
      expect(nearest.reasons.reduce((sum: number, r: any) => sum + r.contribution, 0)).toBeCloseTo(nearest.score, 9);
      // without the capacity filter the nearer listing is the option
      const open = await beyond({ needs: ['crisis_intervention'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 20 } });
      expect(open.beyondLimit[0].nearest.service.name).toBe('beyond-closed');
    });

    it('lists only unmet needs, says so when nothing lies within 100 km, and words a kilometre limit', async () => {
      const request = { needs: ['addiction', 'crisis_intervention', 'employment_qualification'], origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 20 } };
      const unmetOnly = `query($request: MatchRequestInput!) { matchReferralTargets(request: $request) { unmetNeeds { code } } }`;
      const queries = async (query: string) => {
        const before = t.queries();
        expect((await t.gql(query, { request })).errors).toBeUndefined();
        return t.queries() - before;
      };
      // one search for all unmet needs, and none unless asked for
      expect(await queries(BEYOND.replace(/ service \{ name \}/, ''))).toBe((await queries(unmetOnly)) + 1);
      const mixed = await beyond(request);
      expect(mixed.unmetNeeds.map((n: any) => n.code)).toEqual(['crisis_intervention', 'employment_qualification']);
      expect(mixed.beyondLimit.map((b: any) => b.need.code)).toEqual(['crisis_intervention', 'employment_qualification']);
      const nothing = mixed.beyondLimit[1];
      expect(nothing.nearest).toBeNull();
      expect(nothing.explanation).toBe('Kein Angebot für „Beschäftigung und Qualifizierung“ innerhalb von 20 Min. und keines im Umkreis von 100 km, das alle Bedingungen erfüllt');

      const byKilometres = await beyond({ needs: ['crisis_intervention'], origin: ORIGIN, travel: { mode: 'CAR', maxKilometers: 5 } });
      const [option] = byKilometres.beyondLimit;
      expect(option.nearest.service.name).toBe('beyond-closed');
      expect(option.nearest.travelMode).toBe('CAR');
      expect(option.explanation).toMatch(/^Kein Angebot für „Krisenintervention“ innerhalb von 5,0 km Luftlinie; das nächste: ca\. \d+ Min\. mit dem Auto \(geschätzt\), 6,0 km Luftlinie$/);

      const met = await beyond({ needs: ['addiction'], origin: ORIGIN });
      expect(met.beyondLimit).toEqual([]);
    });
  });

  describe('households (PASE)', () => {
    const HOUSEHOLD = `query($request: HouseholdRequestInput!) {
      matchHousehold(request: $request) {
        members { label result { unmetNeeds { code } targets(first: 20) { edges { node { service { name languages } matchedNeeds { code } } } } } }
        plan {
          items { member need { code } weekday explanation target { service { name } location { id } travelMinutes } }
          missingNeeds { member need { code } explanation }
          distinctLocations sharedLocations weekdays totalTravelMinutes explanation
        }
      }
    }`;

    beforeAll(async () => {
      const centre = destination(ORIGIN.latitude, ORIGIN.longitude, 45, 3000);
      await t.app.get(CatalogueService).importOrganizations([
        // one place with something for each person, open on Wednesdays
        organizationAt('Haushalt Zentrum (fiktiv)', centre.latitude, centre.longitude, [
          serviceFixture({ name: 'hh-pain-centre', needs: ['chronic_pain'], category: ServiceCategory.COURSE, openingHours: [{ weekday: 3, opensAt: '09:00', closesAt: '15:00' }] }),
          serviceFixture({ name: 'hh-relatives-centre', needs: ['relatives_carers'], languages: ['de', 'uk'], openingHours: [{ weekday: 3, opensAt: '13:00', closesAt: '17:00' }] }),
        ]),
        // each person's nearest on its own, elsewhere
        place({ key: 'hh-pain-near', bearing: 200, meters: 1200, service: { needs: ['chronic_pain'], category: ServiceCategory.COURSE, openingHours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }] } }),
        place({ key: 'hh-relatives-near', bearing: 290, meters: 1500, service: { needs: ['relatives_carers'], languages: ['de'], openingHours: [{ weekday: 4, opensAt: '09:00', closesAt: '12:00' }] } }),
      ]);
    });

    it('matches each person on their own needs and constraints, and plans a shared place and day', async () => {
      const res = await t.gql(HOUSEHOLD, { request: {
        origin: ORIGIN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 60 },
        members: [{ needs: ['chronic_pain'] }, { needs: ['relatives_carers'], constraints: { languages: ['uk'] } }],
      } });
      expect(res.errors).toBeUndefined();
      const { members, plan } = res.data.matchHousehold;
      expect(members.map((m: any) => m.label)).toEqual(['Person 1', 'Person 2']);
      const own = (i: number) => members[i].result.targets.edges.map((e: any) => e.node);
      expect(own(0).map((n: any) => n.service.name)).toEqual(expect.arrayContaining(['hh-pain-centre', 'hh-pain-near']));
      for (const n of own(0)) expect(n.matchedNeeds.map((x: any) => x.code)).toEqual(['chronic_pain']);
      // Person 2 speaks Ukrainian: the nearer relatives' group does not offer it
      expect(own(1).map((n: any) => n.service.name)).toEqual(['hh-relatives-centre']);
      for (const n of own(1)) expect(n.service.languages).toContain('uk');

      expect(plan.items.map((i: any) => [i.member, i.need.code, i.target.service.name])).toEqual([
        ['Person 1', 'chronic_pain', 'hh-pain-centre'],
        ['Person 2', 'relatives_carers', 'hh-relatives-centre'],
      ]);
      expect(plan.items[0].target.location.id).toBe(plan.items[1].target.location.id);
      expect(plan).toMatchObject({ distinctLocations: 1, sharedLocations: 1, weekdays: [3], missingNeeds: [] });
      expect(plan.items.map((i: any) => i.weekday)).toEqual([3, 3]);
      expect(plan.totalTravelMinutes).toBeCloseTo(plan.items[0].target.travelMinutes, 6);
      expect(plan.items[0].explanation).toMatch(/am selben Ort wie Person 2 „Angehörige und Pflegende“; möglich am Mittwoch$/);
      expect(plan.explanation).toMatch(/^2 Angebote für 2 Personen an einem Ort, einer davon gemeinsam, an einem Wochentag \(Mi\)/);
    });

    it('names a person’s need nothing available answers, and refuses bad households naming the field', async () => {
      const res = await t.gql(HOUSEHOLD, { request: { origin: ORIGIN, travel: { maxMinutes: 30 }, members: [{ needs: ['chronic_pain'] }, { needs: ['employment_qualification'] }] } });
      expect(res.errors).toBeUndefined();
      expect(res.data.matchHousehold.members[1].result.unmetNeeds).toEqual([{ code: 'employment_qualification' }]);
      expect(res.data.matchHousehold.plan.missingNeeds).toEqual([{ member: 'Person 2', need: { code: 'employment_qualification' }, explanation: 'Person 2: kein verfügbares erreichbares Angebot für „Beschäftigung und Qualifizierung“' }]);

      const bad: [Record<string, unknown>, string][] = [
        [{ origin: ORIGIN, members: [{ needs: ['chronic_pain'] }] }, 'request.members'],
        [{ origin: ORIGIN, members: [{ needs: ['chronic_pain'] }, { needs: ['astrology'] }] }, 'request.members.1.needs'],
        [{ origin: { latitude: 52.52, longitude: 13.405 }, members: [{ needs: ['chronic_pain'] }, { needs: ['addiction'] }] }, 'request.origin'],
        [{ origin: ORIGIN, members: [{ needs: ['chronic_pain', 'addiction', 'nutrition', 'exercise', 'metabolic'] }, { needs: ['debt_counselling', 'family_couples', 'self_help', 'weight_management'] }] }, 'request.members'],
      ];
      for (const [request, field] of bad) {
        const r = await t.gql(HOUSEHOLD, { request });
        expect({ field, error: r.errors?.[0]?.extensions }).toMatchObject({ field, error: { code: 'BAD_USER_INPUT', field } });
      }
    });
  });

  describe('kinds of partner', () => {
    const KINDS = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        unmetNeeds { code }
        targets(first: 50) { edges { node { service { name category specialty } partnerKind { category specialty labelDe } preferredKind matchedNeeds { code } reasons { factor explanation } } } }
        bundle { items { need { code } target { service { name } } } }
      }
    }`;
    const kinds = async (request: Record<string, unknown>) => {
      const res = await t.gql(KINDS, { request: { origin: ORIGIN, travel: { maxMinutes: 90 }, ...request } });
      expect(res.errors).toBeUndefined();
      return res.data.matchReferralTargets.targets.edges.map((e: any) => e.node);
    };
    const kindNames = async (request: Record<string, unknown>) => (await kinds(request)).map((n: any) => n.service.name as string);

    beforeAll(async () => {
      const at = (key: string, bearing: number, meters: number, service: Partial<ServiceImport>) => place({ key, bearing, meters, service: { name: key, ...service } });
      await t.app.get(CatalogueService).importOrganizations([
        // nearest of all: an insurer's customer centre tagged with everything a front desk is asked about
        at('kind-insurer', 60, 400, { category: ServiceCategory.HEALTH_INSURER, needs: ['primary_care', 'specialist_assessment', 'cardiovascular'] }),
        at('kind-room', 70, 300, { category: ServiceCategory.COMMUNITY_ROOM, needs: ['cardiovascular', 'psychosocial_counselling'] }),
        at('kind-measure', 75, 350, { category: ServiceCategory.EMPLOYMENT_MEASURE, needs: ['cardiovascular', 'employment_qualification'] }),
        at('kind-gp', 80, 1500, { category: ServiceCategory.PHYSICIAN, specialty: MedicalSpecialty.GENERAL_PRACTICE, needs: ['primary_care', 'cardiovascular'] }),
        at('kind-course', 90, 1000, { category: ServiceCategory.COURSE, needs: ['cardiovascular', 'exercise'], capacity: { acceptingNewClients: true, waitingDays: 0, updatedAt: new Date() } }),
        at('kind-cardiologist', 100, 7000, { category: ServiceCategory.PHYSICIAN, specialty: MedicalSpecialty.CARDIOLOGY, needs: ['cardiovascular', 'specialist_assessment'], capacity: { acceptingNewClients: true, waitingDays: 60, updatedAt: new Date() } }),
        at('kind-clinic', 110, 9000, { category: ServiceCategory.CLINIC, specialty: MedicalSpecialty.INTERNAL_MEDICINE, needs: ['specialist_assessment'] }),
      ]);
    });

    it("applies each need's default kinds: specialist assessment → clinics and specialists, GP care → general practices, never an insurer's centre", async () => {
      expect((await kindNames({ needs: ['specialist_assessment'] })).sort()).toEqual(['kind-cardiologist', 'kind-clinic']);
      expect(await kindNames({ needs: ['primary_care'] })).toEqual(['kind-gp']);
    });

    it('shows rooms and employment measures only when asked for', async () => {
      const heart = await kindNames({ needs: ['cardiovascular'] });
      expect(heart).toEqual(expect.arrayContaining(['kind-gp', 'kind-course', 'kind-cardiologist']));
      for (const resource of ['kind-room', 'kind-measure', 'kind-insurer']) expect(heart).not.toContain(resource);
      expect(await kindNames({ needs: ['cardiovascular'], partnerKinds: [{ need: 'cardiovascular', category: 'COMMUNITY_ROOM' }] })).toEqual(['kind-room']);
      expect(await kindNames({ needs: ['employment_qualification'] })).toContain('kind-measure');
    });

    it('filters on a required kind: "ein Kardiologe"', async () => {
      const nodes = await kinds({ needs: ['cardiovascular'], partnerKinds: [{ need: 'cardiovascular', specialty: 'CARDIOLOGY' }] });
      expect(nodes.map((n: any) => n.service.name)).toEqual(['kind-cardiologist']);
      expect(nodes[0].partnerKind).toEqual({ category: 'PHYSICIAN', specialty: 'CARDIOLOGY', labelDe: expect.stringMatching(/^Arztpraxis: .*Kardiologie/) });
    });

    it('ranks a preferred kind first within the same coverage and keeps the others, and the bundle takes it', async () => {
      const request = { needs: ['cardiovascular'], partnerKinds: [{ need: 'cardiovascular', specialty: 'CARDIOLOGY', mode: 'PREFER' }] };
      const nodes = await kinds(request);
      // farther and with the longest wait, yet first: the coach asked for a cardiologist
      expect(nodes[0].service.name).toBe('kind-cardiologist');
      expect(nodes[0].preferredKind).toBe(true);
      expect(nodes[0].reasons.find((r: any) => r.factor === 'NEED_FIT').explanation).toMatch(/Kardiologie \(wie gewünscht\)$/);
      expect(nodes.slice(1).map((n: any) => n.service.name)).toEqual(expect.arrayContaining(['kind-gp', 'kind-course']));
      expect(nodes.slice(1).every((n: any) => !n.preferredKind)).toBe(true);
      // without the preference the nearer course with no wait ranks above the cardiologist
      const plain = await kindNames({ needs: ['cardiovascular'] });
      expect(plain.indexOf('kind-course')).toBeLessThan(plain.indexOf('kind-cardiologist'));
      // heart + exercise: the course covers both needs, but the cardiologist answers the heart
      const res = await t.gql(KINDS, { request: { origin: ORIGIN, travel: { maxMinutes: 90 }, needs: ['cardiovascular', 'exercise'], partnerKinds: request.partnerKinds } });
      expect(res.data.matchReferralTargets.bundle.items.map((i: any) => [i.need.code, i.target.service.name])).toEqual([['cardiovascular', 'kind-cardiologist'], ['exercise', 'kind-course']]);
    });

    it('refuses a kind for a need not requested, an empty kind, and a specialty of a course, naming the field', async () => {
      const bad = [
        { partnerKinds: [{ need: 'addiction', category: 'CLINIC' }], field: 'request.partnerKinds.0.need' },
        { partnerKinds: [{ need: 'cardiovascular' }], field: 'request.partnerKinds.0' },
        { partnerKinds: [{ need: 'cardiovascular', category: 'COURSE', specialty: 'CARDIOLOGY' }], field: 'request.partnerKinds.0.specialty' },
      ];
      for (const { partnerKinds, field } of bad) {
        const res = await t.gql(KINDS, { request: { origin: ORIGIN, needs: ['cardiovascular'], partnerKinds } });
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });
  });

  describe('a need answers for its narrower needs', () => {
    const PARENT = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        unmetNeeds { code }
        targets(first: 50) { edges { node { service { name category } matchedNeeds { code } needMatches { need { code } via { code } } reasons { factor explanation } } } }
        bundle { items { need { code } explanation target { service { name } } } }
        beyondLimit { need { code } nearest { service { name } needMatches { need { code } via { code } } } }
      }
    }`;
    const parent = async (request: Record<string, unknown>) => {
      const res = await t.gql(PARENT, { request: { origin: ORIGIN, travel: { maxMinutes: 90 }, diversify: false, ...request } });
      expect(res.errors).toBeUndefined();
      return res.data.matchReferralTargets;
    };
    const byName = (r: any) => new Map<string, any>(r.targets.edges.map((e: any) => [e.node.service.name, e.node]));

    beforeAll(async () => {
      const at = (key: string, bearing: number, meters: number, service: Partial<ServiceImport>) => place({ key, bearing, meters, service: { name: key, ...service } });
      await t.app.get(CatalogueService).importOrganizations([
        // listed under narrower needs of "Psychische Gesundheit" only
        at('mh-crisis', 40, 2000, { category: ServiceCategory.PSYCHOSOCIAL_SERVICE, needs: ['crisis_intervention'] }),
        at('mh-pia', 45, 4000, { category: ServiceCategory.CLINIC, specialty: MedicalSpecialty.PSYCHIATRY, needs: ['psychiatric_treatment', 'specialist_assessment'] }),
        at('mh-therapist', 50, 3000, { category: ServiceCategory.PHYSICIAN, specialty: MedicalSpecialty.PSYCHOTHERAPY, needs: ['psychotherapy'] }),
        // under the need itself
        at('mh-direct', 55, 2500, { category: ServiceCategory.PSYCHOSOCIAL_SERVICE, needs: ['mental_health'] }),
        // under a narrower need, but of a kind that answers neither it nor mental health: a room, an insurer's centre
        at('mh-room', 42, 1000, { category: ServiceCategory.COMMUNITY_ROOM, needs: ['crisis_intervention', 'psychotherapy'] }),
        at('mh-insurer', 44, 1200, { category: ServiceCategory.HEALTH_INSURER, needs: ['psychotherapy'] }),
        // self-help, narrower than social participation
        at('mh-self-help', 60, 2200, { category: ServiceCategory.PSYCHOSOCIAL_SERVICE, needs: ['self_help'] }),
      ]);
    });

    it('finds for "mental health" the services of its narrower needs, each of that need’s own kinds, and says through which', async () => {
      const r = await parent({ needs: ['mental_health'] });
      const nodes = byName(r);
      for (const key of ['mh-crisis', 'mh-pia', 'mh-therapist', 'mh-direct']) expect(nodes.has(key)).toBe(true);
      for (const key of ['mh-room', 'mh-insurer']) expect(nodes.has(key)).toBe(false);
      expect(nodes.get('mh-crisis').needMatches).toEqual([{ need: { code: 'mental_health' }, via: [{ code: 'crisis_intervention' }] }]);
      expect(nodes.get('mh-pia').needMatches).toEqual([{ need: { code: 'mental_health' }, via: [{ code: 'psychiatric_treatment' }] }]);
      expect(nodes.get('mh-direct').needMatches).toEqual([{ need: { code: 'mental_health' }, via: [] }]);
      expect(nodes.get('mh-crisis').matchedNeeds).toEqual([{ code: 'mental_health' }]);
      expect(nodes.get('mh-crisis').reasons.find((x: any) => x.factor === 'NEED_FIT').explanation).toMatch(/^passt zu 1 von 1 Bedarfen: Psychische Gesundheit \(über Krisenintervention\)/);
      expect(nodes.get('mh-direct').reasons.find((x: any) => x.factor === 'NEED_FIT').explanation).toMatch(/^passt zu 1 von 1 Bedarfen: Psychische Gesundheit( —|$)/);
      // never the other way round: a narrower need does not find the broader need's services
      const crisis = byName(await parent({ needs: ['crisis_intervention'] }));
      expect(crisis.has('mh-crisis')).toBe(true);
      expect(crisis.has('mh-direct')).toBe(false);
      expect(crisis.has('mh-therapist')).toBe(false);
      // social participation answers for self-help
      expect(byName(await parent({ needs: ['social_participation'] })).get('mh-self-help')?.needMatches).toEqual([{ need: { code: 'social_participation' }, via: [{ code: 'self_help' }] }]);
    });

    it('applies a kind asked for the parent to every narrower need, and names the narrower need in the bundle', async () => {
      const pia = await parent({ needs: ['mental_health'], partnerKinds: [{ need: 'mental_health', category: 'CLINIC', specialty: 'PSYCHIATRY' }] });
      expect(pia.targets.edges.map((e: any) => e.node.service.name)).toEqual(['mh-pia']);
      // required for the parent, default for the child asked alongside: each requested need by its own kinds
      const both = await parent({ needs: ['mental_health', 'psychotherapy'], partnerKinds: [{ need: 'mental_health', category: 'CLINIC', specialty: 'PSYCHIATRY' }] });
      const nodes = byName(both);
      expect(nodes.get('mh-therapist').matchedNeeds).toEqual([{ code: 'psychotherapy' }]);
      expect(nodes.get('mh-pia').matchedNeeds).toEqual([{ code: 'mental_health' }]);
      const bundle = (await parent({ needs: ['mental_health', 'exercise'], partnerKinds: [{ need: 'mental_health', category: 'CLINIC', specialty: 'PSYCHIATRY' }] })).bundle;
      const item = bundle.items.find((i: any) => i.need.code === 'mental_health');
      expect(item.target.service.name).toBe('mh-pia');
      expect(item.explanation).toMatch(/^Klinik, bestes erreichbares Angebot für „Psychische Gesundheit“; über „Psychiatrische Behandlung“/);
    });

    it('offers beyond the limit an option of a narrower need', async () => {
      const r = await parent({ needs: ['mental_health'], travel: { mode: 'WALK', maxMinutes: 1 } });
      expect(r.unmetNeeds).toEqual([{ code: 'mental_health' }]);
      const [option] = r.beyondLimit;
      expect(['mh-crisis', 'mh-direct', 'mh-therapist', 'mh-pia', 'mid-no-wait', 'unknown-wait']).toContain(option.nearest.service.name);
      expect(option.nearest.needMatches[0].need.code).toBe('mental_health');
    });
  });

  describe('what a coach hands over, and rooms for outreach consultations', () => {
    const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensAt: '09:00', closesAt: '12:00' }));
    const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
    const STARTS = mondayAfter(10);
    const HANDOVER = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        targets(first: 10) { edges { node {
          service { name } phone { number label } openingToday { date weekday hours { opensAt closesAt } openNow textDe }
          nextSession { startsOn endsOn weekday startTime endTime seats freeSeats textDe } costDe lastVerifiedOn handoverDe
        } } }
      }
    }`;

    beforeAll(async () => {
      const at = (bearing: number, meters: number) => destination(ORIGIN.latitude, ORIGIN.longitude, bearing, meters);
      const course = at(15, 2000);
      const room = at(200, 700);
      const bigRoom = at(210, 1500);
      const farRoom = at(220, 40_000);
      const org = (name: string, p: { latitude: number; longitude: number }, phone: { number: string; label: string } | null, services: Partial<ServiceImport>[]): OrganizationImport => ({
        ...organizationAt(name, p.latitude, p.longitude, services.map((x) => serviceFixture(x))),
        // the organisation's own numbers are not the place's: a coach hands over the place's
        phones: [{ number: '+49 351 0000 999', label: 'Zentrale Dresden' }],
        locations: [{ key: 'main', street: 'Teststraße 1', postcode: '01662', town: 'Meißen', latitude: p.latitude, longitude: p.longitude, ...(phone ? { phones: [phone] } : {}) }],
      });
      await t.app.get(CatalogueService).importOrganizations([
        org('Kursträger Rücken (fiktiv)', course, { number: '+49 3521 0000 111', label: 'Kursanmeldung' }, [{
          name: 'handover-back-course', category: ServiceCategory.COURSE, needs: ['weight_management'], openingHours: EVERY_DAY,
          cost: { type: CostType.FEE, feeAmountEuro: 40 },
          sessions: [
            { startsOn: STARTS, endsOn: isoDate(Date.parse(STARTS) + 49 * DAY), weekday: 1, startTime: '18:00', endTime: '19:30', seats: 12, freeSeats: 4 },
            { startsOn: isoDate(Date.parse(STARTS) + 70 * DAY), endsOn: isoDate(Date.parse(STARTS) + 119 * DAY), weekday: 1, startTime: '18:00', endTime: '19:30', seats: 12, freeSeats: 12 },
          ],
        }, { name: 'handover-weight-counselling', category: ServiceCategory.PHYSICIAN, needs: ['weight_management'], openingHours: EVERY_DAY, cost: { type: CostType.INSURER_SUBSIDISED } }]),
        org('Stadt Meißen – Testhaus (fiktiv)', room, { number: '+49 3521 0000 222', label: 'Raumvergabe' }, [{
          name: 'room-consultation', category: ServiceCategory.COMMUNITY_ROOM, needs: ['weight_management', 'social_participation'], openingHours: [{ weekday: 2, opensAt: '08:00', closesAt: '18:00' }],
          equipment: [RoomEquipment.CONFIDENTIAL, RoomEquipment.DESK, RoomEquipment.WIFI], eligibilityNote: 'Buchung über die Stadtverwaltung.',
        }]),
        org('Stadt Meißen – Gruppenhaus (fiktiv)', bigRoom, null, [{
          name: 'room-group', category: ServiceCategory.COMMUNITY_ROOM, needs: ['social_participation'], openingHours: [{ weekday: 4, opensAt: '10:00', closesAt: '20:00' }],
          equipment: [RoomEquipment.GROUP_SEATING, RoomEquipment.WIFI],
        }]),
        org('Stadt Fernhausen (fiktiv)', farRoom, null, [{ name: 'room-far', category: ServiceCategory.COMMUNITY_ROOM, needs: ['social_participation'], equipment: [RoomEquipment.CONFIDENTIAL] }]),
      ]);
      await t.app.get(DataSource).query(`UPDATE service SET verified_at = now() - interval '3 days', verified_by = 'Test' WHERE name = 'handover-back-course'`);
    });

    it("gives every target the place's labelled phone, today's hours, the next course run, the cost in words and the last verification", async () => {
      const res = await t.gql(HANDOVER, { request: { needs: ['weight_management'], origin: ORIGIN, diversify: false } });
      expect(res.errors).toBeUndefined();
      const nodes = new Map<string, any>(res.data.matchReferralTargets.targets.edges.map((e: any) => [e.node.service.name, e.node]));
      // a room is not a referral target for weight
      expect([...nodes.keys()].sort()).toEqual(['handover-back-course', 'handover-weight-counselling']);
      const course = nodes.get('handover-back-course');
      expect(course.phone).toEqual({ number: '+49 3521 0000 111', label: 'Kursanmeldung' });
      const today = course.openingToday;
      expect(today.hours).toEqual([{ opensAt: '09:00', closesAt: '12:00' }]);
      expect(today.textDe).toBe(`heute (${WEEKDAYS[today.weekday - 1]}) 09:00–12:00`);
      expect(today.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const [y, m, d] = STARTS.split('-');
      expect(course.nextSession).toMatchObject({ startsOn: STARTS, weekday: 1, startTime: '18:00', endTime: '19:30', seats: 12, freeSeats: 4 });
      expect(course.nextSession.textDe).toMatch(new RegExp(`^nächster Kurs ab Mo, ${d}\\.${m}\\.${y}, 18:00–19:30, wöchentlich bis .*; 4 von 12 Plätzen frei$`));
      expect(course.costDe).toBe('Gebühr 40 €');
      expect(course.lastVerifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(course.handoverDe).toMatch(/^Tel\. \(Kursanmeldung\) \+49 3521 0000 111 · nächster Kurs ab Mo, .* · Gebühr 40 € · zuletzt geprüft am \d{2}\.\d{2}\.\d{4}$/);
      const other = nodes.get('handover-weight-counselling');
      expect(other.nextSession).toBeNull();
      expect(other.costDe).toBe('Krankenkasse bezuschusst');
      expect(other.lastVerifiedOn).toBeNull();
      expect(other.handoverDe).toMatch(/· heute \(\w+\) 09:00–12:00 · Krankenkasse bezuschusst · noch nicht von der Koordination geprüft$/);
    });

    const ROOMS = `query($near: OriginInput!, $equipment: [RoomEquipment!], $weekday: Int, $km: Float) {
      rooms(near: $near, equipment: $equipment, weekday: $weekday, maxKilometers: $km) {
        origin { kind description }
        rooms { service { name category } location { town } providerName distanceMeters equipment equipmentDe openingHours { weekday opensAt closesAt } openingToday { textDe } phone { number label } bookingNote explanation }
      }
    }`;

    it('finds rooms for an outreach consultation near a point or a place, nearest first, with hours and equipment', async () => {
      const res = await t.gql(ROOMS, { near: ORIGIN });
      expect(res.errors).toBeUndefined();
      // this suite's own rooms (the kinds-of-partner fixtures hold one more, without equipment)
      const mine = (r: any): string[] => r.data.rooms.rooms.map((x: any) => x.service.name).filter((n: string) => n.startsWith('room-'));
      expect(mine(res)).toEqual(['room-consultation', 'room-group']);
      const first = res.data.rooms.rooms.find((r: any) => r.service.name === 'room-consultation');
      expect(first).toMatchObject({
        service: { category: 'COMMUNITY_ROOM' }, providerName: 'Stadt Meißen – Testhaus (fiktiv)',
        equipment: ['CONFIDENTIAL', 'DESK', 'WIFI'], equipmentDe: ['abschließbar, für vertrauliche Gespräche', 'Schreibtisch', 'WLAN'],
        openingHours: [{ weekday: 2, opensAt: '08:00', closesAt: '18:00' }], phone: { number: '+49 3521 0000 222', label: 'Raumvergabe' },
        bookingNote: 'Buchung über die Stadtverwaltung.',
      });
      expect(first.explanation).toMatch(/^room-consultation, 0,7 km Luftlinie; geöffnet Di 08:00–18:00; abschließbar, für vertrauliche Gespräche, Schreibtisch, WLAN; Buchung über die Stadtverwaltung\.$/);
      expect((await t.gql(ROOMS, { near: ORIGIN, equipment: ['GROUP_SEATING'] })).data.rooms.rooms.map((r: any) => r.service.name)).toEqual(['room-group']);
      expect(mine(await t.gql(ROOMS, { near: ORIGIN, weekday: 4 }))).toEqual(['room-group']);
      expect((await t.gql(ROOMS, { near: ORIGIN, km: 60, equipment: ['CONFIDENTIAL'] })).data.rooms.rooms.map((r: any) => r.service.name)).toEqual(['room-consultation', 'room-far']);
      const byPlace = await t.gql(ROOMS, { near: { place: 'Meißen' } });
      expect(byPlace.data.rooms.origin.kind).toBe('PLACE');
      expect(byPlace.data.rooms.rooms.length).toBeGreaterThan(0);
      const bad = await t.gql(ROOMS, { near: { place: 'Meißen' }, km: 500 });
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxKilometers' });
      const outside = await t.gql(ROOMS, { near: { latitude: 52.52, longitude: 13.405 } });
      expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'near' });
    });
  });

  describe('outreach and online services where they serve', () => {
    const OUTREACH = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        targets(first: 20) { edges { node { service { name serviceArea { ags level } } comesToPerson travelMinutes handoverDe reasons { factor value explanation } } } }
      }
    }`;
    const reach = async (request: Record<string, unknown>) => {
      const res = await t.gql(OUTREACH, { request: { needs: ['smoking_cessation'], origin: ORIGIN, ...request } });
      expect(res.errors).toBeUndefined();
      return new Map<string, any>(res.data.matchReferralTargets.targets.edges.map((e: any) => [e.node.service.name, e.node]));
    };

    beforeAll(async () => {
      const at = (key: string, meters: number, service: Partial<ServiceImport>) => place({ key, bearing: 150, meters, service: { name: key, needs: ['smoking_cessation'], ...service } });
      await t.app.get(CatalogueService).importOrganizations([
        at('outreach-served', 45_000, { deliveryModes: [DeliveryMode.OUTREACH], serviceArea: ['14627'] }),
        at('outreach-elsewhere', 45_500, { deliveryModes: [DeliveryMode.OUTREACH], serviceArea: ['14612'] }),
        at('online-served', 46_000, { deliveryModes: [DeliveryMode.ONLINE], serviceArea: ['14627'] }),
        at('in-person-far', 44_000, {}),
        at('in-person-near', 2000, {}),
      ]);
    });

    it('is not excluded by the travel limit when its service area holds the origin, and says it comes to the person', async () => {
      const found = await reach({ travel: { maxMinutes: 30 } });
      expect([...found.keys()].sort()).toEqual(['in-person-near', 'online-served', 'outreach-served']);
      const outreach = found.get('outreach-served');
      expect(outreach.comesToPerson).toBe(true);
      expect(outreach.service.serviceArea).toEqual([{ ags: '14627', level: 'DISTRICT' }]);
      const reason = (f: string) => outreach.reasons.find((r: any) => r.factor === f);
      expect(reason('TRAVEL_TIME')).toMatchObject({ value: 1, explanation: 'kommt zu Ihnen (aufsuchend) – keine Anfahrt' });
      expect(reason('OUTREACH').explanation).toBe('kommt zu Ihnen (aufsuchend): das Einsatzgebiet umfasst den Wohnort');
      expect(outreach.handoverDe).toContain('kommt zu Ihnen (aufsuchend)');
      expect(found.get('online-served').reasons.find((r: any) => r.factor === 'TRAVEL_TIME').explanation).toBe('online, von zu Hause aus – keine Anfahrt');
      expect(found.get('in-person-near').comesToPerson).toBe(false);
    });

    it('keeps the request’s delivery modes: in person only finds none of them, online only the online one', async () => {
      expect([...(await reach({ travel: { maxMinutes: 30 }, constraints: { deliveryModes: ['IN_PERSON'] } })).keys()]).toEqual(['in-person-near']);
      expect([...(await reach({ travel: { maxMinutes: 30 }, constraints: { deliveryModes: ['ONLINE'] } })).keys()]).toEqual(['online-served']);
    });
  });

  describe('bad requests', () => {
    const BAD: { name: string; request: Record<string, unknown>; field: string }[] = [
      { name: 'no needs', request: { needs: [], origin: ORIGIN }, field: 'request.needs' },
      { name: 'unknown need', request: { needs: ['astrology'], origin: ORIGIN }, field: 'request.needs' },
      { name: 'origin outside the data', request: { needs: ['addiction'], origin: { latitude: 52.52, longitude: 13.405 } }, field: 'request.origin' },
      { name: 'negative minutes', request: { needs: ['addiction'], origin: ORIGIN, travel: { maxMinutes: -10 } }, field: 'request.travel.maxMinutes' },
      { name: 'latitude 91', request: { needs: ['addiction'], origin: { latitude: 91, longitude: 13 } }, field: 'request.origin.latitude' },
      { name: 'two origins', request: { needs: ['addiction'], origin: { ...ORIGIN, postcode: '01662' } }, field: 'request.origin' },
      { name: 'unknown municipality', request: { needs: ['addiction'], origin: { municipalityAgs: '14999999' } }, field: 'request.origin.municipalityAgs' },
      { name: 'bad time', request: { needs: ['addiction'], origin: ORIGIN, constraints: { openAt: { weekday: 3, time: '25:00' } } }, field: 'request.constraints.openAt.time' },
      { name: 'more needs than any request may name', request: { needs: Array.from({ length: 21 }, (_, i) => `need_${i}`), origin: ORIGIN }, field: 'request.needs' },
      { name: 'departure window backwards', request: { needs: ['addiction'], origin: ORIGIN, travel: { departure: { from: '09:00', to: '08:00' } } }, field: 'request.travel.departure.to' },
      { name: 'departure weekday 8', request: { needs: ['addiction'], origin: ORIGIN, travel: { departure: { weekday: 8 } } }, field: 'request.travel.departure.weekday' },
      { name: 'departure time 7:5', request: { needs: ['addiction'], origin: ORIGIN, travel: { departure: { from: '7:5' } } }, field: 'request.travel.departure.from' },
    ];
    it.each(BAD)('$name → BAD_USER_INPUT on $field', async ({ request, field }) => {
      const res = await match(request);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  describe('privacy', () => {
    it('stores nothing of a request and logs none of its values', async () => {
      const db = t.app.get(DataSource);
      const tables: string[] = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r: any) => r.tablename);
      const counts = async () => Promise.all(tables.map(async (table) => `${table}:${(await db.query(`SELECT count(*)::int AS n FROM "${table}"`))[0].n}`));
      const before = await counts();
      const logStart = t.logLines.length;
      // distinctive values: an odd origin, a rare need combination, an unusual age and time
      const origin = { latitude: 51.16171717, longitude: 13.47373737 };
      const res = await match({
        needs: ['debt_counselling', 'family_couples'], origin, districtAgs: '14612',
        constraints: { age: 47, languages: ['fa'], openAt: { weekday: 6, time: '13:47' } },
      });
      expect(res.errors).toBeUndefined();
      // a household too: each person's needs and constraints, the same odd origin
      const household = await t.gql(`query($request: HouseholdRequestInput!) { matchHousehold(request: $request) { members { label } plan { explanation } } }`, { request: {
        origin, districtAgs: '14612',
        members: [{ needs: ['debt_counselling'], constraints: { age: 47, openAt: { weekday: 6, time: '13:47' } } }, { needs: ['family_couples'], constraints: { languages: ['fa'] } }],
      } });
      expect(household.errors).toBeUndefined();
      expect(await counts()).toEqual(before);
      for (const table of tables) {
        const [hit] = await db.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE '%51.1617171%' OR t::text LIKE '%13:47%' OR t::text LIKE '%13.4737373%'`);
        expect({ table, hits: hit.n }).toEqual({ table, hits: 0 });
      }
      // the logger's own clock and the request's duration could contain "47" or "13:47" by chance
      const logs = t.logLines
        .slice(logStart)
        .map((line) => JSON.stringify({ ...JSON.parse(line), time: undefined, durationMs: undefined }))
        .join('\n');
      expect(logs).toContain('graphql request');
      for (const value of ['51.1617', '13.4737', 'debt_counselling', 'family_couples', '13:47', '"fa"', '14612', '47']) {
        expect({ value, logged: logs.includes(value) }).toEqual({ value, logged: false });
      }
    });

    it('stores and logs no origin: neither a postcode nor a place as the coach typed it, for a match or a room search', async () => {
      const db = t.app.get(DataSource);
      const tables: string[] = (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r: any) => r.tablename);
      // Postcodes and place names are reference data, so a search for the values alone proves nothing:
      // every table's whole content must be the same before and after.
      const checksums = async () =>
        Promise.all(tables.map(async (table) => `${table}:${(await db.query(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`))[0].h}`));
      const before = await checksums();
      const logStart = t.logLines.length;
      const typed = 'Zabeltitzz';
      for (const origin of [{ postcode: '01623' }, { place: typed }, { place: '14521330' }]) {
        const res = await match({ needs: ['addiction'], origin, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 240 } });
        expect(res.errors).toBeUndefined();
      }
      // nor a room search near the person's place
      const rooms = await t.gql(`query($near: OriginInput!) { rooms(near: $near) { origin { kind } rooms { explanation } } }`, { near: { place: typed } });
      expect(rooms.errors).toBeUndefined();
      const completion = await t.gql(`query($t: String!) { places(text: $t) { place { id } } }`, { t: typed });
      expect(completion.data.places[0].place.id).toBe('14627060-zabeltitz');
      expect(await checksums()).toEqual(before);
      for (const table of tables) {
        const [hit] = await db.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text ILIKE '%zabeltitzz%'`);
        expect({ table, hits: hit.n }).toEqual({ table, hits: 0 });
      }
      const logs = t.logLines.slice(logStart).join('\n');
      expect(logs).toContain('graphql request');
      for (const value of ['01623', 'Zabeltitz', 'abeltitzz', '14521330', 'Lommatzsch', 'Jöhstadt']) {
        expect({ value, logged: logs.includes(value) }).toEqual({ value, logged: false });
      }
    });
  });
});

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
