import { Args, Field, ID, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from './json.scalar';
import { Actor, AllowRoles, Authenticated, Connection, Cost, CurrentActor, NotFoundError, Role, toConnection, toPage } from '@lotse/common';
import { CatalogueWriteService } from '../catalogue-write.service';
import { CatalogueService } from '../catalogue.service';
import { OrganizationStatus } from '../domain/enums';
import { QueueReason } from '../domain/write.types';
import { LocationType, OrganizationType, ServiceType } from './catalogue.graphql-types';
import {
  AuditTrailArgs,
  CreateLocationArgs,
  CreateServiceArgs,
  IdVersionArgs,
  OrganizationStatusArgs,
  SetCourseSessionsArgs,
  SetOpeningHoursArgs,
  UpdateCapacityArgs,
  UpdateLocationArgs,
  UpdateOrganizationArgs,
  UpdateServiceArgs,
  VerificationQueueArgs,
} from './catalogue.inputs';
import { IdArgs } from './catalogue.args';
import { CATALOGUE_FAN_OUT } from './fan-out';
import { toLocationType, toOrganizationType, toServiceType } from './mappers';

@ObjectType('AuditEvent', { description: 'One change: who, when, which field, old and new value (HSDS metadata)' })
export class AuditEventType {
  @Field(() => ID) id: string;
  @Field() occurredAt: Date;
  @Field() actorName: string;
  @Field() actorRole: string;
  @Field(() => ID) organizationId: string;
  @Field({ description: 'organization, service or location' }) resourceType: string;
  @Field(() => ID) resourceId: string;
  @Field({ description: 'create, update, retire, status, verify' }) action: string;
  @Field(() => String, { nullable: true }) fieldName: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) previousValue: unknown;
  @Field(() => GraphQLJSON, { nullable: true }) replacementValue: unknown;
}
@ObjectType() export class AuditEventConnection extends Connection(AuditEventType, 'AuditEvent') {}

export enum QueueItemKind {
  SERVICE = 'service',
  ORGANIZATION = 'organization',
}
registerEnumType(QueueItemKind, { name: 'QueueItemKind', description: 'A listing to verify, or an organisation to admit or verify' });

@ObjectType('QueueItem', { description: 'Something for a coordinator to look at, with why' })
export class QueueItemType {
  @Field(() => QueueItemKind) kind: QueueItemKind;
  @Field(() => ServiceType, { nullable: true, description: 'the listing (kind SERVICE)' }) service: ServiceType | null;
  @Field(() => OrganizationType, { description: 'the organisation, or the listing’s organisation' }) organization: OrganizationType;
  @Field(() => [QueueReason]) reasons: QueueReason[];
  @Field(() => [String], {
    description: 'fields changed since the last verification, from the audit trail ("description", "openingHours", "location.street", …); capacity updates do not count',
  })
  changedFields: string[];
}
@ObjectType() export class QueueItemConnection extends Connection(QueueItemType, 'QueueItem') {}

/** Partner self-service and coordinator actions; who may touch what is decided in CatalogueWriteService. */
@Resolver()
export class CatalogueWriteResolver {
  constructor(
    private readonly writes: CatalogueWriteService,
    private readonly catalogue: CatalogueService,
  ) {}

  private async service(id: string): Promise<ServiceType> {
    const [service] = await this.catalogue.servicesByIds([id]);
    if (!service) throw new NotFoundError('Service', id);
    return toServiceType(service);
  }
  private async organization(id: string): Promise<OrganizationType> {
    const [organization] = await this.catalogue.organizationsByIds([id]);
    if (!organization) throw new NotFoundError('Organization', id);
    return toOrganizationType(organization);
  }
  private async location(id: string): Promise<LocationType> {
    const [location] = await this.catalogue.locationsByIds([id]);
    if (!location) throw new NotFoundError('Location', id);
    return toLocationType(location);
  }

  @Authenticated()
  @Query(() => [OrganizationType], { complexity: Cost.list(CATALOGUE_FAN_OUT.organizationsPerMember), description: 'The organisations the logged-in partner belongs to, whatever their status' })
  async myOrganizations(@CurrentActor() actor: Actor): Promise<OrganizationType[]> {
    return (await this.catalogue.organizationsByIds(actor.organizationIds)).map(toOrganizationType);
  }

  @Authenticated()
  @Mutation(() => OrganizationType)
  async updateOrganization(@CurrentActor() actor: Actor, @Args() a: UpdateOrganizationArgs) {
    await this.writes.updateOrganization(actor, a.id, a.expectedVersion, a.patch);
    return this.organization(a.id);
  }

  @Authenticated()
  @Mutation(() => LocationType)
  async createLocation(@CurrentActor() actor: Actor, @Args() a: CreateLocationArgs) {
    return this.location(await this.writes.createLocation(actor, a.organizationId, a.input));
  }

