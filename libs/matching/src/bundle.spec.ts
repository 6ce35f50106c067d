import { AccessibilityFeature, DeliveryMode, NeedTerm, ServiceCategory } from '@lotse/catalogue';
import { TravelMode } from '@lotse/travel';
import { BUNDLE_COST, BUNDLE_STEPS_PER_NEED_OPTION, bestBundle, bundleCost, bundleOptions, searchBundle, WorkMeter } from './bundle';
import { MatchTarget } from './matching.types';
import { compareTargets } from './scoring/rank';
import { MatchFactor } from './scoring/weights';

/** sfc32: a small seeded generator, so every instance can be reproduced from its number. */
function rng(seed: number): () => number {
  let [a, b, c, d] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, seed >>> 0];
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

const need = (code: string): NeedTerm => ({ code, labelDe: code }) as NeedTerm;

interface Shape {
  needs: number;
  targets: number;
  locations: number;
  organizations: number;
  /** chance that a target addresses a further need */
  multiNeed: number;
}

/**
 * A random instance shaped like a match: locations belong to organisations, several services share
 * a location, targets address one or more needs, travel minutes belong to the location, and the
 * ranking is by score.
 */
function instance(seed: number, shape: Shape): { needs: NeedTerm[]; ranked: MatchTarget[] } {
  const r = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const needs = Array.from({ length: shape.needs }, (_, i) => need(`n${i}`));
  const locations = Array.from({ length: shape.locations }, (_, i) => ({ id: `l${i}`, organizationId: `o${int(0, shape.organizations - 1)}`, minutes: 3 + r() * 60 }));
  const ranked: MatchTarget[] = [];
  for (let t = 0; t < shape.targets; t++) {
    const location = locations[int(0, locations.length - 1)];
    const matched = new Set([needs[int(0, needs.length - 1)]]);
    while (r() < shape.multiNeed) matched.add(needs[int(0, needs.length - 1)]);
    ranked.push({
      service: { id: `s${t}`, organizationId: location.organizationId },
      location: { id: location.id },
      distanceMeters: location.minutes * 300,
      travelMinutes: location.minutes,
      travelMode: 'PUBLIC_TRANSPORT',
      score: 0.2 + r() * 0.7,
      matchedNeeds: [...matched],
      matchedVia: [],
      inOwnDistrict: true,
      values: {},
    } as unknown as MatchTarget);
  }
  ranked.sort((a, b) => b.score - a.score);
  return { needs, ranked };
}

/**
 * The former algorithm, as the oracle: every combination of the options (6^needs), its cost kept
 * incrementally so that thousands of instances of up to six needs take seconds.
 */
function exhaustive(options: MatchTarget[][]): number {
  let best = Infinity;
  const locations = new Map<string, number>();
  const organizations = new Map<string, number>();
  const visit = (i: number, cost: number) => {
    if (i === options.length) {
      best = Math.min(best, cost);
      return;
    }
    for (const t of options[i]) {
      const [l, o] = [t.location.id, t.service.organizationId];
      const c = cost - BUNDLE_COST.scoreMinutes * t.score + (locations.get(l) ? 0 : t.travelMinutes + BUNDLE_COST.locationMinutes) + (organizations.get(o) ? 0 : BUNDLE_COST.organizationMinutes);
      locations.set(l, (locations.get(l) ?? 0) + 1);
      organizations.set(o, (organizations.get(o) ?? 0) + 1);
      visit(i + 1, c);
      locations.set(l, locations.get(l)! - 1);
      organizations.set(o, organizations.get(o)! - 1);
    }
  };
  visit(0, -BUNDLE_COST.locationMinutes - BUNDLE_COST.organizationMinutes);
  return best;
}

