import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService } from '@lotse/auth';
import { CatalogueService, GraphQLJSON, NEED_TERMS } from '@lotse/catalogue';
import { Actor, AllowRoles, byKeys, Cost, CostEstimate, CurrentActor, DATABASE_WORK, groupByKeys, RequestContext, requestLoader, Role } from '@lotse/common';
import { REASON_LABELS_DE, ReferralSide, STATUS_INFO } from '../domain/referral-states';
import { ContactRoute, ReferralRecord } from '../domain/referral.types';
import { toFhirBundle } from '../fhir/referral-fhir';
import { ReferralError } from '../referral.errors';
import { ReferralService } from '../referral.service';
import {
  CoachContactType,
  ReferralConnection,
  ReferralEventType,
  ReferralMoveResultType,
  ReferralOutcomeCountType,
  ReferralTargetType,
  ReferralType,
  UnmetReferralDemandType,
} from './referral.graphql-types';
import {
  CreateReferralArgs,
  MoveReferralArgs,
  MyReferralsArgs,
  RecordConsentArgs,
  ReferralCodeArgs,
  ReferralIdArgs,
  ReferralInboxArgs,
  ReferralOutcomesArgs,
  UnmetDemandArgs,
  ReferralVersionArgs,
  WithdrawReferralArgs,
} from './referral.inputs';
import { toReferralEventType, toReferralType } from './referral.mappers';

const COACH_ONLY = [Role.COACH];
const NEED_LABELS = Object.fromEntries(NEED_TERMS.map((n) => [n.code, n.labelDe]));
/** the record and the target's names */
const FHIR_COST: CostEstimate = () => 4 * DATABASE_WORK;
/** a referral's history: at most about six moves (sent, seen, answered, started, closed) */
const HISTORY_FAN_OUT = 6;
/** counter cells per answer: districts × needs × outcomes, of which few exist (declared estimate) */
const OUTCOME_CELLS = 200;
/** organisation, service and location: three batched lookups */
const TARGET_COST: CostEstimate = ({ childComplexity }) => 3 * DATABASE_WORK + childComplexity;
const PARTNER_ONLY = [Role.PARTNER];

/**
 * The referral API. Coaches create, send and withdraw; partners answer and report; nobody else
 * sees a single referral (coordinators get aggregates, admins nothing: a referral is the business
 * of the two sides only).
 */
@Resolver(() => ReferralType)
export class ReferralResolver {
  constructor(
    private readonly referrals: ReferralService,
    private readonly catalogue: CatalogueService,
    private readonly auth: AuthService,
  ) {}

  private async view(actor: Actor, r: ReferralRecord, side?: ReferralSide): Promise<ReferralType> {
    return toReferralType(r, side ?? (await this.referrals.sideOf(actor, r))!, this.referrals.isStale(r));
  }

