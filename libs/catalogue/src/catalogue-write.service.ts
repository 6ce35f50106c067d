import { Inject, Injectable } from '@nestjs/common';
import { AccessRule, Actor, ConflictError, InvalidInputError, NotFoundError, refusal, Role, rolesRule } from '@lotse/common';
import { Environment } from '@lotse/config';
import { AddressQuery, GEOCODER, GeocodePrecision, Geocoder } from '@lotse/geo';
import { CatalogueWriteRepository, CatalogueWriteTx, DATABASE_NOW, LockedRow, QueueFilter, QueueRow } from './catalogue-write.repository';
import { CatalogueService } from './catalogue.service';
import { DeliveryMode, OrganizationKind, OrganizationStatus, ServiceCategory, ServiceStatus } from './domain/enums';
import {
  AuditEvent,
  CapacityInput,
  CourseSessionInput,
  LocationInput,
  LocationPatch,
  OpeningHoursInput,
  OrganizationPatch,
  ServiceInput,
  ServicePatch,
} from './domain/write.types';

/** Who may read the audit trail: coordinators and admins all of it, partners their own organisation's. */
const AUDIT_TRAIL_RULE: AccessRule = {
  action: 'read the audit trail',
  allowed: { [Role.COORDINATOR]: '', [Role.ADMIN]: '', [Role.PARTNER]: 'of their own organisation (give organizationId)' },
};
/** Who may change listings: members of the organisation (partners) and admins. */
const LISTING_EDIT_RULE: AccessRule = { action: 'change listings', allowed: { [Role.ADMIN]: '', [Role.PARTNER]: 'of their own organisation' } };
/** Who verifies listings and admits organisations. */
const COORDINATION_RULE = rolesRule('verify listings and admit organisations', [Role.COORDINATOR, Role.ADMIN]);

type Resource = 'organization' | 'service' | 'location';

/** GraphQL field → database column for the patchable fields of each resource. */
const SERVICE_COLUMNS: Record<string, string> = {
  name: 'name', description: 'description', category: 'category', specialty: 'specialty', minAge: 'min_age', maxAge: 'max_age',
  insuranceRequirement: 'insurance_requirement', eligibilityNote: 'eligibility_note', languages: 'languages', accessibility: 'accessibility',
  deliveryModes: 'delivery_modes', serviceArea: 'service_area', equipment: 'equipment', costType: 'cost_type', feeAmountEuro: 'fee_amount', costNote: 'cost_note',
};
const ORGANIZATION_COLUMNS: Record<string, string> = { name: 'name', kind: 'kind', website: 'website', email: 'email', phones: 'phones', identifiers: 'identifiers' };
const LOCATION_COLUMNS: Record<string, string> = { name: 'name', street: 'street', postcode: 'postcode', town: 'town', phones: 'phones' };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Partner self-service and coordinator actions. Every write: authorised against the resource's
 * organisation, validated, version-checked under a row lock, audited field by field — all in one
 * transaction, so a rejected write leaves nothing behind.
 */
@Injectable()
export class CatalogueWriteService {
  constructor(
    private readonly repository: CatalogueWriteRepository,
    private readonly catalogue: CatalogueService,
    private readonly env: Environment,
    @Inject(GEOCODER) private readonly geocoder: Geocoder,
  ) {}

  // ---------- organizations ----------

  /** A new organisation starts PENDING: invisible to search and matching until a coordinator activates it. */
  async registerOrganization(actor: Actor, input: { name: string; kind: OrganizationKind; website?: string | null; email?: string | null; phones?: { number: string; label?: string }[]; identifiers?: { scheme: string; value: string }[] }): Promise<string> {
    return this.repository.transaction(actor, async (tx) => {
      const id = await tx.insertOrganization({
        name: input.name, kind: input.kind, website: input.website ?? null, email: input.email ?? null,
        phones: input.phones ?? [], identifiers: input.identifiers ?? [], status: OrganizationStatus.PENDING,
      });
      await tx.audit({ organizationId: id, resourceType: 'organization', resourceId: id, action: 'create', replacementValue: input });
      return id;
    });
  }

