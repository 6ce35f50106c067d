import { CatalogueService, NEED_TERMS } from '@lotse/catalogue';
import { Environment } from '@lotse/config';
import { MATCH_LIMITS, MatchingService, MatchLimits, MAX_NEEDS_PER_REQUEST } from '@lotse/matching';
import { TravelMode } from '@lotse/travel';
import { databaseTargets, startTestApp, TestApp } from './support/test-app';

/*
 * A match's CPU is bounded (issue 12, point 3: "keep any request's CPU bounded", "Node serves nobody
 * else meanwhile"), on the demo catalogue from Meißen as in the issue: while a heavy match computes
 * it gives the event loop turns, so a small request is answered before it; a match whose counted
 * work is over MATCH_WORK_LIMIT is refused before it scores anything, with MATCH_TOO_LARGE naming
 * the limit. Orderings and counts only — how fast is measured by `npm run bench:needs`.
 */

const MEISSEN = { municipalityAgs: '14627140' };
const ALL_NEEDS = NEED_TERMS.map((t) => t.code).slice(0, MAX_NEEDS_PER_REQUEST);
/** the stalling request: 10 needs × 180 min by public transport, not diversified */
const HEAVY = { needs: ALL_NEEDS.slice(0, 10), origin: MEISSEN, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 180 }, diversify: false };
/** the most one request may ask: every need × 240 min */
const LARGEST = { ...HEAVY, needs: ALL_NEEDS, travel: { mode: 'PUBLIC_TRANSPORT', maxMinutes: 240 } };
/** between what HEAVY and LARGEST score on the demo catalogue (asserted below) */
const WORK_LIMIT = 9_000;

const MATCH = `query($request: MatchRequestInput!) {
  matchReferralTargets(request: $request) { consideredCandidates targets(first: 10) { totalCount } bundle { distinctOrganizations } }
}`;

/** the same request to the service itself (its mode is the enum's value, not its GraphQL name) */
const serviceRequest = (r: typeof HEAVY) => ({ ...r, travel: { ...r.travel, mode: TravelMode.PUBLIC_TRANSPORT }, constraints: {}, preferences: {} });

describe.each(databaseTargets())('the match budget on the $name database (demo data)', (target) => {
  let t: TestApp;

  beforeAll(async () => {
    // turns every ms: the demo catalogue's heavy match computes tens of ms, a small request needs a few turns
    t = await startTestApp(target, { SEED_DEMO_DATA: 'true', SEARCH_OUTBOX_POLL_MS: '0', MATCH_WORK_LIMIT: String(WORK_LIMIT), MATCH_SLICE_MS: '1' });
  }, 600_000);
  afterAll(() => t?.close());
  afterEach(() => jest.restoreAllMocks());

  it('takes its limits from the validated environment', () => {
    const env = t.app.get(Environment);
    expect(t.app.get<MatchLimits>(MATCH_LIMITS)).toEqual({ workUnits: WORK_LIMIT, timeMs: env.MATCH_TIME_LIMIT_MS, sliceMs: 1 });
  });

  it('scores within its counted budget: the heavy request under the limit, the largest over it', async () => {
    const matching = t.app.get(MatchingService);
    const heavy = await matching.match(serviceRequest(HEAVY));
    expect(heavy.work.scoredPairs).toBe(heavy.work.candidates * HEAVY.needs.length);
    expect(heavy.work.scoredPairs).toBeLessThanOrEqual(WORK_LIMIT);
    await expect(matching.match(serviceRequest(LARGEST))).rejects.toMatchObject({ code: 'MATCH_TOO_LARGE' });
  });

  it('answers a small request while a heavy match computes, before the match', async () => {
    // the small request is sent when the heavy match has its candidates, i.e. when its CPU work starts
    const catalogue = t.app.get(CatalogueService);
    const find = catalogue.findMatchCandidates.bind(catalogue);
    let scoringStarts!: () => void;
    const started = new Promise<void>((resolve) => (scoringStarts = resolve));
    jest.spyOn(catalogue, 'findMatchCandidates').mockImplementationOnce(async (criteria) => {
      const candidates = await find(criteria);
      scoringStarts();
      return candidates;
    });
    const done: string[] = [];
    const heavy = t.gql(MATCH, { request: HEAVY }).then((res) => (done.push('heavy match'), res));
    await started;
    const small = await t.gql('{ __typename }').then((res) => (done.push('small request'), res));
    const match = await heavy;
    expect(small).toEqual({ data: { __typename: 'Query' } });
    expect(match.errors).toBeUndefined();
    expect(match.data.matchReferralTargets.targets.totalCount).toBeGreaterThan(100);
    expect(done).toEqual(['small request', 'heavy match']);
  });

  it('yields the event loop while it scores, and counts the turns', async () => {
    const outcome = await t.app.get(MatchingService).match(serviceRequest(HEAVY));
    expect(outcome.work.slices).toBeGreaterThan(0);
  });

  it('refuses a match over MATCH_WORK_LIMIT before scoring, naming the limit', async () => {
    const res = await t.gql(MATCH, { request: LARGEST });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.extensions).toMatchObject({ code: 'MATCH_TOO_LARGE', limit: 'MATCH_WORK_LIMIT', maxValue: WORK_LIMIT, needed: expect.any(Number) });
    expect((error.extensions as any).needed).toBeGreaterThan(WORK_LIMIT);
    expect(error.message).toContain(`the limit (MATCH_WORK_LIMIT) is ${WORK_LIMIT}`);
    // a smaller request from the same place is answered
    const small = await t.gql(MATCH, { request: { ...HEAVY, needs: ALL_NEEDS.slice(0, 3) } });
    expect(small.errors).toBeUndefined();
  });
});
