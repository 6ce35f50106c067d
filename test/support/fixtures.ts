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

/** A moment `days` before now: fixtures age with the clock, never with the calendar. */
export function daysAgo(days: number, now = Date.now()): Date {
  return new Date(now - days * 86_400_000);
}

/** 'YYYY-MM-DD' of the first Monday at least `days` after today (UTC): course runs that stay in the future. */
export function mondayAfter(days: number, now = Date.now()): string {
  const d = new Date(now + days * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7));
  return d.toISOString().slice(0, 10);
}

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
    capacity: { acceptingNewClients: true, waitingDays: 7, updatedAt: daysAgo(1) },
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