describe('bestBundle', () => {
  // [name, shape, instances]: 2,900 instances in all (six needs: 46,656 combinations each)
  const shapes: [string, Shape, number][] = [
    ['two needs', { needs: 2, targets: 12, locations: 6, organizations: 4, multiNeed: 0.3 }, 500],
    ['few places, many shared', { needs: 4, targets: 20, locations: 5, organizations: 3, multiNeed: 0.4 }, 600],
    ['many places, few shared', { needs: 5, targets: 30, locations: 25, organizations: 12, multiNeed: 0.2 }, 600],
    ['one organisation at several places', { needs: 5, targets: 25, locations: 8, organizations: 2, multiNeed: 0.3 }, 600],
    ['multi-need targets', { needs: 6, targets: 24, locations: 10, organizations: 6, multiNeed: 0.7 }, 300],
    ['six needs, like a match', { needs: 6, targets: 120, locations: 70, organizations: 45, multiNeed: 0.35 }, 300],
  ];

  it.each(shapes)('finds the exhaustive optimum on random instances: %s', (_name, shape, instances) => {
    const misses: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= instances; seed++) {
      const { needs, ranked } = instance(seed * 7919 + shape.needs, shape);
      const options = bundleOptions(needs, ranked);
      if (options.some((o) => o.length === 0)) continue;
      compared++;
      const optimum = exhaustive(options);
      const found = bundleCost(searchBundle(options));
      if (found > optimum + 1e-9) misses.push(`seed ${seed}: ${found.toFixed(3)} > optimum ${optimum.toFixed(3)}`);
    }
    expect(compared).toBeGreaterThan(instances / 2);
    expect(misses).toEqual([]);
  });

  it('takes the best six per need in rank order, one per need, and explains the bundle', () => {
    const { needs, ranked } = instance(42, { needs: 3, targets: 40, locations: 12, organizations: 5, multiNeed: 0.3 });
    for (const [i, o] of bundleOptions(needs, ranked).entries()) {
      expect(o).toEqual(ranked.filter((t) => t.matchedNeeds.includes(needs[i])).slice(0, BUNDLE_COST.candidatesPerNeed));
    }
    const bundle = bestBundle(needs, ranked)!;
    expect(bundle.items.map((i) => i.need.code)).toEqual(['n0', 'n1', 'n2']);
    for (const item of bundle.items) expect(item.target.matchedNeeds).toContain(item.need);
    expect(bundle.explanation).toMatch(/^3 Bedarfe bei (einem Träger|\d Trägern) an (einem Ort|\d Orten), zusammen ca\. \d+ Min\. Anfahrt \(geschätzt\)$/);
  });

  it('covers the needs that have options and names the one without', () => {
    const { ranked } = instance(3, { needs: 2, targets: 10, locations: 4, organizations: 2, multiNeed: 0 });
    const bundle = bestBundle([need('n0'), need('n1'), need('missing')], ranked)!;
    expect(bundle.items.map((i) => i.need.code)).toEqual(['n0', 'n1']);
    expect(bundle.missingNeeds.map((m) => m.need.code)).toEqual(['missing']);
  });

  it('prefers one place for two needs when the second trip costs more than the better score gains', () => {
    const t = (id: string, location: string, organization: string, minutes: number, score: number, needs: NeedTerm[]) =>
      ({ service: { id, organizationId: organization }, location: { id: location }, travelMinutes: minutes, distanceMeters: minutes * 300, score, matchedNeeds: needs, matchedVia: [] }) as unknown as MatchTarget;
    const [a, b] = [need('a'), need('b')];
    // each need's best-ranked option is elsewhere; together at "hub" they save a trip and a contact
    const ranked = [t('a1', 'la', 'oa', 20, 0.9, [a]), t('b1', 'lb', 'ob', 20, 0.9, [b]), t('h1', 'hub', 'oh', 22, 0.8, [a]), t('h2', 'hub', 'oh', 22, 0.8, [b])];
    const bundle = bestBundle([a, b], ranked)!;
    expect(bundle.items.map((i) => i.target.service.id)).toEqual(['h1', 'h2']);
    expect(bundle.distinctLocations).toBe(1);
    expect(bundleCost(bundle.items.map((i) => i.target))).toBeCloseTo(exhaustive(bundleOptions([a, b], ranked)), 9);
  });

  it('counts its work: at most 64 × needs × options steps for 10 to 17 needs, never 6^needs', () => {
    for (let needs = 10; needs <= 17; needs++) {
      for (const [locations, organizations] of [[6, 3], [40, 20], [200, 120]]) {
        const { needs: terms, ranked } = instance(needs * 1000 + locations, { needs, targets: needs * 40, locations, organizations, multiNeed: 0.35 });
        const meter: WorkMeter = { bundleSteps: 0 };
        const bundle = bestBundle(terms, ranked, meter);
        expect(bundle).not.toBeNull();
        const optionCount = bundleOptions(terms, ranked).reduce((s, o) => s + o.length, 0);
        expect(optionCount).toBe(needs * BUNDLE_COST.candidatesPerNeed);
        expect(meter.bundleSteps).toBeGreaterThan(0);
        // the budget, plus at most one look at every option after it ran out
        expect(meter.bundleSteps).toBeLessThanOrEqual(BUNDLE_STEPS_PER_NEED_OPTION * needs * optionCount + optionCount);
      }
    }
  });

  it('is deterministic and keeps the best-ranked options when nothing is gained by moving', () => {
    const { needs, ranked } = instance(5, { needs: 5, targets: 30, locations: 30, organizations: 30, multiNeed: 0 });
    const first = bestBundle(needs, ranked)!.items.map((i) => i.target.service.id);
    expect(bestBundle(needs, [...ranked])!.items.map((i) => i.target.service.id)).toEqual(first);
  });
});

