/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AccessibilityFeature =
  | 'ACCESSIBLE_PARKING'
  | 'ACCESSIBLE_WC'
  | 'BRAILLE'
  | 'EASY_LANGUAGE'
  | 'HEARING_LOOP'
  | 'LIFT'
  | 'SIGN_LANGUAGE'
  | 'STEP_FREE_ACCESS';

export type CapacityInputGql = {
  acceptingNewClients: boolean;
  freeSeats?: number | null | undefined;
  waitingDays?: number | null | undefined;
};

export type CostType =
  | 'FEE'
  | 'FREE'
  | 'INSURER_SUBSIDISED'
  | 'STATUTORY_INSURANCE';

export type CourseSessionInputGql = {
  endTime: string;
  endsOn: string;
  freeSeats: number;
  seats: number;
  startTime: string;
  startsOn: string;
  weekday: number;
};

/** IN_PERSON, OUTREACH (aufsuchend) or ONLINE */
export type DeliveryMode =
  | 'IN_PERSON'
  | 'ONLINE'
  | 'OUTREACH';

/** When the participant leaves, for public transport with a timetable (default: Tuesday 07:00–09:00) */
export type DepartureWindowInput = {
  /** HH:MM, local time: leaving home from */
  from?: string;
  /** HH:MM (24:00 allowed): leaving home until */
  to?: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday?: number;
};

/** How exact a location’s point is: EXACT (the building), STREET, POSTCODE or LOCALITY (approximate) */
export type GeocodePrecision =
  | 'EXACT'
  | 'LOCALITY'
  | 'POSTCODE'
  | 'STREET';

export type InsuranceRequirement =
  | 'NONE'
  | 'STATUTORY'
  | 'STATUTORY_OR_PRIVATE';

export type LocationInputGql = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  postcode: string;
  street: string;
  town: string;
};

/** An address; latitude and longitude are optional — without them the address is geocoded (see geocodePrecision), with them they win */
export type LocationPatchInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  postcode?: string | null | undefined;
  street?: string | null | undefined;
  town?: string | null | undefined;
};

export type MedicalSpecialty =
  | 'ADDICTION_MEDICINE'
  | 'ANAESTHESIOLOGY'
  | 'ANATOMY'
  | 'ANGIOLOGY'
  | 'BIOCHEMISTRY'
  | 'CARDIAC_SURGERY'
  | 'CARDIOLOGY'
  | 'CHILD_ADOLESCENT_PSYCHIATRY'
  | 'CLINICAL_PHARMACOLOGY'
  | 'DERMATOLOGY'
  | 'DIABETOLOGY'
  | 'FORENSIC_MEDICINE'
  | 'GASTROENTEROLOGY'
  | 'GENERAL_PRACTICE'
  | 'GENERAL_SURGERY'
  | 'GYNAECOLOGY_OBSTETRICS'
  | 'HAEMATOLOGY_ONCOLOGY'
  | 'HUMAN_GENETICS'
  | 'HYGIENE_ENVIRONMENTAL_MEDICINE'
  | 'INFECTIOLOGY'
  | 'INTERNAL_MEDICINE'
  | 'LABORATORY_MEDICINE'
  | 'MICROBIOLOGY'
  | 'NEPHROLOGY'
  | 'NEUROLOGY'
  | 'NEUROPATHOLOGY'
  | 'NEUROSURGERY'
  | 'NUCLEAR_MEDICINE'
  | 'OCCUPATIONAL_MEDICINE'
  | 'OPHTHALMOLOGY'
  | 'ORAL_MAXILLOFACIAL_SURGERY'
  | 'ORTHOPAEDICS'
  | 'OTORHINOLARYNGOLOGY'
  | 'PAEDIATRICS'
  | 'PAEDIATRIC_SURGERY'
  | 'PAIN_MEDICINE'
  | 'PATHOLOGY'
  | 'PHARMACOLOGY_TOXICOLOGY'
  | 'PHONIATRICS'
  | 'PHYSICAL_AND_REHABILITATIVE_MEDICINE'
  | 'PHYSIOLOGY'
  | 'PLASTIC_SURGERY'
  | 'PNEUMOLOGY'
  | 'PSYCHIATRY'
  | 'PSYCHOSOMATIC_MEDICINE'
  | 'PSYCHOTHERAPY'
  | 'PUBLIC_HEALTH'
  | 'RADIATION_ONCOLOGY'
  | 'RADIOLOGY'
  | 'RHEUMATOLOGY'
  | 'THORACIC_SURGERY'
  | 'TRANSFUSION_MEDICINE'
  | 'UROLOGY'
  | 'VASCULAR_SURGERY'
  | 'VISCERAL_SURGERY';

