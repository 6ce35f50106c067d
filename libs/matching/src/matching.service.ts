import { Inject, Injectable } from '@nestjs/common';
import { AccessibilityFeature, Candidate, CandidateCriteria, CatalogueService, DeliveryMode, isOfKind, NeedTerm, partnerKindLabel } from '@lotse/catalogue';
import { InvalidInputError } from '@lotse/common';
import { District, GeoService } from '@lotse/geo';
import { DEFAULT_DEPARTURE_WINDOW, minutesForDistance, TRAVEL_TIME_ESTIMATOR, TravelContext, TravelTime, TravelTimeEstimator } from '@lotse/travel';
import { bestBundle } from './bundle';
import { MATCH_LIMITS, MatchBudget, MatchLimits } from './match-budget';
import { resolveOrigin } from './origin';
import { answeredNeeds, candidateScans, CandidateScans, needLabel, PartnerKindPlan, planPartnerKinds } from './partner-kinds';
import { BeyondLimit, MatchBundle, MatchOutcome, MatchRequest, MatchTarget, MatchWork, Reason } from './matching.types';
import { beyondLimitExplanation, explanations } from './scoring/explain';
import { berlinDate } from './scoring/clock';
import { compareTargets } from './scoring/rank';
import { effectiveWeights, FactorValue, factorValues, score, weightedScore } from './scoring/score';
import { MatchFactor, WeightSet } from './scoring/weights';

export const MATCH_WEIGHT_SET = Symbol('MATCH_WEIGHT_SET');
export const MATCH_CLOCK = Symbol('MATCH_CLOCK');

/** Nearest listings taken from the database per requested need; ranking happens on these. */
export const CANDIDATE_LIMIT = 400;
export const DEFAULT_LIMIT_MINUTES = 60;
/** How far the search for an unmet need's nearest option beyond the limits reaches (straight line). */
export const BEYOND_LIMIT_METERS = 100_000;
/** Nearest listings compared by travel time for that option: a routing engine's fastest need not be the nearest. */
export const BEYOND_LIMIT_CANDIDATES = 5;

/** What scoring a candidate needs to know of the request, the same for every candidate. */
interface TargetContext {
  needs: NeedTerm[];
  /** `needs`' codes */
  needCodes: string[];
  limitMinutes: number;
  participantDistrict: string;
  languages: string[];
  weights: ReturnType<typeof effectiveWeights>;
  now: Date;
  /** per need, what answers it (the need and its narrower needs, each of its kinds) and the kinds the coach prefers */
  kinds: PartnerKindPlan;
  /** every need of the taxonomy, by code (a narrower need a target answers through is named) */
  terms: Map<string, NeedTerm>;
}


/**
 * Ranks referral targets for a needs profile. Stateless: the request lives only for the duration
 * of the call — it is never written to the database or to a log.
 */
