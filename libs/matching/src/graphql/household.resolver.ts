import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { HouseholdMatchingService } from '../household/household.service';
import { Cost } from '@lotse/common';
import { toDepartureWindow, TravelMode } from '@lotse/travel';
import { HouseholdMatchArgs, toNeedPartnerKinds } from './matching.inputs';
import { MATCH_COST_PER_NEED, PLAN_COST, toResultType, toTargetType } from './matching.resolver';
import { HouseholdMatchResultType, HouseholdPlanType } from './matching.types.graphql';

@Resolver(() => HouseholdMatchResultType)
export class HouseholdResolver {
  constructor(private readonly households: HouseholdMatchingService) {}

  @Query(() => HouseholdMatchResultType, {
    complexity: Cost.work((args) => ((args.request?.members ?? []) as { needs?: unknown[] }[]).reduce((n, m) => n + (m.needs?.length ?? 1), 0) * MATCH_COST_PER_NEED),
    description:
      'Matches a household (Bedarfsgemeinschaft, PASE): each person on their own needs and constraints from one origin, and a joint plan that prefers shared places and days. The request is never stored or logged.',
  })
  async matchHousehold(@Args() { request }: HouseholdMatchArgs): Promise<HouseholdMatchResultType> {
    const outcome = await this.households.match({
      origin: request.origin,
      districtAgs: request.districtAgs,
      travel: {
        mode: request.travel?.mode ?? TravelMode.PUBLIC_TRANSPORT,
        maxMinutes: request.travel?.maxMinutes,
        maxKilometers: request.travel?.maxKilometers,
        window: toDepartureWindow(request.travel?.departure, 'request.travel.departure'),
      },
      diversify: request.diversify ?? true,
      members: request.members.map((m) => ({ needs: m.needs, constraints: m.constraints ?? {}, preferences: m.preferences ?? {}, partnerKinds: toNeedPartnerKinds(m.partnerKinds) })),
    });
    return { members: outcome.members.map((m) => ({ label: m.label, result: toResultType(m.outcome) })), outcome };
  }

  @ResolveField(() => HouseholdPlanType, { complexity: Cost.work(() => PLAN_COST), nullable: true, description: 'one target per person and need, preferring shared places and days; null when no need has an available reachable target' })
  async plan(@Parent() result: HouseholdMatchResultType): Promise<HouseholdPlanType | null> {
    const plan = await result.outcome.plan();
    if (!plan) return null;
    const outcomeOf = (label: string) => result.outcome.members.find((m) => m.label === label)!.outcome;
    return {
      ...plan,
      items: plan.items.map((i) => ({ ...i, target: toTargetType(i.target, outcomeOf(i.member)) })),
      missingNeeds: plan.missing,
    };
  }
}
