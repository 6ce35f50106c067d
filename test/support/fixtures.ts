import {
  CostType,
  DeliveryMode,
  InsuranceRequirement,
  OrganizationImport,
  OrganizationKind,
  OrganizationStatus,
  ServiceCategory,
  ServiceImport,
} from '@lotse/catalogue';

/** A minimal valid service; tests override what they assert on. */
export function serviceFixture(overrides: Partial<ServiceImport> = {}): ServiceImport {
  return {
    name: 'Testangebot',
    description: 'Fiktives Testangebot',
    category: ServiceCategory.ADDICTION_COUNSELLING,
    needs: ['addiction'],
    insuranceRequirement: InsuranceRequirement.NONE,
    languages: ['de'],
    accessibility: [],
    deliveryModes: [DeliveryMode.IN_PERSON],
    cost: { type: CostType.FREE },
    capacity: { acceptingNewClients: true, waitingDays: 7, updatedAt: new Date('2026-11-01T00:00:00Z') },
    openingHours: [{ weekday: 1, opensAt: '09:00', closesAt: '12:00' }],
    sessions: [],
    locationKeys: ['main'],
    ...overrides,
  };
}

/** One organization with one location at the given point and the given services. */
export function organizationAt(name: string, latitude: number, longitude: number, services: ServiceImport[] = [serviceFixture()], status = OrganizationStatus.ACTIVE): OrganizationImport {
  return {
    name,
    kind: OrganizationKind.COUNSELLING_SERVICE,
    identifiers: [],
    phones: [],
    status,
    fictitious: true,
    locations: [{ key: 'main', street: 'Teststraße 1', postcode: '01067', town: 'Testort', latitude, longitude }],
    services,
  };
}