  @AllowRoles(Role.COACH, Role.PARTNER)
  @Query(() => ReferralType, { complexity: Cost.lookup, description: 'One referral of the caller (their own or their team’s as a coach, their organisation’s as a partner)' })
  async referral(@Args() { id }: ReferralIdArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.get(actor, id));
  }

  @AllowRoles(Role.COACH, Role.PARTNER)
  @Query(() => ReferralType, { complexity: Cost.lookup, description: 'The referral a participant’s code names, if it is the caller’s to see' })
  async referralByCode(@Args() { code }: ReferralCodeArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.getByCode(actor, code));
  }

  @AllowRoles(...COACH_ONLY)
  @Query(() => ReferralConnection, { complexity: Cost.page(), description: '„Meine Vermittlungen“: the coach’s referrals and their team’s, last changed first' })
  async myReferrals(@Args() args: MyReferralsArgs, @CurrentActor() actor: Actor): Promise<ReferralConnection> {
    const connection = await this.referrals.listForCoach(actor, { statuses: args.statuses, staleOnly: args.staleOnly }, args);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toReferralType(e.node, ReferralSide.COACH, this.referrals.isStale(e.node)) })) };
  }

  @AllowRoles(...PARTNER_ONLY)
  @Query(() => ReferralConnection, { complexity: Cost.page(), description: 'The partner’s inbox: referrals sent to their organisations, last changed first' })
  async referralInbox(@Args() args: ReferralInboxArgs, @CurrentActor() actor: Actor): Promise<ReferralConnection> {
    const connection = await this.referrals.listForPartner(actor, { organizationId: args.organizationId, statuses: args.statuses }, args);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toReferralType(e.node, ReferralSide.PARTNER, false) })) };
  }

  @AllowRoles(...COACH_ONLY)
  @Mutation(() => ReferralType, { description: 'A new referral (a draft, or sent at once with send: true and consent). Lotse issues the referral code.' })
  async createReferral(@Args() { input }: CreateReferralArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.create(actor, input), ReferralSide.COACH);
  }

  @AllowRoles(...COACH_ONLY)
  @Mutation(() => ReferralType, { description: 'Records the participant’s consent on a draft' })
  async recordReferralConsent(@Args() { id, expectedVersion, consent }: RecordConsentArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.recordConsent(actor, id, expectedVersion, consent), ReferralSide.COACH);
  }

  @AllowRoles(...COACH_ONLY)
  @Mutation(() => ReferralType, { description: 'Sends a draft to the partner; needs the participant’s consent' })
  async sendReferral(@Args() { id, expectedVersion }: ReferralVersionArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.send(actor, id, expectedVersion), ReferralSide.COACH);
  }

  @AllowRoles(...COACH_ONLY)
  @Mutation(() => ReferralType, { description: 'Withdraws the referral (also when the participant withdraws consent)' })
  async withdrawReferral(@Args() { id, expectedVersion, consentWithdrawn }: WithdrawReferralArgs, @CurrentActor() actor: Actor): Promise<ReferralType> {
    return this.view(actor, await this.referrals.withdraw(actor, id, expectedVersion, consentWithdrawn ?? false), ReferralSide.COACH);
  }

  @AllowRoles(...PARTNER_ONLY)
  @Mutation(() => ReferralMoveResultType, { description: 'The partner’s answer or report: seen, accepted, waiting list, declined (with reason), in progress, completed, not come about' })
  async moveReferral(@Args() { id, expectedVersion, move }: MoveReferralArgs, @CurrentActor() actor: Actor): Promise<ReferralMoveResultType> {
    const result = await this.referrals.partnerMove(actor, id, expectedVersion, move);
    return { referral: await this.view(actor, result.referral, ReferralSide.PARTNER), capacityPrompt: result.capacityPrompt };
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [ReferralOutcomeCountType], { complexity: Cost.list(OUTCOME_CELLS), description: 'Coordinators: closed referrals per district × need × outcome — aggregates only, counts under 5 withheld; kept after the referrals are deleted' })
  async referralOutcomes(@Args() args: ReferralOutcomesArgs): Promise<ReferralOutcomeCountType[]> {
    const cells = await this.referrals.outcomes(args);
    return cells.map((c) => ({
      ...c, statusLabel: STATUS_INFO[c.status].labelDe, reasonLabel: c.reason ? REASON_LABELS_DE[c.reason] : null, suppressed: c.count === null,
      reason: c.reason as ReferralOutcomeCountType['reason'],
    }));
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => [UnmetReferralDemandType], { complexity: Cost.list(OUTCOME_CELLS), description: 'Coordinators: declines for lack of capacity per district × need, to read next to the coverage analysis (counts under 5 withheld)' })
  async unmetReferralDemand(@Args() args: UnmetDemandArgs): Promise<UnmetReferralDemandType[]> {
    return (await this.referrals.unmetDemand(args)).map((d) => ({ ...d, suppressed: d.declinedForCapacity === null }));
  }

  @ResolveField(() => ReferralTargetType, { complexity: TARGET_COST })
  async target(@Parent() parent: ReferralType, @Context() ctx: RequestContext): Promise<ReferralTargetType> {
    const t = parent.target;
    const [organization, service, location] = await Promise.all([
      requestLoader(ctx, 'referral.organization', async (ids: readonly string[]) => byKeys(ids, await this.catalogue.organizationsByIds(ids), (o) => o.id)).load(t.organizationId),
      requestLoader(ctx, 'referral.service', async (ids: readonly string[]) => byKeys(ids, await this.catalogue.servicesByIds(ids), (s) => s.id)).load(t.serviceId),
      requestLoader(ctx, 'referral.location', async (ids: readonly string[]) => byKeys(ids, await this.catalogue.locationsByIds(ids), (l) => l.id)).load(t.locationId),
    ]);
    return {
      ...t,
      organizationName: organization?.name ?? null,
      serviceName: service?.name ?? null,
      locationAddress: location ? `${location.street}, ${location.postcode} ${location.town}` : null,
    };
  }

  @ResolveField(() => GraphQLJSON, {
    complexity: FHIR_COST,
    description: 'The referral as FHIR R4: a collection Bundle of ServiceRequest and Task in the shape of the SDOH Clinical Care referral profiles (subject: the referral code only)',
  })
  async fhirBundle(@Parent() parent: ReferralType, @Context() ctx: RequestContext): Promise<Record<string, unknown>> {
    const record = await requestLoader(ctx, 'referral.record', async (ids: readonly string[]) => byKeys(ids, await this.referrals.byIds(ids), (r) => r.id)).load(parent.id);
    if (!record) throw ReferralError.notFound(parent.id);
    const target = await this.target(parent, ctx);
    return toFhirBundle(record, { organizationName: target.organizationName, serviceName: target.serviceName, needLabels: NEED_LABELS });
  }

  @ResolveField(() => [ReferralEventType], { complexity: Cost.list(HISTORY_FAN_OUT) })
  async history(@Parent() parent: ReferralType, @Context() ctx: RequestContext): Promise<ReferralEventType[]> {
    const events = await requestLoader(ctx, 'referral.history', async (ids: readonly string[]) => groupByKeys(ids, await this.referrals.historyOf(ids), (e) => e.referralId)).load(parent.id);
    return events.map(toReferralEventType);
  }

  @ResolveField(() => CoachContactType, { nullable: true, complexity: Cost.lookup })
  async coachContact(@Parent() parent: ReferralType): Promise<CoachContactType | null> {
    if (parent.viewerSide === ReferralSide.PARTNER && parent.contactRoute !== ContactRoute.PARTNER_CALLS_COACH) return null;
    const user = await this.auth.findUser((parent as unknown as { coachUserId: string }).coachUserId);
    return user ? { displayName: user.displayName, email: user.email } : null;
  }
}