  updateOrganization(actor: Actor, id: string, expectedVersion: number, patch: OrganizationPatch): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'organization', id, expectedVersion, actor);
      return this.applyColumns(tx, 'organization', row, patch, ORGANIZATION_COLUMNS);
    });
  }

  setOrganizationStatus(actor: Actor, id: string, status: OrganizationStatus, expectedVersion?: number): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'organization', id, expectedVersion, actor, 'coordinate');
      if (row.status === status) return row.version;
      const version = await tx.update('organization', id, { status });
      await tx.audit({ organizationId: id, resourceType: 'organization', resourceId: id, action: 'status', fieldName: 'status', previousValue: row.status, replacementValue: status });
      return version;
    });
  }

  verifyOrganization(actor: Actor, id: string): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      await this.locked(tx, 'organization', id, undefined, actor, 'coordinate');
      const version = await tx.stamp('organization', id, { verified_at: DATABASE_NOW, verified_by: actor.displayName });
      await tx.audit({ organizationId: id, resourceType: 'organization', resourceId: id, action: 'verify' });
      return version;
    });
  }

  // ---------- locations ----------

  /**
   * A new location: the coordinates given win (EXACT); without them the address is geocoded and
   * the point says how approximate it is. The district and municipality follow from the point.
   */
  async createLocation(actor: Actor, organizationId: string, input: LocationInput): Promise<string> {
    const point = await this.pointOf(input, input, 'input');
    return this.repository.transaction(actor, async (tx) => {
      await this.locked(tx, 'organization', organizationId, undefined, actor);
      const id = await tx.insertLocation(organizationId, { ...input, ...point });
      await tx.audit({ organizationId, resourceType: 'location', resourceId: id, action: 'create', replacementValue: { ...input, ...point } });
      return id;
    });
  }

  /**
   * Coordinates in the patch win and make the point EXACT (the partner placed the pin). Without
   * them, a new postcode or town — or any address change while the point is only approximate —
   * geocodes the new address; a street corrected under a hand-placed pin keeps the pin.
   */
  updateLocation(actor: Actor, id: string, expectedVersion: number, patch: LocationPatch): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'location', id, expectedVersion, actor);
      const columns = this.changedColumns(row, patch, LOCATION_COLUMNS);
      const handPlaced = patch.latitude != null || patch.longitude != null;
      let point: { latitude: number; longitude: number; geocodePrecision: GeocodePrecision } | undefined;
      if (handPlaced) {
        point = await this.pointOf(patch, patch, 'patch');
      } else if ('postcode' in columns || 'town' in columns || (('street' in columns) && row.geocode_precision !== GeocodePrecision.EXACT)) {
        const address = { street: (patch.street ?? row.street) as string, postcode: (patch.postcode ?? row.postcode) as string, town: (patch.town ?? row.town) as string };
        point = await this.pointOf({}, address, 'patch');
      }
      const moved = point !== undefined && (point.latitude !== row.latitude || point.longitude !== row.longitude);
      if (moved) columns.point = { latitude: point!.latitude, longitude: point!.longitude };
      if (point && point.geocodePrecision !== row.geocode_precision) columns.geocode_precision = point.geocodePrecision;
      if (Object.keys(columns).length === 0) return row.version;
      const version = await tx.update('location', id, columns);
      await this.auditColumns(tx, 'location', row, columns, { ...LOCATION_COLUMNS, geocodePrecision: 'geocode_precision' }, moved ? { point: { latitude: row.latitude, longitude: row.longitude } } : {});
      return version;
    });
  }

  /**
   * The point of a location: the coordinates when given (both, EXACT), else the geocoder's answer
   * for the address; an address it cannot place is bad input naming the postcode.
   */
  private async pointOf(
    coordinates: { latitude?: number | null; longitude?: number | null },
    address: AddressQuery,
    prefix: string,
  ): Promise<{ latitude: number; longitude: number; geocodePrecision: GeocodePrecision }> {
    const { latitude, longitude } = coordinates;
    if (latitude != null && longitude != null) return { latitude, longitude, geocodePrecision: GeocodePrecision.EXACT };
    if (latitude != null || longitude != null) throw InvalidInputError.of(`${prefix}.${latitude == null ? 'latitude' : 'longitude'}`, 'give latitude and longitude together');
    const found = await this.geocoder.geocode(address);
    if (!found) throw InvalidInputError.of(`${prefix}.postcode`, 'address not found: give a postcode or town Lotse knows, or latitude and longitude');
    return { latitude: found.latitude, longitude: found.longitude, geocodePrecision: found.precision };
  }

  /** Removes a location; services offered only there stay, without a place, until given another. */
  retireLocation(actor: Actor, id: string, expectedVersion: number): Promise<boolean> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'location', id, expectedVersion, actor);
      await tx.deleteLocation(id);
      await tx.audit({ organizationId: row.organization_id, resourceType: 'location', resourceId: id, action: 'retire', previousValue: { street: row.street, town: row.town } });
      return true;
    });
  }

  // ---------- services ----------

  async createService(actor: Actor, organizationId: string, input: ServiceInput): Promise<string> {
    await this.catalogue.assertKnownNeeds(input.needs, 'input.needs');
    this.assertAges(input.minAge, input.maxAge, 'input');
    if (input.serviceArea) {
      input = { ...input, serviceArea: await this.knownAreas(input.serviceArea, 'input.serviceArea') };
      this.assertServiceArea(input.serviceArea!, input.deliveryModes, 'input.serviceArea');
    }
    this.assertEquipment(input.equipment, input.category, 'input.equipment');
    return this.repository.transaction(actor, async (tx) => {
      await this.locked(tx, 'organization', organizationId, undefined, actor);
      if (!(await tx.locationsOwnedBy(organizationId, input.locationIds))) throw InvalidInputError.of('input.locationIds', 'every location must belong to the organisation');
      const columns: Record<string, unknown> = {};
      for (const [field, column] of Object.entries(SERVICE_COLUMNS)) {
        const value = (input as unknown as Record<string, unknown>)[field];
        if (value !== undefined) columns[column] = value;
      }
      columns.accepting_new_clients = true;
      const id = await tx.insertService(organizationId, columns);
      await tx.replaceNeeds(id, input.needs);
      await tx.replaceLocations(id, input.locationIds);
      await tx.audit({ organizationId, resourceType: 'service', resourceId: id, action: 'create', replacementValue: input });
      return id;
    });
  }

  async updateService(actor: Actor, id: string, expectedVersion: number, patch: ServicePatch): Promise<number> {
    if (patch.needs) await this.catalogue.assertKnownNeeds(patch.needs, 'patch.needs');
    // before the transaction: the embedded database has one connection, which the transaction holds
    if (patch.serviceArea) patch = { ...patch, serviceArea: await this.knownAreas(patch.serviceArea, 'patch.serviceArea') };
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, expectedVersion, actor);
      const deliveryModes = patch.deliveryModes ?? (row.delivery_modes as DeliveryMode[]);
      if (patch.serviceArea) this.assertServiceArea(patch.serviceArea, deliveryModes, 'patch.serviceArea');
      else if (patch.deliveryModes) this.assertServiceArea(row.service_area as string[], deliveryModes, 'patch.deliveryModes');
      this.assertEquipment(patch.equipment, patch.category ?? (row.category as ServiceCategory), 'patch.equipment');
      this.assertAges(patch.minAge !== undefined ? patch.minAge : (row.min_age as number | null), patch.maxAge !== undefined ? patch.maxAge : (row.max_age as number | null), 'patch');
      let version = row.version;
      const columns = this.changedColumns(row, patch, SERVICE_COLUMNS);
      if (Object.keys(columns).length > 0) {
        version = await tx.update('service', id, columns);
        await this.auditColumns(tx, 'service', row, columns, SERVICE_COLUMNS);
      }
      const needs = patch.needs && [...new Set(patch.needs)].sort();
      if (needs && !same(needs, row.needs)) {
        await tx.replaceNeeds(id, needs);
        await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'update', fieldName: 'needs', previousValue: row.needs, replacementValue: needs });
        if (version === row.version) version = await tx.touchService(id);
      }
      const locationIds = patch.locationIds && [...new Set(patch.locationIds)].sort();
      if (locationIds && !same(locationIds, row.location_ids)) {
        if (!(await tx.locationsOwnedBy(row.organization_id, locationIds))) throw InvalidInputError.of('patch.locationIds', 'every location must belong to the organisation');
        await tx.replaceLocations(id, locationIds);
        await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'update', fieldName: 'locationIds', previousValue: row.location_ids, replacementValue: locationIds });
        if (version === row.version) version = await tx.touchService(id);
      }
      return version;
    });
  }

  retireService(actor: Actor, id: string, expectedVersion: number): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, expectedVersion, actor);
      if (row.status === ServiceStatus.INACTIVE) return row.version;
      const version = await tx.update('service', id, { status: ServiceStatus.INACTIVE });
      await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'retire', fieldName: 'status', previousValue: row.status, replacementValue: ServiceStatus.INACTIVE });
      return version;
    });
  }

  /** Capacity is stamped with the time of the update: matching and coordinators judge freshness by it. */
  updateCapacity(actor: Actor, id: string, expectedVersion: number, capacity: CapacityInput): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, expectedVersion, actor);
      const columns: Record<string, unknown> = { accepting_new_clients: capacity.acceptingNewClients, capacity_updated_at: DATABASE_NOW };
      if (capacity.freeSeats !== undefined) columns.free_seats = capacity.freeSeats;
      if (capacity.waitingDays !== undefined) columns.waiting_days = capacity.waitingDays;
      const version = await tx.update('service', id, columns);
      const fields: [string, string][] = [['acceptingNewClients', 'accepting_new_clients'], ['freeSeats', 'free_seats'], ['waitingDays', 'waiting_days']];
      for (const [field, column] of fields) {
        if (column in columns && !same(row[column], columns[column])) {
          await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'update', fieldName: field, previousValue: row[column], replacementValue: columns[column] });
        }
      }
      return version;
    });
  }

  setOpeningHours(actor: Actor, id: string, expectedVersion: number, hours: OpeningHoursInput[]): Promise<number> {
    hours.forEach((h, i) => {
      if (h.opensAt >= h.closesAt) throw InvalidInputError.of(`hours.${i}.closesAt`, 'must be after opensAt');
    });
    const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || a.opensAt.localeCompare(b.opensAt));
    sorted.forEach((h, i) => {
      const next = sorted[i + 1];
      if (next && next.weekday === h.weekday && next.opensAt < h.closesAt) throw InvalidInputError.of('hours', `overlapping hours on weekday ${h.weekday}`);
    });
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, expectedVersion, actor);
      if (same(sorted, row.opening_hours)) return row.version;
      await tx.replaceOpeningHours(id, sorted);
      await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'update', fieldName: 'openingHours', previousValue: row.opening_hours, replacementValue: sorted });
      return tx.touchService(id);
    });
  }

  setCourseSessions(actor: Actor, id: string, expectedVersion: number, sessions: CourseSessionInput[]): Promise<number> {
    sessions.forEach((s, i) => {
      if (s.startsOn > s.endsOn) throw InvalidInputError.of(`sessions.${i}.endsOn`, 'must not be before startsOn');
      if (s.startTime >= s.endTime) throw InvalidInputError.of(`sessions.${i}.endTime`, 'must be after startTime');
      if (s.freeSeats > s.seats) throw InvalidInputError.of(`sessions.${i}.freeSeats`, 'cannot exceed seats');
    });
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, expectedVersion, actor);
      if (row.category !== ServiceCategory.COURSE) throw InvalidInputError.of('id', 'only courses have sessions');
      await tx.replaceSessions(id, sessions);
      await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'update', fieldName: 'sessions', previousValue: row.sessions, replacementValue: sessions });
      return tx.touchService(id);
    });
  }

  verifyService(actor: Actor, id: string): Promise<number> {
    return this.repository.transaction(actor, async (tx) => {
      const row = await this.locked(tx, 'service', id, undefined, actor, 'coordinate');
      const version = await tx.stamp('service', id, { verified_at: DATABASE_NOW, verified_by: actor.displayName });
      await tx.audit({ organizationId: row.organization_id, resourceType: 'service', resourceId: id, action: 'verify' });
      return version;
    });
  }

  // ---------- reads for coordinators and partners ----------

  async auditTrail(actor: Actor, filter: { organizationId?: string; resourceId?: string }, page: { limit: number; afterId?: string }): Promise<[AuditEvent[], number]> {
    const coordinating = actor.role === Role.COORDINATOR || actor.role === Role.ADMIN;
    if (!coordinating) {
      if (actor.role !== Role.PARTNER || !filter.organizationId || !actor.organizationIds.includes(filter.organizationId)) {
        throw refusal(AUDIT_TRAIL_RULE, actor.role);
      }
    }
    return Promise.all([this.repository.findAudit(filter, page), this.repository.countAudit(filter)]);
  }

  verificationQueue(filter: QueueFilter, page: { limit: number; afterKey?: string }): Promise<[QueueRow[], number]> {
    const thresholds = { capacityStaleDays: this.env.CAPACITY_STALE_DAYS, verificationStaleDays: this.env.VERIFICATION_STALE_DAYS };
    return Promise.all([this.repository.findVerificationQueue(thresholds, filter, page), this.repository.countVerificationQueue(thresholds, filter)]);
  }

  // ---------- helpers ----------

  /**
   * Locks the row, checks it exists, that the actor may act on its organisation ('edit': members
   * and admins; 'coordinate': coordinators and admins) and that it still has the expected version.
   */
  private async locked(tx: CatalogueWriteTx, resource: Resource, id: string, expectedVersion: number | undefined, actor: Actor, action: 'edit' | 'coordinate' = 'edit'): Promise<LockedRow> {
    const row = resource === 'organization' ? await tx.lockOrganization(id) : resource === 'service' ? await tx.lockService(id) : await tx.lockLocation(id);
    if (!row) throw new NotFoundError(resource[0].toUpperCase() + resource.slice(1), id);
    const allowed =
      actor.role === Role.ADMIN ||
      (action === 'edit' ? actor.role === Role.PARTNER && actor.organizationIds.includes(row.organization_id) : actor.role === Role.COORDINATOR);
    if (!allowed) throw refusal(action === 'edit' ? LISTING_EDIT_RULE : COORDINATION_RULE, actor.role);
    if (expectedVersion !== undefined && row.version !== expectedVersion) {
      throw new ConflictError(resource, id, row.version, expectedVersion);
    }
    return row;
  }

  private changedColumns(row: LockedRow, patch: object, map: Record<string, string>): Record<string, unknown> {
    const columns: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(patch)) {
      const column = map[field];
      if (column && value !== undefined && !same(row[column], value)) columns[column] = value;
    }
    return columns;
  }

  private async applyColumns(tx: CatalogueWriteTx, resource: Resource, row: LockedRow, patch: object, map: Record<string, string>): Promise<number> {
    const columns = this.changedColumns(row, patch, map);
    if (Object.keys(columns).length === 0) return row.version;
    const version = await tx.update(resource, row.id, columns);
    await this.auditColumns(tx, resource, row, columns, map);
    return version;
  }

  private async auditColumns(tx: CatalogueWriteTx, resource: Resource, row: LockedRow, columns: Record<string, unknown>, map: Record<string, string>, previousExtra: Record<string, unknown> = {}): Promise<void> {
    const fieldOf = Object.fromEntries(Object.entries(map).map(([f, c]) => [c, f]));
    for (const [column, value] of Object.entries(columns)) {
      await tx.audit({
        organizationId: row.organization_id, resourceType: resource, resourceId: row.id, action: 'update',
        fieldName: fieldOf[column] ?? column, previousValue: column in previousExtra ? previousExtra[column] : row[column], replacementValue: value,
      });
    }
  }

  /**
   * A service area names districts or municipalities of Saxony that exist; returned sorted and
   * without repeats, so an edit that only reorders changes nothing.
   */
  private async knownAreas(area: string[], field: string): Promise<string[]> {
    const codes = [...new Set(area)].sort();
    const unknown = await this.catalogue.unknownAreas(codes);
    if (unknown.length) throw InvalidInputError.of(field, `unknown district or municipality: ${unknown.join(', ')}`);
    return codes;
  }

  /** A service area belongs to a service that comes to people or talks online: one offered only in person serves at its locations. */
  private assertServiceArea(area: string[], deliveryModes: DeliveryMode[], field: string): void {
    if (area.length && !deliveryModes.some((m) => m === DeliveryMode.OUTREACH || m === DeliveryMode.ONLINE)) {
      throw InvalidInputError.of(field, 'only an outreach or online service has a service area (add OUTREACH or ONLINE to deliveryModes)');
    }
  }

  private assertEquipment(equipment: unknown[] | undefined, category: ServiceCategory, field: string): void {
    if (equipment?.length && category !== ServiceCategory.COMMUNITY_ROOM) throw InvalidInputError.of(field, 'only rooms (COMMUNITY_ROOM) list equipment');
  }

  private assertAges(minAge: number | null | undefined, maxAge: number | null | undefined, prefix: string): void {
    if (minAge != null && maxAge != null && minAge > maxAge) throw InvalidInputError.of(`${prefix}.maxAge`, 'must not be below minAge');
  }
}
