import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, Role } from './actor';
import { RequestContext } from './loaders';
import { ForbiddenError, UnauthenticatedError } from './errors';

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

/**
 * Who may do something: each allowed role with its scope ('' = all of it, else e.g. "of their own
 * organisation"). Each rule is defined once, beside the action, so a refusal tells the caller the
 * part of the rule that applies to them — a coach is not told the partners' rule.
 */
export interface AccessRule {
  /** what is refused, as a verb phrase: "read the audit trail" */
  action: string;
  allowed: Partial<Record<Role, string>>;
  /** for roles that may not: where they find what they may do */
  hints?: Partial<Record<Role, string>>;
}

const PLURAL: Record<Role, string> = { [Role.COACH]: 'coaches', [Role.PARTNER]: 'partners', [Role.COORDINATOR]: 'coordinators', [Role.ADMIN]: 'admins' };
const inWords = (parts: string[]) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`);

/** A rule that lets some roles do all of it. */
export function rolesRule(action: string, roles: readonly Role[], hints?: AccessRule['hints']): AccessRule {
  return { action, allowed: Object.fromEntries(roles.map((r) => [r, ''])), hints };
}

/**
 * The refusal of `rule` for a caller of `role`: a role within the rule but outside its scope is
 * told its scope ("Partners may read the audit trail only of their own organisation"); any other
 * role is told who may ("Only coordinators and admins may …; coaches may not").
 */
export function refusal(rule: AccessRule, role: Role): ForbiddenError {
  const allowedRoles = (Object.keys(rule.allowed) as Role[]).filter((r) => rule.allowed[r] !== undefined);
  const details = { role, allowedRoles };
  const scope = rule.allowed[role];
  if (scope) {
    const who = PLURAL[role];
    return new ForbiddenError(`${who[0].toUpperCase()}${who.slice(1)} may ${rule.action} only ${scope}`, details);
  }
  const who = allowedRoles.map((r) => (rule.allowed[r] ? `${PLURAL[r]} ${rule.allowed[r]}` : PLURAL[r]));
  const hint = rule.hints?.[role];
  return new ForbiddenError(`Only ${inWords(who)} may ${rule.action}; ${PLURAL[role]} may not${hint ? ` (${hint})` : ''}`, details);
}