/** Which needs, how people travel, the time limit, and optionally one district */
export type NetworkCoverageInput = {
  /** public transport with a timetable: when people leave (default Tuesday 07:00–09:00) */
  departure?: DepartureWindowInput | null | undefined;
  /** 5-digit AGS of a district; all Saxony when absent. Partners beyond the district border still count. */
  districtAgs?: string | null | undefined;
  mode?: TravelMode;
  /** need codes of the taxonomy (needsTaxonomy), e.g. ["addiction", "psychotherapy"] */
  needs: Array<string>;
  /** a municipality is covered when the nearest partner is at most this many minutes away (1–240) */
  thresholdMinutes: number;
};

export type OpeningHoursInputGql = {
  closesAt: string;
  opensAt: string;
  weekday: number;
};

/** Kind of partner organisation (Netzwerkpartner) */
export type OrganizationKind =
  | 'CLINIC'
  | 'COUNSELLING_SERVICE'
  | 'COURSE_PROVIDER'
  | 'EMPLOYMENT_PROVIDER'
  | 'HEALTH_INSURER'
  | 'MUNICIPALITY'
  | 'OTHER'
  | 'PHYSICIAN_PRACTICE'
  | 'SOCIAL_SERVICE_PROVIDER';

/** Only ACTIVE organisations appear in the directory */
export type OrganizationStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'PENDING';

/** A listing to verify, or an organisation to admit or verify */
export type QueueItemKind =
  | 'ORGANIZATION'
  | 'SERVICE';

/** Why a listing is in the coordinators’ queue */
export type QueueReason =
  | 'AWAITING_ADMISSION'
  | 'CHANGED_SINCE_VERIFICATION'
  | 'NEVER_VERIFIED'
  | 'STALE_CAPACITY'
  | 'STALE_VERIFICATION';

export type Role =
  | 'ADMIN'
  | 'COACH'
  | 'COORDINATOR'
  | 'PARTNER';

export type ServiceCategory =
  | 'ADDICTION_COUNSELLING'
  | 'CLINIC'
  | 'COMMUNITY_ROOM'
  | 'COURSE'
  | 'EMPLOYMENT_MEASURE'
  | 'HEALTH_INSURER'
  | 'PHYSICIAN'
  | 'PSYCHOSOCIAL_SERVICE'
  | 'SOCIAL_SERVICE';

export type ServicePatchInput = {
  accessibility?: Array<AccessibilityFeature> | null | undefined;
  category?: ServiceCategory | null | undefined;
  costNote?: string | null | undefined;
  costType?: CostType | null | undefined;
  deliveryModes?: Array<DeliveryMode> | null | undefined;
  description?: string | null | undefined;
  eligibilityNote?: string | null | undefined;
  feeAmountEuro?: number | null | undefined;
  insuranceRequirement?: InsuranceRequirement | null | undefined;
  /** ISO 639-1 or ISO 639-3 codes */
  languages?: Array<string> | null | undefined;
  locationIds?: Array<string | number> | null | undefined;
  maxAge?: number | null | undefined;
  minAge?: number | null | undefined;
  name?: string | null | undefined;
  needs?: Array<string> | null | undefined;
  specialty?: MedicalSpecialty | null | undefined;
};

