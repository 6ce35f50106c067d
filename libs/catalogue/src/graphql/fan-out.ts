/**
 * Declared fan-out of the catalogue's nested lists, for the query cost (`Cost.list`): generous
 * typical sizes — a request is estimated as if every parent had this many. test/query-cost checks
 * the demo catalogue's 95th percentiles against them.
 */
export const CATALOGUE_FAN_OUT = {
  servicesPerOrganization: 10,
  locationsPerOrganization: 5,
  locationsPerService: 3,
  servicesPerLocation: 10,
  needsPerService: 5,
  languagesPerService: 5,
  openingHoursPerService: 7,
  sessionsPerService: 10,
  organizationsPerMember: 3,
  partnerKindsPerNeed: 3,
  /** categories with services in a district or municipality (ServiceCategory has 9) */
  categories: 9,
} as const;
