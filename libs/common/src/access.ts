import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, Role } from './actor';
import { RequestContext } from './loaders';
import { UnauthenticatedError } from './errors';

/**
 * Access policies of root fields and HTTP handlers, enforced by the auth guard. A root Query
 * without a policy is directory reading; a Mutation without one is refused — so a new mutation
 * cannot ship without a decision about who may call it.
 */
export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'directory' }
  | { kind: 'authenticated' }
  | { kind: 'listing' }
  | { kind: 'roles'; roles: Role[] };

export const ACCESS_POLICY = 'lotse:access-policy';

/** Anyone, logged in or not (login, invitations, organisation registration, health). */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
/** Directory and matching: coaches, coordinators, admins — or anyone when PUBLIC_READ_ACCESS is on. */
export const DirectoryRead = () => SetMetadata(ACCESS_POLICY, { kind: 'directory' } satisfies AccessPolicy);
/** One listing by id: directory readers, and any logged-in user (partners see their own hidden listings). */
export const ListingRead = () => SetMetadata(ACCESS_POLICY, { kind: 'listing' } satisfies AccessPolicy);
/** Any logged-in user; the service decides what they may touch (e.g. a partner's own organisation). */
export const Authenticated = () => SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
export const AllowRoles = (...roles: Role[]) => SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

/** The logged-in actor of a GraphQL request; throws UNAUTHENTICATED when there is none. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<RequestContext>().actor;
  if (!actor) throw new UnauthenticatedError();
  return actor;
});

/** The actor if someone is logged in, else undefined. */
export const OptionalActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | undefined =>
  GqlExecutionContext.create(context).getContext<RequestContext>().actor,
);
