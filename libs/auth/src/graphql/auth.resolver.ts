import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, AllowRoles, Authenticated, Cost, CurrentActor, ForbiddenError, InvalidInputError, PASSWORD_COST, Public, RequestContext, Role } from '@lotse/common';
import { AuthService } from '../auth.service';
import { UserRecord } from '../auth.types';
import { AcceptInvitationArgs, AuthPayloadType, InvitationType, InviteArgs, LoginArgs, RefreshArgs, UserType } from './auth.graphql';

const toUser = (u: UserRecord): UserType => ({ id: u.id, email: u.email, displayName: u.displayName, role: u.role, organizationIds: u.organizationIds });

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Mutation(() => AuthPayloadType, { complexity: Cost.write(PASSWORD_COST), description: 'Password login; repeated failures lock the account for a growing time' })
  async login(@Args() { email, password }: LoginArgs, @Context() ctx: RequestContext): Promise<AuthPayloadType> {
    const result = await this.auth.login(email, password, ctx.req?.ip ?? 'unknown');
    return { ...result, user: toUser(result.user) };
  }

  @Public()
  @Mutation(() => AuthPayloadType, { description: 'New tokens for a refresh token; the old refresh token stops working' })
  async refreshToken(@Args() { refreshToken }: RefreshArgs): Promise<AuthPayloadType> {
    const result = await this.auth.refresh(refreshToken);
    return { ...result, user: toUser(result.user) };
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Ends this session: its access and refresh tokens stop working' })
  async logout(@CurrentActor() actor: Actor & { sessionId?: string }): Promise<boolean> {
    if (actor.sessionId) await this.auth.logout(actor.sessionId);
    return true;
  }

  @Authenticated()
  @Query(() => UserType, { complexity: Cost.lookup })
  async me(@CurrentActor() actor: Actor): Promise<UserType> {
    return toUser((await this.auth.findUser(actor.userId))!);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => InvitationType, { description: 'Invite a partner member (coordinators) or any role (admins)' })
  async inviteMember(@Args() args: InviteArgs, @CurrentActor() actor: Actor): Promise<InvitationType> {
    if (args.role !== Role.PARTNER && actor.role !== Role.ADMIN) throw new ForbiddenError('Only admins invite coaches, coordinators and admins');
    if (args.role === Role.PARTNER && !args.organizationId) throw InvalidInputError.of('organizationId', 'partners are invited into an organisation');
    const { token, expiresAt } = await this.auth.invite({ email: args.email, role: args.role, organizationId: args.organizationId ?? null }, actor);
    return { email: args.email, role: args.role, organizationId: args.organizationId ?? null, expiresAt, token };
  }

  @Public()
  @Mutation(() => Boolean, { complexity: Cost.write(PASSWORD_COST), description: 'Set a password for an invitation; then log in' })
  async acceptInvitation(@Args() { token, password, displayName }: AcceptInvitationArgs): Promise<boolean> {
    await this.auth.acceptInvitation(token, password, displayName);
    return true;
  }
}
