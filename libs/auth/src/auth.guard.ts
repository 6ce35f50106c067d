import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_POLICY, AccessPolicy, AccessRule, Actor, ForbiddenError, refusal, RequestContext, Role, rolesRule, UnauthenticatedError } from '@lotse/common';
import { Environment } from '@lotse/config';
import { AuthService } from './auth.service';

/** Directory reading and matching (the `directory` policy), with where partners find their own listings. */
const DIRECTORY_RULE = rolesRule('read the directory and match', [Role.COACH, Role.COORDINATOR, Role.ADMIN], {
  [Role.PARTNER]: 'they read their own listings through myOrganizations',
});

/**
 * The one place where requests are authenticated and root fields / HTTP handlers authorised.
 * Finer rules (a partner editing only its own organisation) live in the services that own the data.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly env: Environment,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isGraphQL = context.getType<GqlContextType>() === 'graphql';
    let ctx: RequestContext;
    let isMutation = false;
    let what: string;
    if (isGraphQL) {
      const gql = GqlExecutionContext.create(context);
      ctx = gql.getContext<RequestContext>();
      isMutation = gql.getInfo().parentType.name === 'Mutation';
      what = gql.getInfo().fieldName;
    } else {
      const req = context.switchToHttp().getRequest();
      ctx = req.lotseContext ??= { req };
      what = `${req.method} ${req.route?.path ?? req.path}`;
    }
    const actor = await this.actorOf(ctx);
    const policy =
      this.reflector.getAllAndOverride<AccessPolicy>(ACCESS_POLICY, [context.getHandler(), context.getClass()]) ??
      (isMutation ? undefined : ({ kind: 'directory' } as AccessPolicy));
    if (isMutation) {
      this.auth.limiter.hit(`mutation:${actor?.userId ?? ctx.req?.ip ?? 'unknown'}`, this.env.RATE_LIMIT_MUTATIONS_PER_MINUTE);
    }
    if (!policy) throw new ForbiddenError('This mutation has no access policy');
    switch (policy.kind) {
      case 'public':
        return true;
      case 'directory':
        if (this.env.PUBLIC_READ_ACCESS) return true;
        return this.require(actor, DIRECTORY_RULE);
      case 'authenticated':
        return this.require(actor);
      case 'listing':
        return this.env.PUBLIC_READ_ACCESS || this.require(actor);
      case 'roles':
        return this.require(actor, rolesRule(`use ${what}`, policy.roles));
    }
  }

  /** A logged-in actor, of a role the rule allows (when there is one); refusals name the rule. */
  private require(actor: Actor | undefined, rule?: AccessRule): boolean {
    if (!actor) throw new UnauthenticatedError();
    if (rule && rule.allowed[actor.role] === undefined) throw refusal(rule, actor.role);
    return true;
  }

  private async actorOf(ctx: RequestContext): Promise<Actor | undefined> {
    if (ctx.actor) return ctx.actor;
    const header = ctx.req?.headers?.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(value);
    if (!match) throw new UnauthenticatedError('Authorization header must be "Bearer <access token>"');
    ctx.actor = await this.auth.authenticate(match[1]);
    return ctx.actor;
  }
}