const termOf = (code: string, labelDe: string): NeedTerm => ({ code, labelDe, labelEn: code, group: 'condition', descriptionDe: '', taxonomyVersion: '2026.2', parentCode: null });
const BACK = termOf('musculoskeletal', 'Muskel-Skelett-Erkrankungen');
const EXERCISE = termOf('exercise', 'Bewegung');
const DEBT = termOf('debt_counselling', 'Schuldnerberatung');

interface Spec {
  id: string;
  needs: NeedTerm[];
  score: number;
  minutes: number;
  location?: string;
  organization?: string;
  accepting?: boolean;
  freeSeats?: number | null;
  category?: ServiceCategory;
  /** needs for which it is of the kind the coach preferred */
  preferred?: string[];
}

function listing(s: Spec): MatchTarget {
  return {
    service: {
      id: s.id, organizationId: s.organization ?? `org-${s.id}`, category: s.category ?? ServiceCategory.PHYSICIAN, specialty: null, languages: ['de'],
      accessibility: [AccessibilityFeature.STEP_FREE_ACCESS], deliveryModes: [DeliveryMode.IN_PERSON], acceptingNewClients: s.accepting ?? true,
      freeSeats: s.freeSeats ?? null, waitingDays: 14, capacityUpdatedAt: new Date(),
    },
    location: { id: s.location ?? `loc-${s.id}`, districtAgs: '14627', latitude: 51.1, longitude: 13.4 },
    distanceMeters: s.minutes * 400,
    travelMinutes: s.minutes,
    travelMode: TravelMode.PUBLIC_TRANSPORT,
    travel: { minutes: s.minutes, mode: TravelMode.PUBLIC_TRANSPORT, basis: { kind: 'estimate' } },
    score: s.score,
    coverage: s.needs.length,
    matchedNeeds: s.needs,
    matchedVia: [],
    preferredKindNeeds: s.preferred ?? [],
    preferredKinds: s.preferred?.length ?? 0,
    inOwnDistrict: true,
    comesToPerson: false,
    values: {} as Record<MatchFactor, number>,
  };
}

const inRankOrder = (targets: MatchTarget[]) => [...targets].sort(compareTargets);