export type ServiceStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** How the participant travels */
export type TravelMode =
  | 'BICYCLE'
  | 'CAR'
  | 'PUBLIC_TRANSPORT'
  | 'WALK';

export type SessionUserFragment = { id: string, email: string, displayName: string, role: Role, organizationIds: Array<string> };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, displayName: string, role: Role, organizationIds: Array<string> } } };

export type RefreshTokenMutationVariables = Exact<{
  refreshToken: string;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { id: string, email: string, displayName: string, role: Role, organizationIds: Array<string> } } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, displayName: string, role: Role, organizationIds: Array<string> } };

export type CoordinatorLookupsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorLookupsQuery = { districts: Array<{ ags: string, name: string }>, needs: Array<{ code: string, labelDe: string, group: string }> };

export type VerificationQueueQueryVariables = Exact<{
  districtAgs?: string | null | undefined;
  reasons?: Array<QueueReason> | QueueReason | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VerificationQueueQuery = { verificationQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { kind: QueueItemKind, reasons: Array<QueueReason>, changedFields: Array<string>, organization: { id: string, version: number, name: string, kind: OrganizationKind, status: OrganizationStatus, verification: { verifiedAt: string | null } }, service: { id: string, name: string, category: ServiceCategory, verification: { verifiedAt: string | null }, capacity: { updatedAt: string }, locations: Array<{ town: string }> } | null } }> } };

export type VerifyServiceMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyServiceMutation = { verifyService: { id: string, verification: { verifiedAt: string | null } } };

export type VerifyOrganizationMutationVariables = Exact<{
  id: string | number;
}>;


export type VerifyOrganizationMutation = { verifyOrganization: { id: string, verification: { verifiedAt: string | null } } };

export type ActivateOrganizationMutationVariables = Exact<{
  id: string | number;
  expectedVersion?: number | null | undefined;
}>;


export type ActivateOrganizationMutation = { activateOrganization: { id: string, status: OrganizationStatus, version: number } };

export type NetworkCoverageViewQueryVariables = Exact<{
  input: NetworkCoverageInput;
  need?: string | null | undefined;
}>;


export type NetworkCoverageViewQuery = { networkCoverage: { mode: TravelMode, thresholdMinutes: number, districtAgs: string | null, method: { estimated: boolean }, summary: Array<{ municipalities: number, coveredMunicipalities: number, uncoveredMunicipalities: number, municipalitiesWithoutPartner: number, population: number | null, populationCovered: number | null, coveredPopulationShare: number | null, medianNearestMinutes: number | null, maxNearestMinutes: number | null, need: { code: string, labelDe: string } }>, gapList: Array<{ municipalityAgs: string, municipalityName: string, districtName: string, covered: boolean, population: number | null, populationUncovered: number | null, need: { labelDe: string }, nearest: { serviceName: string, organizationName: string, town: string, travelMinutes: number, travelMode: TravelMode } | null }>, networkSize: Array<{ districtAgs: string, category: ServiceCategory, services: number, organizations: number }>, freshness: { freshDays: number, overall: { services: number, verifiedWithin: number, share: number | null } } } };

export type PartnerCapacityFragment = { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string };

export type PartnerLocationFragment = { id: string, version: number, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number, districtAgs: string | null, geocodePrecision: GeocodePrecision, municipality: { name: string } | null };

export type PartnerServiceFragment = { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> };

export type MyOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationsQuery = { myOrganizations: Array<{ id: string, version: number, name: string, kind: OrganizationKind, status: OrganizationStatus, verification: { verifiedAt: string | null }, services: Array<{ id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> }>, locations: Array<{ id: string, version: number, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number, districtAgs: string | null, geocodePrecision: GeocodePrecision, municipality: { name: string } | null }> }> };

export type PartnerServiceByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerServiceByIdQuery = { service: { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, organization: { id: string, name: string }, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> } };