@Injectable()
export class MatchingService {
  private districtsCache?: Promise<Map<string, District>>;
  /** the plan and scans of needs asked without kinds of partner (most requests): the same for the same needs */
  private readonly plainPlans = new Map<string, { kinds: PartnerKindPlan; scans: CandidateScans }>();

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
    @Inject(TRAVEL_TIME_ESTIMATOR) private readonly estimator: TravelTimeEstimator,
    @Inject(MATCH_WEIGHT_SET) private readonly weightSet: WeightSet,
    @Inject(MATCH_CLOCK) private readonly clock: () => Date,
    @Inject(MATCH_LIMITS) private readonly limits: MatchLimits,
  ) {}

  /**
   * Within its budget (MatchBudget): the need × candidate pairs it would score are counted before
   * any scoring and refused over MATCH_WORK_LIMIT; between its steps, and every few candidates
   * while scoring, the event loop gets a turn, and past MATCH_TIME_LIMIT_MS the match is stopped.
   */
  async match(request: MatchRequest): Promise<MatchOutcome> {
    const now = this.clock();
    const work: MatchWork = { candidates: 0, scoredPairs: 0, slices: 0, bundleSteps: 0 };
    const budget = new MatchBudget(this.limits, work);
    const needCodes = [...new Set(request.needs)];
    await this.catalogue.assertKnownNeeds(needCodes, 'request.needs');
    const terms = new Map((await this.catalogue.needTerms()).map((t) => [t.code, t]));
    const needs = needCodes.map((c) => terms.get(c)!);
    const { kinds, scans } = this.plan(needCodes, request.partnerKinds);

    const resolved = await resolveOrigin(this.geo, request.origin);
    const origin = { latitude: resolved.latitude, longitude: resolved.longitude };
    const area = await this.geo.areaAt(origin.latitude, origin.longitude);
    if (!area.districtAgs) throw InvalidInputError.of('request.origin', 'lies outside the area Lotse covers (Saxony)');
    const districts = await this.districts();
    const participantDistrict = request.districtAgs ?? area.districtAgs;
    if (!districts.has(participantDistrict)) throw InvalidInputError.of('request.districtAgs', `unknown district ${participantDistrict}`);

    const rural = districts.get(area.districtAgs)!.kind !== 'Kreisfreie Stadt';
    const { mode, maxMinutes, maxKilometers } = request.travel;
    const window = request.travel.window ?? DEFAULT_DEPARTURE_WINDOW;
    const travel: TravelContext = { origin, mode, rural, window };
    const maxMeters = maxKilometers !== undefined ? maxKilometers * 1000 : undefined;
    // a kilometre limit alone: the time an ordinary trip of that length takes, for the travel factor
    const limitMinutes = maxMinutes ?? (maxMeters !== undefined ? minutesForDistance(mode, rural, maxMeters) : DEFAULT_LIMIT_MINUTES);
    const [info, reachMeters] = await Promise.all([this.estimator.describe(), this.estimator.reachMeters(travel, limitMinutes)]);
    const reach = Math.min(reachMeters, maxMeters ?? Infinity);

    const c = request.constraints;
    const accessibility = new Set<AccessibilityFeature>(c.accessibility ?? []);
    if (c.stepFreeAccess) accessibility.add(AccessibilityFeature.STEP_FREE_ACCESS);
    const criteria: CandidateCriteria = {
      origin,
      radiusMeters: reach,
      // per need one scan of its family with the routes that answer it, and its preferred kinds (partner-kinds.ts)
      ...scans,
      age: c.age,
      languages: c.languages,
      accessibility: [...accessibility],
      deliveryModes: c.deliveryModes,
      costCovered: c.costCovered,
      acceptingNewClientsOnly: c.acceptingNewClientsOnly,
      courseStartsWithin: c.courseStartsWithinDays !== undefined ? { today: berlinDate(now), days: c.courseStartsWithinDays } : undefined,
      openAt: c.openAt,
      servedArea: servedArea(area, c.deliveryModes),
      limit: CANDIDATE_LIMIT,
    };
    const candidates = await this.catalogue.findMatchCandidates(criteria);
    work.candidates = candidates.length;
    budget.reserve(candidates.length * needs.length);
    await budget.checkpoint();

    const times = await this.estimator.travelTimes(travel, candidates.map((x) => ({ distanceMeters: x.distanceMeters, destination: x.location })));
    const weights = effectiveWeights(this.weightSet.weights, request.preferences);
    const languages = c.languages ?? [];
    const targetContext: TargetContext = { needs, needCodes, limitMinutes, participantDistrict, languages, weights, now, kinds, terms };
    const reachable: MatchTarget[] = [];
    await budget.each(candidates, (candidate, i) => {
      // one that comes to the person is not held to the trip's limits: there is no trip
      if (!candidate.comesToPerson && (times[i].minutes > limitMinutes || (maxMeters !== undefined && candidate.distanceMeters > maxMeters))) return;
      const target = this.toTarget(candidate, times[i], targetContext);
      // found by another requested need's kinds through a shared narrower need, but of no kind of its own
      if (target.coverage) reachable.push(target);
    });
    await budget.checkpoint();
    reachable.sort(compareTargets);
    await budget.checkpoint();

    const bestPerService = dedupeServices(reachable);
    const ranked = request.diversify ? diversify(bestPerService) : reachable;
    const met = new Set(reachable.flatMap((t) => t.matchedNeeds.map((n) => n.code)));
    const unmetNeeds = needs.filter((n) => !met.has(n.code));
    let beyondLimit: Promise<BeyondLimit[]> | undefined;
    let bundle: MatchBundle | null | undefined;
    return {
      weightSet: this.weightSet,
      appliedWeights: weights,
      estimator: info,
      window,
      origin: { ...resolved, districtAgs: area.districtAgs, municipalityAgs: area.municipalityAgs },
      participantDistrictAgs: participantDistrict,
      mode,
      limitMinutes,
      consideredCandidates: candidates.length,
      needs,
      ranking: bestPerService,
      targets: ranked,
      bundle: () => (bundle === undefined ? (bundle = needs.length > 1 ? bestBundle(needs, bestPerService, work) : null) : bundle),
      unmetNeeds,
      work,
      beyondLimit: () =>
        (beyondLimit ??= this.quickestBeyondLimit(unmetNeeds, criteria, travel, targetContext).then((nearest) =>
          unmetNeeds.map((need, i) => ({
            need,
            nearest: nearest[i],
            explanation: beyondLimitExplanation({
              needLabel: need.labelDe,
              limitMinutes,
              maxMeters,
              minutesGiven: maxMinutes !== undefined,
              searchedMeters: BEYOND_LIMIT_METERS,
              nearest: nearest[i] && { travel: nearest[i]!.travel, distanceMeters: nearest[i]!.distanceMeters },
            }),
          })),
        )),
      // Sentences only for the targets a client receives (a dense city yields hundreds of
      // candidates, and a page shows ten), and only when a reason's explanation is read: the
      // sentences of a target are written once, at the first read of one of them.
      explain: (target) => {
        let written: ReturnType<typeof explanations> | undefined;
        const sentences = () => (written ??= explanations({
          service: target.service,
          matchedNeedLabels: target.matchedNeeds.map((n) => needLabel(n, target)),
          requestedNeeds: needs.length,
          travel: target.travel,
          distanceMeters: target.distanceMeters,
          inOwnDistrict: target.inOwnDistrict,
          participantDistrict: districts.get(participantDistrict) ?? null,
          locationDistrict: target.location.districtAgs ? districts.get(target.location.districtAgs) ?? null : null,
          languages,
          now,
          kindLabel: partnerKindLabel(target.service),
          comesToPerson: target.comesToPerson,
          preferredKind: target.matchedNeeds.some((n) => kinds.preferred.has(n.code)) ? target.preferredKinds > 0 : undefined,
        }));
        return score(target.values, weights).factors.map((f) => lazyReason(f, sentences));
      },
    };
  }

  /**
   * For each need nothing within the limits addresses, the option a coach would consider next: every
   * hard filter still holds, only the limits are lifted — of the need's nearest few listings within
   * BEYOND_LIMIT_METERS, the quickest to reach. One search and one travel-time call for all needs.
   */
  private async quickestBeyondLimit(
    needs: NeedTerm[],
    criteria: CandidateCriteria,
    travel: TravelContext,
    targetContext: TargetContext,
  ): Promise<(MatchTarget | null)[]> {
    if (!needs.length) return [];
    const candidates = await this.catalogue.findMatchCandidates({
      ...criteria,
      ...candidateScans(targetContext.kinds, needs.map((n) => n.code)),
      radiusMeters: BEYOND_LIMIT_METERS,
      servedArea: undefined,
      limit: BEYOND_LIMIT_CANDIDATES,
    });
    const times = await this.estimator.travelTimes(travel, candidates.map((x) => ({ distanceMeters: x.distanceMeters, destination: x.location })));
    return needs.map((need) => {
      let best = -1;
      candidates.forEach((candidate, i) => {
        if (answeredNeeds(targetContext.kinds, [need.code], candidate).length && (best < 0 || times[i].minutes < times[best].minutes)) best = i;
      });
      return best < 0 ? null : this.toTarget(candidates[best], times[best], targetContext);
    });
  }

  private toTarget(
    candidate: Candidate,
    travel: TravelTime,
    ctx: TargetContext,
  ): MatchTarget {
    const answered = answeredNeeds(ctx.kinds, ctx.needCodes, candidate);
    // answeredNeeds keeps the order of needCodes, which is the order of needs
    const matchedNeeds = answered.map((a) => ctx.terms.get(a.code)!);
    let matchedVia: MatchTarget['matchedVia'] = NO_VIA;
    for (const a of answered) if (a.via.length) (matchedVia === NO_VIA ? (matchedVia = []) : matchedVia).push({ need: a.code, via: a.via.map((v) => ctx.terms.get(v)!) });
    const inOwnDistrict = candidate.location.districtAgs === ctx.participantDistrict;
    // most requests prefer no kind: then no candidate's kind needs looking at
    const preferredKindNeeds = ctx.kinds.preferred.size
      ? matchedNeeds.filter((n) => isOfKind(candidate.service, ctx.kinds.preferred.get(n.code) ?? [])).map((n) => n.code)
      : [];
    const values = factorValues({
      service: candidate.service,
      matchedNeeds: matchedNeeds.length,
      requestedNeeds: ctx.needs.length,
      // no trip for the participant: the travel factor is full
      travelMinutes: candidate.comesToPerson ? 0 : travel.minutes,
      limitMinutes: ctx.limitMinutes,
      inOwnDistrict,
      languages: ctx.languages,
      now: ctx.now,
    });
    return {
      service: candidate.service,
      location: candidate.location,
      distanceMeters: candidate.distanceMeters,
      travelMinutes: travel.minutes,
      travelMode: travel.mode,
      travel,
      score: weightedScore(values, ctx.weights),
      coverage: matchedNeeds.length,
      matchedNeeds,
      matchedVia,
      preferredKindNeeds,
      preferredKinds: preferredKindNeeds.length,
      inOwnDistrict,
      comesToPerson: candidate.comesToPerson ?? false,
      values,
    };
  }

  /** What the needs and the kinds asked for mean for the search and the ranking (partner-kinds.ts). */
  private plan(needCodes: string[], asked: MatchRequest['partnerKinds']): { kinds: PartnerKindPlan; scans: CandidateScans } {
    if (asked?.length) {
      const kinds = planPartnerKinds(needCodes, asked);
      return { kinds, scans: candidateScans(kinds, needCodes) };
    }
    const key = needCodes.join(',');
    let plan = this.plainPlans.get(key);
    if (!plan) {
      const kinds = planPartnerKinds(needCodes);
      plan = { kinds, scans: candidateScans(kinds, needCodes) };
      // known needs only reach here (assertKnownNeeds), but their combinations are many: keep it bounded
      if (this.plainPlans.size >= 1000) this.plainPlans.clear();
      this.plainPlans.set(key, plan);
    }
    return plan;
  }

  private districts(): Promise<Map<string, District>> {
    this.districtsCache ??= this.geo.districts().then((list) => new Map(list.map((d) => [d.ags, d])));
    return this.districtsCache;
  }
}