  @Authenticated()
  @Mutation(() => LocationType)
  async updateLocation(@CurrentActor() actor: Actor, @Args() a: UpdateLocationArgs) {
    await this.writes.updateLocation(actor, a.id, a.expectedVersion, a.patch);
    return this.location(a.id);
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: 'Removes a location of your organisation' })
  retireLocation(@CurrentActor() actor: Actor, @Args() a: IdVersionArgs) {
    return this.writes.retireLocation(actor, a.id, a.expectedVersion);
  }

  @Authenticated()
  @Mutation(() => ServiceType)
  async createService(@CurrentActor() actor: Actor, @Args() a: CreateServiceArgs) {
    return this.service(await this.writes.createService(actor, a.organizationId, a.input));
  }

  @Authenticated()
  @Mutation(() => ServiceType)
  async updateService(@CurrentActor() actor: Actor, @Args() a: UpdateServiceArgs) {
    await this.writes.updateService(actor, a.id, a.expectedVersion, a.patch);
    return this.service(a.id);
  }

  @Authenticated()
  @Mutation(() => ServiceType, { description: 'Takes a service out of the directory (status INACTIVE)' })
  async retireService(@CurrentActor() actor: Actor, @Args() a: IdVersionArgs) {
    await this.writes.retireService(actor, a.id, a.expectedVersion);
    return this.service(a.id);
  }

  @Authenticated()
  @Mutation(() => ServiceType, { description: 'Free seats, waiting time, accepting new clients — stamped with the current time' })
  async updateCapacity(@CurrentActor() actor: Actor, @Args() a: UpdateCapacityArgs) {
    await this.writes.updateCapacity(actor, a.id, a.expectedVersion, a.capacity);
    return this.service(a.id);
  }

  @Authenticated()
  @Mutation(() => ServiceType, { description: 'Replaces the weekly opening hours' })
  async setOpeningHours(@CurrentActor() actor: Actor, @Args() a: SetOpeningHoursArgs) {
    await this.writes.setOpeningHours(actor, a.id, a.expectedVersion, a.hours);
    return this.service(a.id);
  }

  @Authenticated()
  @Mutation(() => ServiceType, { description: 'Replaces the runs of a course' })
  async setCourseSessions(@CurrentActor() actor: Actor, @Args() a: SetCourseSessionsArgs) {
    await this.writes.setCourseSessions(actor, a.id, a.expectedVersion, a.sessions);
    return this.service(a.id);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => OrganizationType, { description: 'Admits an organisation: its listings become visible' })
  async activateOrganization(@CurrentActor() actor: Actor, @Args() a: OrganizationStatusArgs) {
    await this.writes.setOrganizationStatus(actor, a.id, OrganizationStatus.ACTIVE, a.expectedVersion);
    return this.organization(a.id);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => OrganizationType, { description: 'Hides an organisation and its listings' })
  async deactivateOrganization(@CurrentActor() actor: Actor, @Args() a: OrganizationStatusArgs) {
    await this.writes.setOrganizationStatus(actor, a.id, OrganizationStatus.INACTIVE, a.expectedVersion);
    return this.organization(a.id);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => OrganizationType)
  async verifyOrganization(@CurrentActor() actor: Actor, @Args() a: IdArgs) {
    await this.writes.verifyOrganization(actor, a.id);
    return this.organization(a.id);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Mutation(() => ServiceType, { description: 'Confirms a listing is true (sets verifiedAt/verifiedBy)' })
  async verifyService(@CurrentActor() actor: Actor, @Args() a: IdArgs) {
    await this.writes.verifyService(actor, a.id);
    return this.service(a.id);
  }

  @Authenticated()
  @Query(() => AuditEventConnection, { complexity: Cost.page(), description: 'Changes, newest first: coordinators all, partners their own organisation' })
  async auditTrail(@CurrentActor() actor: Actor, @Args() a: AuditTrailArgs): Promise<AuditEventConnection> {
    const page = toPage(a, 1);
    const [rows, total] = await this.writes.auditTrail(actor, { organizationId: a.organizationId, resourceId: a.resourceId }, { limit: page.limit + 1, afterId: page.after?.[0] as string | undefined });
    return toConnection(rows, page, total, (e) => [e.id], (e) => e);
  }

  @AllowRoles(Role.COORDINATOR, Role.ADMIN)
  @Query(() => QueueItemConnection, { complexity: Cost.page(),
    description: 'Organisations waiting for admission, listings changed since verification (and which fields), never verified, or with stale verification or capacity',
  })
  async verificationQueue(@Args() a: VerificationQueueArgs): Promise<QueueItemConnection> {
    const page = toPage(a, 1);
    const reasons = a.reasons?.length ? a.reasons : Object.values(QueueReason);
    const [rows, total] = await this.writes.verificationQueue({ reasons, districtAgs: a.districtAgs }, { limit: page.limit + 1, afterKey: page.after?.[0] as string | undefined });
    const [services, organizations] = await Promise.all([
      this.catalogue.servicesByIds(rows.flatMap((r) => (r.serviceId ? [r.serviceId] : []))),
      this.catalogue.organizationsByIds([...new Set(rows.map((r) => r.organizationId))]),
    ]);
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const organizationById = new Map(organizations.map((o) => [o.id, o]));
    return toConnection(rows, page, total, (r) => [r.key], (r) => ({
      kind: r.kind as QueueItemKind,
      service: r.serviceId ? toServiceType(serviceById.get(r.serviceId)!) : null,
      organization: toOrganizationType(organizationById.get(r.organizationId)!),
      // only reasons the caller asked for are filtered on; every reason that applies is shown
      reasons: r.reasons,
      changedFields: r.changedFields,
    }));
  }
}