export type PartnerLocationByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerLocationByIdQuery = { location: { id: string, version: number, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number, districtAgs: string | null, geocodePrecision: GeocodePrecision, organization: { id: string, name: string }, municipality: { name: string } | null } };

export type UpdateCapacityMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  capacity: CapacityInputGql;
}>;


export type UpdateCapacityMutation = { updateCapacity: { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> } };

export type UpdateServiceTextMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: ServicePatchInput;
}>;


export type UpdateServiceTextMutation = { updateService: { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> } };

export type SetOpeningHoursMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  hours: Array<OpeningHoursInputGql> | OpeningHoursInputGql;
}>;


export type SetOpeningHoursMutation = { setOpeningHours: { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> } };

export type SetCourseSessionsMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  sessions: Array<CourseSessionInputGql> | CourseSessionInputGql;
}>;


export type SetCourseSessionsMutation = { setCourseSessions: { id: string, version: number, name: string, description: string, category: ServiceCategory, status: ServiceStatus, updatedAt: string, accessibility: Array<AccessibilityFeature>, deliveryModes: Array<DeliveryMode>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, eligibility: { minAge: number | null, maxAge: number | null, insuranceRequirement: InsuranceRequirement, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, verification: { verifiedAt: string | null }, locations: Array<{ id: string, name: string | null, street: string, town: string }>, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, seats: number, freeSeats: number }> } };

export type CreatePartnerLocationMutationVariables = Exact<{
  organizationId: string | number;
  input: LocationInputGql;
}>;


export type CreatePartnerLocationMutation = { createLocation: { id: string, version: number, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number, districtAgs: string | null, geocodePrecision: GeocodePrecision, municipality: { name: string } | null } };

export type UpdatePartnerLocationMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: LocationPatchInput;
}>;


export type UpdatePartnerLocationMutation = { updateLocation: { id: string, version: number, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number, districtAgs: string | null, geocodePrecision: GeocodePrecision, municipality: { name: string } | null } };