describe('bundle: availability and reasons', () => {
  it('never bundles a target that takes no new clients or has no free seat, even the best ranked', () => {
    const ranked = inRankOrder([
      listing({ id: 'closed-ortho', needs: [BACK], score: 0.9, minutes: 5, accepting: false }),
      listing({ id: 'open-ortho', needs: [BACK], score: 0.6, minutes: 25 }),
      listing({ id: 'full-course', needs: [EXERCISE], score: 0.9, minutes: 5, category: ServiceCategory.COURSE, freeSeats: 0 }),
      listing({ id: 'open-course', needs: [EXERCISE], score: 0.5, minutes: 30, category: ServiceCategory.COURSE, freeSeats: 4 }),
    ]);
    const bundle = bestBundle([BACK, EXERCISE], ranked)!;
    expect(bundle.items.map((i) => i.target.service.id)).toEqual(['open-ortho', 'open-course']);
    expect(bundle.items.map((i) => i.rank)).toEqual([2, 2]);
    expect(bundle.missingNeeds).toEqual([]);
  });

  it('takes the preferred kind of partner for a need when one is available: an orthopaedist, not the course covering both needs', () => {
    const ranked = inRankOrder([
      listing({ id: 'course-both', needs: [BACK, EXERCISE], score: 0.9, minutes: 5, category: ServiceCategory.COURSE }),
      listing({ id: 'orthopaedist', needs: [BACK], score: 0.4, minutes: 30, preferred: ['musculoskeletal'] }),
      listing({ id: 'closed-orthopaedist', needs: [BACK], score: 0.8, minutes: 5, preferred: ['musculoskeletal'], accepting: false }),
    ]);
    const bundle = bestBundle([BACK, EXERCISE], ranked)!;
    expect(bundle.items.map((i) => [i.need.code, i.target.service.id])).toEqual([['musculoskeletal', 'orthopaedist'], ['exercise', 'course-both']]);
    // none of the preferred kind available: the others still answer
    const without = bestBundle([BACK, EXERCISE], ranked.filter((t) => t.service.id !== 'orthopaedist'))!;
    expect(without.items.map((i) => i.target.service.id)).toEqual(['course-both', 'course-both']);
  });

  it('names a need it has nothing available for, and why, instead of dropping the whole bundle', () => {
    const ranked = inRankOrder([
      listing({ id: 'ortho', needs: [BACK], score: 0.7, minutes: 10 }),
      listing({ id: 'closed-debt', needs: [DEBT], score: 0.8, minutes: 10, accepting: false }),
    ]);
    const bundle = bestBundle([BACK, DEBT, EXERCISE], ranked)!;
    expect(bundle.items.map((i) => i.need.code)).toEqual(['musculoskeletal']);
    expect(bundle.missingNeeds.map((m) => [m.need.code, m.explanation])).toEqual([
      ['debt_counselling', 'Für „Schuldnerberatung“ nimmt derzeit kein erreichbares Angebot neue Klient:innen auf (oder es ist kein Platz frei)'],
      ['exercise', 'Kein erreichbares Angebot für „Bewegung“, das alle Bedingungen erfüllt'],
    ]);
    expect(bundle.explanation).toMatch(/ohne Angebot: „Schuldnerberatung“, „Bewegung“$/);
    expect(bestBundle([BACK], ranked)).toBeNull();
    expect(bestBundle([DEBT, EXERCISE], ranked)).toBeNull();
  });

  it('says per need why its item was chosen: best, same target, same place', () => {
    const ranked = inRankOrder([
      listing({ id: 'ortho-near', needs: [BACK], score: 0.8, minutes: 8 }),
      listing({ id: 'ortho-centre', needs: [BACK], score: 0.7, minutes: 20, location: 'centre', organization: 'centre' }),
      listing({ id: 'course-centre', needs: [EXERCISE], score: 0.7, minutes: 20, location: 'centre', organization: 'centre', category: ServiceCategory.COURSE }),
    ]);
    const bundle = bestBundle([BACK, EXERCISE], ranked)!;
    expect(bundle.items.map((i) => i.target.service.id)).toEqual(['ortho-centre', 'course-centre']);
    const [back, exercise] = bundle.items.map((i) => i.explanation);
    expect(back).toBe('Arztpraxis, Rang 2 für „Muskel-Skelett-Erkrankungen“; am selben Ort wie „Bewegung“ – ein Weg weniger; nimmt neue Klient:innen auf, Wartezeit ca. 2 Wochen');
    expect(exercise).toBe('Kurs, bestes erreichbares Angebot für „Bewegung“; am selben Ort wie „Muskel-Skelett-Erkrankungen“ – ein Weg weniger; nimmt neue Klient:innen auf, Wartezeit ca. 2 Wochen');

    const both = listing({ id: 'both', needs: [BACK, EXERCISE], score: 0.75, minutes: 15 });
    const one = bestBundle([BACK, EXERCISE], inRankOrder([...ranked, both]))!;
    expect(one.items.map((i) => i.target.service.id)).toEqual(['both', 'both']);
    expect(one.items[0].explanation).toMatch(/^Arztpraxis, bestes erreichbares Angebot für „Muskel-Skelett-Erkrankungen“; deckt auch „Bewegung“ ab/);
  });
});
