import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  IdentifierScheme,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  RoomEquipment,
  ServiceCategory,
} from './enums';

/**
 * The shape in which whole organizations (with their locations and services) enter the catalogue in
 * bulk: the demo seed today, HSDS import later. Plain data, no entities, so producers need not know
 * the persistence model.
 */
export interface OrganizationImport {
  name: string;
  kind: OrganizationKind;
  identifiers: { scheme: IdentifierScheme; value: string }[];
  website?: string;
  email?: string;
  phones: { number: string; label?: string }[];
  status: OrganizationStatus;
  /** true for invented demo partners; shown in the API so nobody mistakes them for real ones */
  fictitious: boolean;
  verifiedAt?: Date;
  verifiedBy?: string;
  locations: LocationImport[];
  services: ServiceImport[];
}

export interface LocationImport {
  /** reference used by `ServiceImport.locationKeys`, unique within the organization */
  key: string;
  name?: string;
  street: string;
  postcode: string;
  town: string;
  latitude: number;
  longitude: number;
  /** the place's own phones, each labelled */
  phones?: { number: string; label: string }[];
}

export interface WeeklyOpeningHours {
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 'HH:MM', local time Europe/Berlin */
  opensAt: string;
  closesAt: string;
}

export interface CourseSessionImport {
  /** ISO date 'YYYY-MM-DD' */
  startsOn: string;
  endsOn: string;
  weekday: number;
  startTime: string;
  endTime: string;
  seats: number;
  /** seats still free */
  freeSeats: number;
}

export interface ServiceImport {
  name: string;
  description: string;
  category: ServiceCategory;
  specialty?: MedicalSpecialty;
  /** need codes from the taxonomy */
  needs: string[];
  minAge?: number;
  maxAge?: number;
  insuranceRequirement: InsuranceRequirement;
  eligibilityNote?: string;
  /** ISO 639-1 */
  languages: string[];
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  /** outreach/online: districts (5-digit AGS) and municipalities (8-digit AGS) served */
  serviceArea?: string[];
  /** rooms: what the room offers */
  equipment?: RoomEquipment[];
  cost: { type: CostType; feeAmountEuro?: number; note?: string };
  capacity: { acceptingNewClients: boolean; freeSeats?: number; waitingDays?: number; updatedAt: Date };
  openingHours: WeeklyOpeningHours[];
  sessions: CourseSessionImport[];
  /** keys of the organization's locations where the service is offered (at least one) */
  locationKeys: string[];
}
