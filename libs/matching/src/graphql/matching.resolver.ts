import { Inject } from '@nestjs/common';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Cost, encodeCursor, NotFoundError, PageArgs, RequestContext, toPage } from '@lotse/common';
import { catalogueLoaders, CatalogueService, costPhraseDe, DeliveryMode, LocationType, PhoneType, ServiceType, toLocationType, toPartnerKindType, toServiceType } from '@lotse/catalogue';
import { GeoService, toPlaceType } from '@lotse/geo';
import { toDepartureWindow, toDepartureWindowType, toTravelEstimatorType, TravelBasisKind, TravelMode } from '@lotse/travel';
import { MATCH_CLOCK, MatchingService } from '../matching.service';
import { handoverSentence, nextSession, openingToday, verificationDe } from '../handover';
import { berlinDate } from '../scoring/clock';
import { compareTargets, fromRankKey, RANK_KEY_ARITY, rankKey } from '../scoring/rank';
import { MatchOutcome, MatchRequest, MatchTarget } from '../matching.types';
import { MatchFactor, Weights } from '../scoring/weights';
import { MatchArgs, MAX_NEEDS_PER_REQUEST, toNeedPartnerKinds } from './matching.inputs';
import { MatchBeyondLimitType, MatchBundleType, MatchResultType, MatchTargetConnection, MatchTargetType, NextCourseSessionType, OpeningTodayType } from './matching.types.graphql';

/**
 * Query cost of a match (see `Cost`): each need ranks up to CANDIDATE_LIMIT candidates with their
 * travel times — about as much work as a page of a hundred listings.
 */
export const MATCH_COST_PER_NEED = 100;
/** the bundle search and the household plan: bounded steps per need and option (BUNDLE_STEPS_PER_NEED_OPTION) */
export const PLAN_COST = 2 * MATCH_COST_PER_NEED;

const weightList = (weights: Weights) => (Object.keys(weights) as MatchFactor[]).map((factor) => ({ factor, weight: weights[factor] }));

