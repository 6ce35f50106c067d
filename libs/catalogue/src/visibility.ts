import { Actor, Role } from '@lotse/common';
import { OrganizationStatus, ServiceStatus } from './domain/enums';
import { SqlParams } from './sql';

/**
 * What the directory shows, and to whom — the one definition every read path uses: directory lists,
 * lookups, nested fields, radius and text search, matching, coverage and the exports.
 *
 * - A **listing** (a service, with its locations) is visible when the service is active and its
 *   organisation is active. An **organisation** is visible when it is active.
 * - **Hidden** listings — a pending or inactive organisation's, a retired service — are shown only to
 *   the organisation's own members and to coordinators and admins, who keep them true or admit them.
 *
 * The same rule exists once in SQL, as the functions `listing_visible(service_status,
 * organization_status)` and `listing_visible_to(…, viewer)` (migration 1733000000000-visibility);
 * the fragments below only call them, so SQL and TypeScript cannot drift apart (a test checks both
 * against each other over every combination of states).
 *
 * Discovery — matching, text and radius search, coverage, the exports, counts — always uses
 * {@link DIRECTORY}: a listing nobody may be referred to is never found. Lists, lookups and nested
 * fields use the caller's {@link Viewer}, so members and coordinators see what is hidden.
 */
export interface Viewer {
  /** coordinators and admins see every hidden listing */
  readonly seesAllHidden: boolean;
  /** organisations whose hidden listings this viewer sees (a partner's own) */
  readonly memberOf: readonly string[];
}

/** Anyone: what the public directory shows (also the view of discovery for every role). */
export const DIRECTORY: Viewer = Object.freeze({ seesAllHidden: false, memberOf: Object.freeze([]) as readonly string[] });

export function viewerOf(actor: Actor | undefined): Viewer {
  if (!actor) return DIRECTORY;
  if (actor.role === Role.COORDINATOR || actor.role === Role.ADMIN) return { seesAllHidden: true, memberOf: [] };
  return actor.organizationIds.length ? { seesAllHidden: false, memberOf: actor.organizationIds } : DIRECTORY;
}

export function seesHiddenOf(viewer: Viewer, organizationId: string): boolean {
  return viewer.seesAllHidden || viewer.memberOf.includes(organizationId);
}

/** The rule on rows already loaded. */
export function isListingVisible(serviceStatus: ServiceStatus | string, organizationStatus: OrganizationStatus | string): boolean {
  return serviceStatus === ServiceStatus.ACTIVE && organizationStatus === OrganizationStatus.ACTIVE;
}

export function isOrganizationVisible(organizationStatus: OrganizationStatus | string): boolean {
  return organizationStatus === OrganizationStatus.ACTIVE;
}

export function isListingVisibleTo(
  viewer: Viewer,
  service: { status: ServiceStatus | string; organizationId: string },
  organization: { status: OrganizationStatus | string },
): boolean {
  return isListingVisible(service.status, organization.status) || seesHiddenOf(viewer, service.organizationId);
}

export function isOrganizationVisibleTo(viewer: Viewer, organization: { id: string; status: OrganizationStatus | string }): boolean {
  return isOrganizationVisible(organization.status) || seesHiddenOf(viewer, organization.id);
}

/**
 * SQL fragments over the rule's functions, for the repositories that read catalogue tables
 * (catalogue, coverage). `s`/`o` are the aliases of `service` and `organization` rows.
 */
export const visibilitySql = {
  /** the listing of service `s` (organisation `o`) is in the directory */
  listing: (s: string, o: string): string => `listing_visible(${s}.status, ${o}.status)`,

  /** … or is hidden but this viewer may see it; parameters are added to `p` only when needed */
  listingTo(s: string, o: string, viewer: Viewer, p: SqlParams): string {
    if (viewer === DIRECTORY || (!viewer.seesAllHidden && !viewer.memberOf.length)) return visibilitySql.listing(s, o);
    return `listing_visible_to(${s}.status, ${o}.status, ${o}.id, ${p.add(viewer.seesAllHidden)}::boolean, ${p.add(viewer.memberOf)}::uuid[])`;
  },

  /** the listing of service `s`, looking up its organisation */
  service(s: string): string {
    return `EXISTS (SELECT 1 FROM organization vo WHERE vo.id = ${s}.organization_id AND ${visibilitySql.listing(s, 'vo')})`;
  },

  serviceTo(s: string, viewer: Viewer, p: SqlParams): string {
    return `EXISTS (SELECT 1 FROM organization vo WHERE vo.id = ${s}.organization_id AND ${visibilitySql.listingTo(s, 'vo', viewer, p)})`;
  },

  organization: (o: string): string => `organization_visible(${o}.status)`,

  organizationTo(o: string, viewer: Viewer, p: SqlParams): string {
    if (!viewer.seesAllHidden && !viewer.memberOf.length) return visibilitySql.organization(o);
    return `organization_visible_to(${o}.status, ${o}.id, ${p.add(viewer.seesAllHidden)}::boolean, ${p.add(viewer.memberOf)}::uuid[])`;
  },
};
