import { AccessibilityFeature, DeliveryMode, ListingFacts, ServiceCategory } from '@lotse/catalogue';
import { compareTargets, Rankable } from './rank';
import { effectiveWeights, factorValues, weightedScore } from './score';
import { DEFAULT_WEIGHT_SET, Weights } from './weights';

const now = new Date('2026-11-22T12:00:00Z');
const DAY = 86_400_000;

function facts(overrides: Partial<ListingFacts> = {}): ListingFacts {
  return {
    id: 's', organizationId: 'o', category: ServiceCategory.SOCIAL_SERVICE, specialty: null, languages: ['de'], accessibility: [AccessibilityFeature.STEP_FREE_ACCESS],
    deliveryModes: [DeliveryMode.IN_PERSON], acceptingNewClients: true, freeSeats: null, waitingDays: 7, capacityUpdatedAt: new Date(now.getTime() - DAY),
    ...overrides,
  };
}

/** A target as the matcher scores it: the documented factors and weights, nothing made up. */
function target(id: string, matched: number, requested: number, service: ListingFacts, weights: Weights, travelMinutes = 20, preferredKinds = 0): Rankable {
  const values = factorValues({ service, matchedNeeds: matched, requestedNeeds: requested, travelMinutes, limitMinutes: 60, inOwnDistrict: true, languages: [], now });
  return { coverage: matched, preferredKinds, score: weightedScore(values, weights), distanceMeters: travelMinutes * 300, service: { id }, location: { id: `${id}-l` } };
}

const ranked = (targets: Rankable[]) => [...targets].sort(compareTargets).map((t) => t.service.id);

describe('ranking rule: fit dominates', () => {
  const shortWait = effectiveWeights(DEFAULT_WEIGHT_SET.weights, { shortWait: true });
  // the case: with shortWait, an offer covering 1 of 4 needs with a free place today and
  // fresh data, against one covering 3 of 4 that is full and has not been updated for half a year
  const oneOfFour = target('one-of-four', 1, 4, facts({ waitingDays: 0, capacityUpdatedAt: now }), shortWait);
  const threeOfFour = target('three-of-four', 3, 4, facts({ acceptingNewClients: false, waitingDays: 90, capacityUpdatedAt: new Date(now.getTime() - 180 * DAY) }), shortWait);

  it('never lets capacity or freshness alone lift a target above one covering more needs', () => {
    // the weighted mean alone would put the 1-of-4 offer first: the rule is what decides
    expect(oneOfFour.score).toBeGreaterThan(threeOfFour.score);
    expect(ranked([oneOfFour, threeOfFour])).toEqual(['three-of-four', 'one-of-four']);
  });

  it('lets capacity and freshness decide between targets of equal coverage', () => {
    const open = target('open', 2, 4, facts({ waitingDays: 0, capacityUpdatedAt: now }), shortWait);
    const full = target('full', 2, 4, facts({ acceptingNewClients: false, capacityUpdatedAt: now }), shortWait);
    expect(ranked([full, open])).toEqual(['open', 'full']);
    const fresh = target('fresh', 2, 4, facts({ capacityUpdatedAt: now }), DEFAULT_WEIGHT_SET.weights);
    const stale = target('stale', 2, 4, facts({ capacityUpdatedAt: new Date(now.getTime() - 120 * DAY) }), DEFAULT_WEIGHT_SET.weights);
    expect(ranked([stale, fresh])).toEqual(['fresh', 'stale']);
  });

  it('holds for any mix of targets and weights: coverage never rises down the ranking, and equal coverage is ordered by score', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const requested = 1 + Math.floor(random() * 5);
      const weights = effectiveWeights(DEFAULT_WEIGHT_SET.weights, { shortWait: random() < 0.5, ownDistrict: random() < 0.5, outreach: random() < 0.5 });
      const targets = Array.from({ length: 12 }, (_, i) =>
        target(`t${i}`, 1 + Math.floor(random() * requested), requested, facts({
          acceptingNewClients: random() < 0.8, waitingDays: random() < 0.2 ? null : Math.floor(random() * 120),
          capacityUpdatedAt: new Date(now.getTime() - random() * 200 * DAY), freeSeats: random() < 0.1 ? 0 : null,
        }), weights, random() * 60),
      );
      const order = [...targets].sort(compareTargets);
      for (let i = 1; i < order.length; i++) {
        expect(order[i - 1].coverage).toBeGreaterThanOrEqual(order[i].coverage);
        if (order[i - 1].coverage === order[i].coverage) expect(order[i - 1].score).toBeGreaterThanOrEqual(order[i].score);
      }
    }
  });

  it('ranks the preferred kind of partner right after coverage: above a better score, never above more coverage', () => {
    const w = DEFAULT_WEIGHT_SET.weights;
    // the course is nearer and has no wait; the orthopaedist the coach asked for is farther and full for weeks
    const course = target('course', 1, 2, facts({ waitingDays: 0, capacityUpdatedAt: now }), w, 10);
    const orthopaedist = target('orthopaedist', 1, 2, facts({ waitingDays: 60 }), w, 50, 1);
    expect(course.score).toBeGreaterThan(orthopaedist.score);
    expect(ranked([course, orthopaedist])).toEqual(['orthopaedist', 'course']);
    const both = target('both-needs', 2, 2, facts({ waitingDays: 90 }), w, 55);
    expect(ranked([course, orthopaedist, both])).toEqual(['both-needs', 'orthopaedist', 'course']);
  });

  it('is a total order: ties go to the nearer, then to the ids', () => {
    const a = { coverage: 1, preferredKinds: 0, score: 0.5, distanceMeters: 100, service: { id: 'b' }, location: { id: 'x' } };
    const b = { ...a, distanceMeters: 50 };
    const c = { ...a, service: { id: 'a' } };
    expect([a, b, c].sort(compareTargets)).toEqual([b, c, a]);
    expect(compareTargets(a, a)).toBe(0);
  });
});