/** shared by every target that answers its needs directly (most): never written */
const NO_VIA: MatchTarget['matchedVia'] = [];

/**
 * Who may come to the person: outreach and online services whose service area holds the origin's
 * district or municipality, by a mode the request allows (all of outreach and online when it names none).
 */
function servedArea(area: { districtAgs: string | null; municipalityAgs: string | null }, allowed?: DeliveryMode[]): CandidateCriteria['servedArea'] {
  const modes = [DeliveryMode.OUTREACH, DeliveryMode.ONLINE].filter((m) => !allowed?.length || allowed.includes(m));
  const ags = [area.districtAgs, area.municipalityAgs].filter((a): a is string => !!a);
  return modes.length && ags.length ? { ags, modes } : undefined;
}

/** A reason whose sentence is looked up when read (GraphQL reads it only when the query selects it). */
function lazyReason(factor: FactorValue, sentences: () => Record<MatchFactor, string>): Reason {
  return Object.defineProperty({ ...factor } as Reason, 'explanation', { get: () => sentences()[factor.factor], enumerable: true });
}

/** Keeps each service's best location only. */
function dedupeServices(ranked: MatchTarget[]): MatchTarget[] {
  const seen = new Set<string>();
  return ranked.filter((t) => !seen.has(t.service.id) && seen.add(t.service.id));
}

/**
 * No organization fills the list twice for the same need: a target is dropped when a better one
 * of the same organization already covers one of its matched needs. Expects each service once
 * (`dedupeServices`).
 */
export function diversify(ranked: MatchTarget[]): MatchTarget[] {
  const covered = new Set<string>();
  const kept: MatchTarget[] = [];
  for (const target of ranked) {
    const keys = target.matchedNeeds.map((n) => `${target.service.organizationId}|${n.code}`);
    if (keys.some((k) => covered.has(k))) continue;
    keys.forEach((k) => covered.add(k));
    kept.push(target);
  }
  return kept;
}
