import { AccessibilityFeature, CostType, DeliveryMode, InsuranceRequirement, MedicalSpecialty, OrganizationKind, RoomEquipment, ServiceCategory } from './enums';
import { CourseSessionImport, WeeklyOpeningHours } from './import.types';

/** What a partner may change; absent fields stay as they are. */
export interface OrganizationPatch {
  name?: string;
  kind?: OrganizationKind;
  website?: string | null;
  email?: string | null;
  phones?: { number: string; label?: string }[];
  identifiers?: { scheme: string; value: string }[];
}

export interface LocationInput {
  name?: string | null;
  street: string;
  postcode: string;
  town: string;
  /** coordinates given by hand win; without them the address is geocoded */
  latitude?: number | null;
  longitude?: number | null;
  /** the place's phones, each labelled */
  phones?: { number: string; label: string }[];
}

export type LocationPatch = Partial<LocationInput>;

export interface ServiceInput {
  name: string;
  description: string;
  category: ServiceCategory;
  specialty?: MedicalSpecialty | null;
  needs: string[];
  minAge?: number | null;
  maxAge?: number | null;
  insuranceRequirement: InsuranceRequirement;
  eligibilityNote?: string | null;
  languages: string[];
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  /** outreach/online: districts (5-digit AGS) and municipalities (8-digit AGS) served */
  serviceArea?: string[];
  /** rooms: what the room offers */
  equipment?: RoomEquipment[];
  costType: CostType;
  feeAmountEuro?: number | null;
  costNote?: string | null;
  locationIds: string[];
}

export type ServicePatch = Partial<ServiceInput>;

export interface CapacityInput {
  acceptingNewClients: boolean;
  freeSeats?: number | null;
  waitingDays?: number | null;
}

export type OpeningHoursInput = WeeklyOpeningHours;
export type CourseSessionInput = CourseSessionImport;

export interface AuditEvent {
  id: string;
  occurredAt: Date;
  actorName: string;
  actorRole: string;
  organizationId: string;
  resourceType: string;
  resourceId: string;
  action: string;
  fieldName: string | null;
  previousValue: unknown;
  replacementValue: unknown;
}

export enum QueueReason {
  /** a registered organisation waiting to be admitted (PENDING) */
  AWAITING_ADMISSION = 'awaiting_admission',
  CHANGED_SINCE_VERIFICATION = 'changed_since_verification',
  NEVER_VERIFIED = 'never_verified',
  STALE_VERIFICATION = 'stale_verification',
  STALE_CAPACITY = 'stale_capacity',
}
