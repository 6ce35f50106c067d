import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { NeedTerm } from '@lotse/catalogue';
import { Actor, AllowRoles, Cost, CurrentActor, InvalidInputError, Role } from '@lotse/common';
import { toDepartureWindow, toDepartureWindowType, toTransitFeedType, TravelBasisKind } from '@lotse/travel';
import { CoverageFigures, NearestPartner, NetworkCoverage } from '../coverage.types';
import { CoverageService, GRAPHQL_FIELDS } from '../coverage.service';
import { CoverageGate } from '../coverage-gate';
import { GapListArgs, NetworkCoverageArgs } from './coverage.inputs';
import {
  CoverageFiguresType,
  CoverageGapType,
  NearestPartnerType,
  NetworkCoverageType,
  NetworkFreshnessType,
  NetworkSizeCellType,
} from './coverage.types.graphql';

const DEFAULT_GAPS = 100;

/**
 * Query cost of coverage (see `Cost`): each municipality × need measures every measuring point
 * against its nearest listings — all Saxony × 20 needs is one request's worth, two such are not.
 */
export const COVERAGE_COST_PER_MUNICIPALITY_NEED = 2;
const DISTRICTS_TIMES_CATEGORIES = 13 * 9;

function toNearestType(n: NearestPartner | null): NearestPartnerType | null {
  if (!n) return null;
  const { travelBasis, ...rest } = n;
  return {
    ...rest,
    travelBasis: travelBasis.kind === 'timetable' ? TravelBasisKind.TIMETABLE : TravelBasisKind.ESTIMATE,
    travelConnections: travelBasis.kind === 'timetable' ? travelBasis.connections : null,
  };
}

/** Maps the computed coverage onto the schema: need codes become taxonomy terms. */
export function toNetworkCoverageType(outcome: NetworkCoverage): NetworkCoverageType {
  const terms = new Map<string, NeedTerm>(outcome.needs.map((t) => [t.code, t]));
  const figures = (f: CoverageFigures): CoverageFiguresType => ({ ...f, need: terms.get(f.need)! });
  return {
    districtAgs: outcome.request.districtAgs ?? null,
    mode: outcome.request.mode,
    thresholdMinutes: outcome.request.thresholdMinutes,
    needs: outcome.needs,
    method: { ...outcome.method, feed: outcome.method.feed && toTransitFeedType(outcome.method.feed), departure: toDepartureWindowType(outcome.method.window) },
    population: outcome.population,
    municipalities: outcome.municipalities.map((m) => ({
      ...m,
      needs: m.needs.map((n) => ({ ...n, need: terms.get(n.need)!, nearest: toNearestType(n.nearest), points: n.points.map((p) => ({ ...p, nearest: toNearestType(p.nearest) })) })),
    })),
    districts: outcome.districts.map((d) => ({ ...d, needs: d.needs.map(figures) })),
    summary: outcome.summary.map(figures),
    outcome,
  };
}

@Resolver(() => NetworkCoverageType)
export class CoverageResolver {
  constructor(
    private readonly coverage: CoverageService,
    private readonly gate: CoverageGate,
  ) {}

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => NetworkCoverageType, {
    complexity: Cost.work((args, scale) => scale.municipalities(args.input?.districtAgs) * (args.input?.needs?.length ?? 1) * COVERAGE_COST_PER_MUNICIPALITY_NEED),
    description:
      'Coordinators: where the network is thin: for every municipality (and district) the nearest partner per need, the partners within the travel-time threshold, and the people covered, measured from where they live (population-weighted places). Travel times come from the timetable where one is imported, else from the estimate.',
  })
  async networkCoverage(@CurrentActor() actor: Actor, @Args() { input }: NetworkCoverageArgs): Promise<NetworkCoverageType> {
    const request = {
      districtAgs: input.districtAgs,
      needs: input.needs,
      mode: input.mode,
      thresholdMinutes: input.thresholdMinutes,
      window: toDepartureWindow(input.departure, 'input.departure'),
    };
    const outcome = await this.gate.run(actor.userId, () => this.coverage.networkCoverage(request, GRAPHQL_FIELDS));
    return toNetworkCoverageType(outcome);
  }

  @ResolveField(() => [CoverageGapType], { complexity: Cost.page(DEFAULT_GAPS), description: 'uncovered (municipality, need) pairs, most uncovered people first (without population: longest travel first)' })
  gapList(@Parent() parent: NetworkCoverageType, @Args() { first, need }: GapListArgs): CoverageGapType[] {
    const terms = new Map(parent.needs.map((t) => [t.code, t]));
    if (need !== undefined && need !== null && !terms.has(need)) throw InvalidInputError.of('need', `${need} is not one of the requested needs`);
    return parent.outcome.gaps
      .filter((g) => !need || g.need === need)
      .slice(0, first ?? DEFAULT_GAPS)
      .map((g) => ({ ...g, need: terms.get(g.need)!, nearest: toNearestType(g.nearest) }));
  }

  @ResolveField(() => [NetworkSizeCellType], { complexity: Cost.list(DISTRICTS_TIMES_CATEGORIES), description: 'visible services and organisations per district × category (the network’s size)' })
  networkSize(@Parent() parent: NetworkCoverageType): Promise<NetworkSizeCellType[]> {
    return this.coverage.networkSize(parent.districtAgs ?? undefined);
  }

  @ResolveField(() => NetworkFreshnessType, { complexity: Cost.lookup, description: 'share of visible services whose organisation was verified within VERIFICATION_STALE_DAYS' })
  freshness(@Parent() parent: NetworkCoverageType): Promise<NetworkFreshnessType> {
    return this.coverage.freshness(parent.districtAgs ?? undefined);
  }
}