@Resolver(() => MatchResultType)
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Query(() => MatchResultType, {
    complexity: Cost.work((args) => (args.request?.needs?.length ?? 1) * MATCH_COST_PER_NEED),
    description: 'Ranks referral targets for a needs profile by need fit, travel time, capacity and more, with the reasons for each rank. The request is never stored or logged.',
  })
  async matchReferralTargets(@Args() { request }: MatchArgs): Promise<MatchResultType> {
    const input: MatchRequest = {
      needs: request.needs,
      origin: request.origin,
      districtAgs: request.districtAgs,
      travel: {
        mode: request.travel?.mode ?? TravelMode.PUBLIC_TRANSPORT,
        maxMinutes: request.travel?.maxMinutes,
        maxKilometers: request.travel?.maxKilometers,
        window: toDepartureWindow(request.travel?.departure, 'request.travel.departure'),
      },
      constraints: request.constraints ?? {},
      preferences: request.preferences ?? {},
      partnerKinds: toNeedPartnerKinds(request.partnerKinds),
      diversify: request.diversify ?? true,
    };
    return toResultType(await this.matching.match(input));
  }

  @ResolveField(() => MatchBundleType, {
    complexity: Cost.work(() => PLAN_COST),
    nullable: true,
    description: 'Several needs only: one target per need among the best six of each, few organisations and places, least travel ("aus einer Hand"); only targets that take new clients (and have a free seat, where counted); needs without one in missingNeeds; null for one need or when no need has an available target. Searched only when asked for.',
  })
  bundle(@Parent() result: MatchResultType): MatchBundleType | null {
    const bundle = result.outcome.bundle();
    return bundle && { ...bundle, items: bundle.items.map((i) => ({ ...i, target: toTargetType(i.target, result.outcome) })) };
  }

  @ResolveField(() => [MatchBeyondLimitType], {
    complexity: Cost.list(MAX_NEEDS_PER_REQUEST),
    description: 'For each unmet need, the nearest option beyond the travel limit that meets every hard filter, so a coach can weigh a longer trip. One more search per unmet need, only when asked for.',
  })
  async beyondLimit(@Parent() result: MatchResultType): Promise<MatchBeyondLimitType[]> {
    const options = await result.outcome.beyondLimit();
    return options.map((o) => ({ need: o.need, nearest: o.nearest && toTargetType(o.nearest, result.outcome), explanation: o.explanation }));
  }

  @ResolveField(() => MatchTargetConnection, { complexity: Cost.page(5), description: 'Ranked targets, best first' })
  targets(@Parent() result: MatchResultType, @Args() args: PageArgs): MatchTargetConnection {
    const page = toPage(args, RANK_KEY_ARITY);
    const ranked = result.outcome.targets;
    let start = 0;
    if (page.after) {
      const key = fromRankKey(page.after);
      // Scores drift with time (freshness), so find the cursor's target by identity first.
      const same = ranked.findIndex((t) => t.service.id === key.service.id && t.location.id === key.location.id);
      start = same >= 0 ? same + 1 : ranked.findIndex((t) => compareTargets(t, key) > 0);
      if (start < 0) start = ranked.length;
    }
    const slice = ranked.slice(start, start + page.limit);
    const edges = slice.map((t) => ({ cursor: encodeCursor(rankKey(t)), node: toTargetType(t, result.outcome) }));
    return {
      edges,
      totalCount: ranked.length,
      pageInfo: {
        hasNextPage: start + page.limit < ranked.length,
        hasPreviousPage: start > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}

export function toResultType(outcome: MatchOutcome): MatchResultType {
  return {
    weightSet: { name: outcome.weightSet.name, weights: weightList(outcome.weightSet.weights), applied: weightList(outcome.appliedWeights) },
    estimator: toTravelEstimatorType(outcome.estimator),
    departure: toDepartureWindowType(outcome.window),
    origin: { ...outcome.origin, place: outcome.origin.place && toPlaceType(outcome.origin.place) },
    participantDistrictAgs: outcome.participantDistrictAgs,
    mode: outcome.mode,
    limitMinutes: outcome.limitMinutes,
    consideredCandidates: outcome.consideredCandidates,
    unmetNeeds: outcome.unmetNeeds,
    outcome,
  };
}

export function toTargetType(t: MatchTarget, outcome: MatchOutcome): MatchTargetType {
  // getters, read by GraphQL's default resolver: written only when the query selects them, and
  // without a resolver call (its pipes and promise) per target of the page
  return {
    get partnerKind() {
      return toPartnerKindType({ category: t.service.category, specialty: t.service.specialty ?? undefined });
    },
    get reasons() {
      return outcome.explain(t);
    },
    distanceMeters: t.distanceMeters,
    travelMinutes: t.travelMinutes,
    travelMode: t.travelMode,
    travelTimeEstimated: t.travel.basis.kind === 'estimate',
    travelBasis: t.travel.basis.kind === 'estimate' ? TravelBasisKind.ESTIMATE : TravelBasisKind.TIMETABLE,
    travelConnections: t.travel.basis.kind === 'timetable' ? t.travel.basis.connections : null,
    score: t.score,
    matchedNeeds: t.matchedNeeds,
    needMatches: t.matchedNeeds.map((need) => ({ need, via: t.matchedVia.find((m) => m.need === need.code)?.via ?? [] })),
    preferredKind: t.preferredKinds > 0,
    comesToPerson: t.comesToPerson,
    target: t,
    outcome,
  };
}

/** The page's services and locations come through one batch loader: one query per request for both. */
@Resolver(() => MatchTargetType)
export class MatchTargetResolver {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
    @Inject(MATCH_CLOCK) private readonly clock: () => Date,
  ) {}

  @ResolveField(() => ServiceType, { complexity: Cost.lookup })
  async service(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<ServiceType> {
    const listing = await this.listing(node, ctx);
    return toServiceType(listing.service);
  }

  @ResolveField(() => LocationType, { complexity: Cost.lookup })
  async location(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<LocationType> {
    const listing = await this.listing(node, ctx);
    return toLocationType(listing.location);
  }

  private async listing(node: MatchTargetType, ctx: RequestContext) {
    const { service, location } = node.target;
    const listing = await catalogueLoaders(ctx, this.catalogue, this.geo).listing.load(`${service.id}|${location.id}`);
    // deleted between ranking and loading: rare, and not worth a partial answer
    if (!listing) throw new NotFoundError('service', service.id);
    return listing;
  }

  // ---- what a coach hands over (issue 13, point 7): batched per page, one query per kind ----

  @ResolveField(() => PhoneType, { complexity: Cost.lookup, nullable: true, description: "the location's labelled phone (the first of its phones); null when the place has none" })
  async phone(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<PhoneType | null> {
    return (await this.listing(node, ctx)).location.phones?.[0] ?? null;
  }

  @ResolveField(() => OpeningTodayType, { complexity: Cost.lookup, description: "today's opening hours (Europe/Berlin, from the server's clock)" })
  async openingToday(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<OpeningTodayType> {
    return openingToday(await this.loaders(ctx).openingHours.load(node.target.service.id), this.clock());
  }

  @ResolveField(() => NextCourseSessionType, { complexity: Cost.lookup, nullable: true, description: 'courses: the next run that has not started yet (date, time, free seats); null when none is planned' })
  async nextSession(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<NextCourseSessionType | null> {
    return nextSession(await this.loaders(ctx).sessions.load(node.target.service.id), this.clock());
  }

  @ResolveField(() => String, { complexity: Cost.lookup, description: 'the cost in words: "kostenfrei", "Krankenkasse bezuschusst", "Gebühr 40 €"' })
  async costDe(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<string> {
    const { service } = await this.listing(node, ctx);
    return costPhraseDe({ type: service.costType, feeAmountEuro: service.feeAmount });
  }

  @ResolveField(() => String, { complexity: Cost.lookup, nullable: true, description: 'YYYY-MM-DD (Germany) of the last verification by a coordinator; null when never verified' })
  async lastVerifiedOn(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<string | null> {
    const { service } = await this.listing(node, ctx);
    return service.verifiedAt ? berlinDate(service.verifiedAt) : null;
  }

  @ResolveField(() => String, { complexity: Cost.lookup, description: 'German, one line to hand over: phone, comes to the person, next course run or today\'s hours, cost, last verification' })
  async handoverDe(@Parent() node: MatchTargetType, @Context() ctx: RequestContext): Promise<string> {
    const loaders = this.loaders(ctx);
    const [{ service, location }, hours, sessions] = await Promise.all([
      this.listing(node, ctx), loaders.openingHours.load(node.target.service.id), loaders.sessions.load(node.target.service.id),
    ]);
    const now = this.clock();
    return handoverSentence({
      phone: location.phones?.[0] ?? null,
      today: openingToday(hours, now),
      session: nextSession(sessions, now),
      cost: costPhraseDe({ type: service.costType, feeAmountEuro: service.feeAmount }),
      verification: verificationDe(service.verifiedAt),
      comesToPerson: !node.target.comesToPerson ? null : node.target.service.deliveryModes.includes(DeliveryMode.OUTREACH) ? 'outreach' : 'online',
    });
  }

  private loaders(ctx: RequestContext) {
    return catalogueLoaders(ctx, this.catalogue, this.geo);
  }
}
