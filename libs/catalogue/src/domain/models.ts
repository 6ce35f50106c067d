import { GeocodePrecision } from '@lotse/geo';
import {
  AccessibilityFeature,
  CostType,
  DeliveryMode,
  InsuranceRequirement,
  MedicalSpecialty,
  OrganizationKind,
  OrganizationStatus,
  RoomEquipment,
  ServiceCategory,
  ServiceStatus,
} from './enums';

/** Read models the catalogue hands out; the API maps them to GraphQL types, never entities. */
export interface Organization {
  id: string;
  name: string;
  kind: OrganizationKind;
  identifiers: { scheme: string; value: string }[];
  website: string | null;
  email: string | null;
  phones: { number: string; label?: string }[];
  status: OrganizationStatus;
  fictitious: boolean;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface Location {
  id: string;
  organizationId: string;
  name: string | null;
  street: string;
  postcode: string;
  town: string;
  latitude: number;
  longitude: number;
  /** how exact the point is: EXACT when typed or placed by hand, else what the geocoder found */
  geocodePrecision: GeocodePrecision;
  districtAgs: string | null;
  municipalityAgs: string | null;
  /** the phones of this place, each labelled ("Anmeldung", "Sekretariat") */
  phones: LabelledPhone[];
  version: number;
  updatedAt: Date;
}

export interface LabelledPhone {
  number: string;
  label: string;
}

export interface Service {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  category: ServiceCategory;
  specialty: MedicalSpecialty | null;
  minAge: number | null;
  maxAge: number | null;
  insuranceRequirement: InsuranceRequirement;
  eligibilityNote: string | null;
  languages: string[];
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
  /** districts (5-digit AGS) and municipalities (8-digit AGS) an outreach or online service serves */
  serviceArea: string[];
  /** rooms: what the room offers */
  equipment: RoomEquipment[];
  costType: CostType;
  feeAmount: number | null;
  costNote: string | null;
  acceptingNewClients: boolean;
  freeSeats: number | null;
  waitingDays: number | null;
  capacityUpdatedAt: Date;
  /** when a coordinator last confirmed the listing, and who */
  verifiedAt: Date | null;
  verifiedBy: string | null;
  status: ServiceStatus;
  version: number;
  updatedAt: Date;
}

export interface NeedTerm {
  code: string;
  labelDe: string;
  labelEn: string;
  group: string;
  descriptionDe: string;
  taxonomyVersion: string;
  /** the broader need, if any (2026.2) */
  parentCode: string | null;
}

export interface OpeningHours {
  serviceId: string;
  weekday: number;
  opensAt: string;
  closesAt: string;
}

export interface CourseSession {
  id: string;
  serviceId: string;
  startsOn: string;
  endsOn: string;
  weekday: number;
  startTime: string;
  endTime: string;
  seats: number;
  freeSeats: number;
}

export interface ServiceAtLocation {
  service: Service;
  location: Location;
  distanceMeters: number;
}

export interface ServiceFilter {
  categories?: ServiceCategory[];
  /** addresses at least one of these needs */
  needs?: string[];
  districtAgs?: string;
  municipalityAgs?: string;
  /** offered in this language (ISO 639-1) */
  language?: string;
  /** has all of these features */
  accessibility?: AccessibilityFeature[];
  acceptingNewClients?: boolean;
  organizationId?: string;
  /** has all of this equipment (rooms) */
  equipment?: RoomEquipment[];
}

export interface OrganizationFilter {
  kinds?: OrganizationKind[];
  status?: OrganizationStatus;
  districtAgs?: string;
  search?: string;
}

export interface LocationFilter {
  organizationId?: string;
  districtAgs?: string;
  municipalityAgs?: string;
  postcode?: string;
}

export interface CategoryCount {
  category: ServiceCategory;
  count: number;
}

/** One nearest-first scan of the candidate search: a need's family, answered by `routes` (`routeToken`). */
export interface CandidateScan {
  need: string;
  routes: readonly string[];
}

/** Hard criteria of a match, applied in SQL so only fitting listings leave the database. */
export interface CandidateCriteria {
  origin: { latitude: number; longitude: number };
  /** straight-line reach; candidates beyond it are never read */
  radiusMeters: number;
  /**
   * Nearest-first scans, each with its own `limit`: one per requested need, and one per need whose
   * preferred kinds of partner must not be crowded out by nearer listings of its other kinds. A
   * scan reads the rows of `need` in `match_listing` — listings tagged with it or with a narrower
   * need — that hold one of `routes` (`routeToken`: the tagged need and a kind of partner that
   * answer it).
   */
  scans: readonly CandidateScan[];
  age?: number;
  /** offered in at least one of these languages */
  languages?: string[];
  /** has all of these features */
  accessibility?: AccessibilityFeature[];
  /** offers at least one of these delivery modes */
  deliveryModes?: DeliveryMode[];
  costCovered?: boolean;
  acceptingNewClientsOnly?: boolean;
  /** courses only: a run with free seats starts between `today` and `today + days` */
  courseStartsWithin?: { today: string; days: number };
  /** open at ISO weekday and 'HH:MM' */
  openAt?: { weekday: number; time: string };
  /**
   * Outreach and online listings whose service area holds one of `ags` (the origin's district and
   * municipality) and that offer one of `modes`: found whatever their distance, as coming to the
   * person (`Candidate.comesToPerson`). Every other hard criterion still holds.
   */
  servedArea?: { ags: string[]; modes: DeliveryMode[] };
  /** nearest candidates taken per scan (KNN); ranking happens outside the database */
  limit: number;
}

/** The service facts the matcher filters and scores on, as its read model (`match_listing`) holds them. */
export type ListingFacts = Pick<
  Service,
  'id' | 'organizationId' | 'category' | 'specialty' | 'languages' | 'accessibility' | 'deliveryModes' | 'acceptingNewClients' | 'freeSeats' | 'waitingDays' | 'capacityUpdatedAt'
>;

/**
 * A listing that passed the hard criteria. It carries the facts for ranking only; what a client
 * shows of the service and the location is loaded for the targets actually returned.
 */
export interface Candidate {
  service: ListingFacts;
  location: Pick<Location, 'id' | 'districtAgs' | 'latitude' | 'longitude'>;
  distanceMeters: number;
  /** the scanned needs this listing is listed under (a requested need or one of its narrower needs; the matcher maps them back) */
  matchedNeeds: string[];
  /** found through `servedArea`: it serves the origin's area by outreach or online */
  comesToPerson?: boolean;
}