export type OrganizationAuditQueryVariables = Exact<{
  organizationId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationAuditQuery = { auditTrail: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, action: string, actorName: string, actorRole: string, resourceType: string, resourceId: string, fieldName: string | null, previousValue: unknown, replacementValue: unknown, occurredAt: string } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const SessionUserFragmentDoc = new TypedDocumentString(`
    fragment SessionUser on User {
  id
  email
  displayName
  role
  organizationIds
}
    `, {"fragmentName":"SessionUser"}) as unknown as TypedDocumentString<SessionUserFragment, unknown>;
export const PartnerLocationFragmentDoc = new TypedDocumentString(`
    fragment PartnerLocation on Location {
  id
  version
  name
  street
  postcode
  town
  latitude
  longitude
  districtAgs
  geocodePrecision
  municipality {
    name
  }
}
    `, {"fragmentName":"PartnerLocation"}) as unknown as TypedDocumentString<PartnerLocationFragment, unknown>;
export const PartnerCapacityFragmentDoc = new TypedDocumentString(`
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
    `, {"fragmentName":"PartnerCapacity"}) as unknown as TypedDocumentString<PartnerCapacityFragment, unknown>;
export const PartnerServiceFragmentDoc = new TypedDocumentString(`
    fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}`, {"fragmentName":"PartnerService"}) as unknown as TypedDocumentString<PartnerServiceFragment, unknown>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  email
  displayName
  role
  organizationIds
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RefreshTokenDocument = new TypedDocumentString(`
    mutation RefreshToken($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
    user {
      ...SessionUser
    }
  }
}
    fragment SessionUser on User {
  id
  email
  displayName
  role
  organizationIds
}`) as unknown as TypedDocumentString<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    ...SessionUser
  }
}
    fragment SessionUser on User {
  id
  email
  displayName
  role
  organizationIds
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const CoordinatorLookupsDocument = new TypedDocumentString(`
    query CoordinatorLookups {
  districts {
    ags
    name
  }
  needs {
    code
    labelDe
    group
  }
}
    `) as unknown as TypedDocumentString<CoordinatorLookupsQuery, CoordinatorLookupsQueryVariables>;
export const VerificationQueueDocument = new TypedDocumentString(`
    query VerificationQueue($districtAgs: String, $reasons: [QueueReason!], $first: Int, $after: String) {
  verificationQueue(
    districtAgs: $districtAgs
    reasons: $reasons
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        kind
        reasons
        changedFields
        organization {
          id
          version
          name
          kind
          status
          verification {
            verifiedAt
          }
        }
        service {
          id
          name
          category
          verification {
            verifiedAt
          }
          capacity {
            updatedAt
          }
          locations {
            town
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VerificationQueueQuery, VerificationQueueQueryVariables>;
export const VerifyServiceDocument = new TypedDocumentString(`
    mutation VerifyService($id: ID!) {
  verifyService(id: $id) {
    id
    verification {
      verifiedAt
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyServiceMutation, VerifyServiceMutationVariables>;
export const VerifyOrganizationDocument = new TypedDocumentString(`
    mutation VerifyOrganization($id: ID!) {
  verifyOrganization(id: $id) {
    id
    verification {
      verifiedAt
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyOrganizationMutation, VerifyOrganizationMutationVariables>;
export const ActivateOrganizationDocument = new TypedDocumentString(`
    mutation ActivateOrganization($id: ID!, $expectedVersion: Int) {
  activateOrganization(id: $id, expectedVersion: $expectedVersion) {
    id
    status
    version
  }
}
    `) as unknown as TypedDocumentString<ActivateOrganizationMutation, ActivateOrganizationMutationVariables>;
export const NetworkCoverageViewDocument = new TypedDocumentString(`
    query NetworkCoverageView($input: NetworkCoverageInput!, $need: String) {
  networkCoverage(input: $input) {
    mode
    thresholdMinutes
    districtAgs
    method {
      estimated
    }
    summary {
      need {
        code
        labelDe
      }
      municipalities
      coveredMunicipalities
      uncoveredMunicipalities
      municipalitiesWithoutPartner
      population
      populationCovered
      coveredPopulationShare
      medianNearestMinutes
      maxNearestMinutes
    }
    gapList(first: 50, need: $need) {
      municipalityAgs
      municipalityName
      districtName
      covered
      population
      populationUncovered
      need {
        labelDe
      }
      nearest {
        serviceName
        organizationName
        town
        travelMinutes
        travelMode
      }
    }
    networkSize {
      districtAgs
      category
      services
      organizations
    }
    freshness {
      freshDays
      overall {
        services
        verifiedWithin
        share
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NetworkCoverageViewQuery, NetworkCoverageViewQueryVariables>;
export const MyOrganizationsDocument = new TypedDocumentString(`
    query MyOrganizations {
  myOrganizations {
    id
    version
    name
    kind
    status
    verification {
      verifiedAt
    }
    services {
      ...PartnerService
    }
    locations {
      ...PartnerLocation
    }
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerLocation on Location {
  id
  version
  name
  street
  postcode
  town
  latitude
  longitude
  districtAgs
  geocodePrecision
  municipality {
    name
  }
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<MyOrganizationsQuery, MyOrganizationsQueryVariables>;
export const PartnerServiceByIdDocument = new TypedDocumentString(`
    query PartnerServiceById($id: ID!) {
  service(id: $id) {
    ...PartnerService
    organization {
      id
      name
    }
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<PartnerServiceByIdQuery, PartnerServiceByIdQueryVariables>;
export const PartnerLocationByIdDocument = new TypedDocumentString(`
    query PartnerLocationById($id: ID!) {
  location(id: $id) {
    ...PartnerLocation
    organization {
      id
      name
    }
  }
}
    fragment PartnerLocation on Location {
  id
  version
  name
  street
  postcode
  town
  latitude
  longitude
  districtAgs
  geocodePrecision
  municipality {
    name
  }
}`) as unknown as TypedDocumentString<PartnerLocationByIdQuery, PartnerLocationByIdQueryVariables>;
export const UpdateCapacityDocument = new TypedDocumentString(`
    mutation UpdateCapacity($id: ID!, $expectedVersion: Int!, $capacity: CapacityInputGql!) {
  updateCapacity(id: $id, expectedVersion: $expectedVersion, capacity: $capacity) {
    ...PartnerService
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<UpdateCapacityMutation, UpdateCapacityMutationVariables>;
export const UpdateServiceTextDocument = new TypedDocumentString(`
    mutation UpdateServiceText($id: ID!, $expectedVersion: Int!, $patch: ServicePatchInput!) {
  updateService(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
    ...PartnerService
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<UpdateServiceTextMutation, UpdateServiceTextMutationVariables>;
export const SetOpeningHoursDocument = new TypedDocumentString(`
    mutation SetOpeningHours($id: ID!, $expectedVersion: Int!, $hours: [OpeningHoursInputGql!]!) {
  setOpeningHours(id: $id, expectedVersion: $expectedVersion, hours: $hours) {
    ...PartnerService
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<SetOpeningHoursMutation, SetOpeningHoursMutationVariables>;
export const SetCourseSessionsDocument = new TypedDocumentString(`
    mutation SetCourseSessions($id: ID!, $expectedVersion: Int!, $sessions: [CourseSessionInputGql!]!) {
  setCourseSessions(
    id: $id
    expectedVersion: $expectedVersion
    sessions: $sessions
  ) {
    ...PartnerService
  }
}
    fragment PartnerCapacity on Capacity {
  acceptingNewClients
  freeSeats
  waitingDays
  updatedAt
}
fragment PartnerService on Service {
  id
  version
  name
  description
  category
  status
  updatedAt
  accessibility
  deliveryModes
  cost {
    type
    feeAmountEuro
    note
  }
  eligibility {
    minAge
    maxAge
    insuranceRequirement
    note
  }
  capacity {
    ...PartnerCapacity
  }
  verification {
    verifiedAt
  }
  locations {
    id
    name
    street
    town
  }
  openingHours {
    weekday
    opensAt
    closesAt
  }
  sessions {
    id
    startsOn
    endsOn
    weekday
    startTime
    endTime
    seats
    freeSeats
  }
}`) as unknown as TypedDocumentString<SetCourseSessionsMutation, SetCourseSessionsMutationVariables>;
export const CreatePartnerLocationDocument = new TypedDocumentString(`
    mutation CreatePartnerLocation($organizationId: ID!, $input: LocationInputGql!) {
  createLocation(organizationId: $organizationId, input: $input) {
    ...PartnerLocation
  }
}
    fragment PartnerLocation on Location {
  id
  version
  name
  street
  postcode
  town
  latitude
  longitude
  districtAgs
  geocodePrecision
  municipality {
    name
  }
}`) as unknown as TypedDocumentString<CreatePartnerLocationMutation, CreatePartnerLocationMutationVariables>;
export const UpdatePartnerLocationDocument = new TypedDocumentString(`
    mutation UpdatePartnerLocation($id: ID!, $expectedVersion: Int!, $patch: LocationPatchInput!) {
  updateLocation(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
    ...PartnerLocation
  }
}
    fragment PartnerLocation on Location {
  id
  version
  name
  street
  postcode
  town
  latitude
  longitude
  districtAgs
  geocodePrecision
  municipality {
    name
  }
}`) as unknown as TypedDocumentString<UpdatePartnerLocationMutation, UpdatePartnerLocationMutationVariables>;
export const OrganizationAuditDocument = new TypedDocumentString(`
    query OrganizationAudit($organizationId: ID!, $first: Int, $after: String) {
  auditTrail(organizationId: $organizationId, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        action
        actorName
        actorRole
        resourceType
        resourceId
        fieldName
        previousValue
        replacementValue
        occurredAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationAuditQuery, OrganizationAuditQueryVariables>;