import { NEED_TERMS } from '@lotse/catalogue';
import { BUNDLE_COST, BUNDLE_STEPS_PER_NEED_OPTION, CANDIDATE_LIMIT, MatchingService, MAX_NEEDS_PER_REQUEST } from '@lotse/matching';
import { TravelMode } from '@lotse/travel';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * What a request may cost (issue 12, point 3), on the demo catalogue: a match's work grows with
 * needs × candidates, not combinatorially.
 */

// Meißen, as in the issue: public transport, no diversification
const MEISSEN = { municipalityAgs: '14627140' };
// as many needs as one request may name (MAX_NEEDS_PER_REQUEST), from the start of the taxonomy
const ALL_NEEDS = NEED_TERMS.map((t) => t.code).slice(0, MAX_NEEDS_PER_REQUEST);

describe.each(databaseTargets())('query cost on the $name database (demo data)', (target) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true', SEARCH_OUTBOX_POLL_MS: '0' });
  });
  afterAll(() => t?.close());

  describe('a match with many needs', () => {
    const MATCH = `query($request: MatchRequestInput!) {
      matchReferralTargets(request: $request) {
        consideredCandidates unmetNeeds { code }
        targets(first: 10) { totalCount }
        bundle { distinctOrganizations distinctLocations items { need { code } target { service { id } matchedNeeds { code } } } }
      }
    }`;

    it.each([
      [10, 180],
      [ALL_NEEDS.length, 240],
    ])('answers %i needs × %i min with a bundle covering every need (the issue’s 78-second request)', async (count, minutes) => {
      const needs = ALL_NEEDS.slice(0, count);
      const res = await t.gql(MATCH, { request: { needs, origin: MEISSEN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: minutes }, diversify: false } });
      expect(res.errors).toBeUndefined();
      const result = res.data.matchReferralTargets;
      expect(result.targets.totalCount).toBeGreaterThan(100);
      expect(result.unmetNeeds).toEqual([]);
      expect(result.bundle.items.map((i: any) => i.need.code)).toEqual(needs);
      for (const item of result.bundle.items) expect(item.target.matchedNeeds.map((n: any) => n.code)).toContain(item.need.code);
    });

    it('stays within its counted work for 10 to 17 needs: candidates ≤ 400 per need, bundle steps ≤ 64 × needs × options', async () => {
      const matching = t.app.get(MatchingService);
      for (let count = 10; count <= ALL_NEEDS.length; count++) {
        const outcome = await matching.match({
          needs: ALL_NEEDS.slice(0, count),
          origin: MEISSEN,
          travel: { mode: TravelMode.PUBLIC_TRANSPORT, maxMinutes: 240 },
          constraints: {},
          preferences: {},
          diversify: false,
        });
        expect(outcome.bundle()).not.toBeNull();
        expect(outcome.work.candidates).toBeLessThanOrEqual(CANDIDATE_LIMIT * count);
        expect(outcome.work.bundleSteps).toBeGreaterThan(0);
        const options = count * BUNDLE_COST.candidatesPerNeed;
        expect(outcome.work.bundleSteps).toBeLessThanOrEqual(BUNDLE_STEPS_PER_NEED_OPTION * count * options + options);
      }
    });

    it('searches the bundle only when it is asked for', async () => {
      const outcome = await t.app.get(MatchingService).match({
        needs: ALL_NEEDS,
        origin: MEISSEN,
        travel: { mode: TravelMode.PUBLIC_TRANSPORT, maxMinutes: 240 },
        constraints: {},
        preferences: {},
        diversify: false,
      });
      expect(outcome.work.bundleSteps).toBe(0);
      outcome.bundle();
      const steps = outcome.work.bundleSteps;
      expect(steps).toBeGreaterThan(0);
      outcome.bundle();
      expect(outcome.work.bundleSteps).toBe(steps);
    });
  });
});
