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

/** SHARE_WITH_PARTNER: the partner receives the referral; STATUS_FEEDBACK: the partner reports its status back. Both are needed to send. */
export type ConsentScope =
  | 'SHARE_WITH_PARTNER'
  | 'STATUS_FEEDBACK';

/** PARTICIPANT_CALLS: the participant calls the partner quoting the code; PARTNER_CALLS_COACH: the partner calls the coach back */
export type ContactRoute =
  | 'PARTICIPANT_CALLS'
  | 'PARTNER_CALLS_COACH';

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

export type CreateReferralInput = {
  /** required to send; may also be recorded later on the draft */
  consent?: ReferralConsentInput | null | undefined;
  contactRoute: ContactRoute;
  /** languages the participant prefers: ISO 639-1 or 639-3 codes */
  languages: Array<string>;
  locationId: string | number;
  /** need codes the referral addresses (1–10) */
  needs: Array<string>;
  /** Optional short note to the partner (at most 500 characters). WARNUNG: Keine Namen, Geburtsdaten, Adressen, Telefonnummern, Aktenzeichen oder andere Angaben, die die Person erkennbar machen. Die Notiz wird mit der Vermittlung gelöscht. */
  note?: string | null | undefined;
  /** send at once (needs consent); otherwise a draft is kept */
  send?: boolean | null | undefined;
  serviceId: string | number;
  urgency: ReferralUrgency;
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

export type IdentifierInput = {
  scheme: IdentifierScheme;
  value: string;
};

/** IK, BSNR, LANR or another scheme */
export type IdentifierScheme =
  | 'BSNR'
  | 'IK'
  | 'LANR'
  | 'OTHER';

/** XLSX or CSV spreadsheet (German headings), HSDS 3.0 JSON, HSDS 3.0 tabular datapackage (zip) */
export type ImportFormat =
  | 'CSV'
  | 'HSDS_DATAPACKAGE'
  | 'HSDS_JSON'
  | 'XLSX';

/** QUEUED; CHECKING (reading, checking, geocoding, comparing); WRITING (done of total); DONE */
export type ImportJobPhase =
  | 'CHECKING'
  | 'DONE'
  | 'QUEUED'
  | 'WRITING';

/** QUEUED (waits for the import before it), RUNNING, SUCCEEDED (see report), FAILED (see error) */
export type ImportJobStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ImportProblemCode =
  | 'ADDRESS_NOT_FOUND'
  | 'BAD_FILE'
  | 'BAD_POSTCODE'
  | 'BAD_REFERENCE'
  | 'BAD_VALUE'
  | 'DUPLICATE'
  | 'MISSING_VALUE'
  | 'UNKNOWN_CATEGORY'
  | 'UNKNOWN_NEED'
  | 'UNKNOWN_TERM';

export type InsuranceRequirement =
  | 'NONE'
  | 'STATUTORY'
  | 'STATUTORY_OR_PRIVATE';

/** A place's phone: a label says what it is for (Anmeldung, Sekretariat, Kursanmeldung) */
export type LabelledPhoneInput = {
  label: string;
  number: string;
};

export type LocationInputGql = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  /** the place's phones, each labelled */
  phones?: Array<LabelledPhoneInput> | null | undefined;
  postcode: string;
  street: string;
  town: string;
};

/** An address; latitude and longitude are optional — without them the address is geocoded (see geocodePrecision), with them they win */
export type LocationPatchInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  /** the place's phones, each labelled */
  phones?: Array<LabelledPhoneInput> | null | undefined;
  postcode?: string | null | undefined;
  street?: string | null | undefined;
  town?: string | null | undefined;
};

/** Hard filters: a target that fails one is not returned */
export type MatchConstraintsInput = {
  acceptingNewClientsOnly?: boolean | null | undefined;
  /** all of these */
  accessibility?: Array<AccessibilityFeature> | null | undefined;
  age?: number | null | undefined;
  /** only free, statutory-insurance or insurer-subsidised offers */
  costCovered?: boolean | null | undefined;
  /** courses only: a run with free seats starts within this many days */
  courseStartsWithinDays?: number | null | undefined;
  /** acceptable delivery modes; a target must offer one */
  deliveryModes?: Array<DeliveryMode> | null | undefined;
  /** languages the participant speaks, preferred first (ISO 639-1 such as "uk", or ISO 639-3 such as "hsb"); a target must offer one */
  languages?: Array<string> | null | undefined;
  openAt?: OpenAtInput | null | undefined;
  stepFreeAccess?: boolean | null | undefined;
};

/** A factor of the match score */
export type MatchFactor =
  | 'ACCESSIBILITY'
  | 'CAPACITY'
  | 'DISTRICT'
  | 'FRESHNESS'
  | 'LANGUAGE'
  | 'NEED_FIT'
  | 'OUTREACH'
  | 'TRAVEL_TIME';

/** Soft preferences: they shift weights, they filter nothing */
export type MatchPreferencesInput = {
  outreach?: boolean | null | undefined;
  ownDistrict?: boolean | null | undefined;
  shortWait?: boolean | null | undefined;
};

/** A participant's needs, place and constraints — never their identity. Not stored. */
export type MatchRequestInput = {
  constraints?: MatchConstraintsInput | null | undefined;
  /** participant's district (AGS); defaults to the origin's */
  districtAgs?: string | null | undefined;
  /** no organization twice for the same need */
  diversify?: boolean;
  /** need codes of the taxonomy, at most 20 */
  needs: Array<string>;
  origin: OriginInput;
  /** per need, the kind of partner asked for; a need without one is answered by its default kinds (needsTaxonomy.terms.defaultPartnerKinds) — rooms and employment measures only when asked for */
  partnerKinds?: Array<NeedPartnerKindInput> | null | undefined;
  preferences?: MatchPreferencesInput | null | undefined;
  travel?: TravelInput | null | undefined;
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

/** The kind of partner a coach asks for one need: "ein Orthopäde" = specialty ORTHOPAEDICS, "eine Psychiatrische Institutsambulanz" = category CLINIC + specialty PSYCHIATRY, "ein Kurs" = category COURSE. Several for one need mean any of them. */
export type NeedPartnerKindInput = {
  category?: ServiceCategory | null | undefined;
  mode?: PartnerKindMode;
  /** one of the requested needs */
  need: string;
  /** physicians and clinics: the Facharzt field (medicalSpecialties lists them) */
  specialty?: MedicalSpecialty | null | undefined;
};

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

export type OpenAtInput = {
  /** HH:MM, Europe/Berlin */
  time: string;
  /** ISO weekday, 1 = Monday */
  weekday: number;
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

export type OrganizationPatchInput = {
  email?: string | null | undefined;
  identifiers?: Array<IdentifierInput> | null | undefined;
  kind?: OrganizationKind | null | undefined;
  name?: string | null | undefined;
  phones?: Array<PhoneInput> | null | undefined;
  website?: string | null | undefined;
};

/** Only ACTIVE organisations appear in the directory */
export type OrganizationStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'PENDING';

/** Exactly one of: latitude+longitude, postcode, municipalityAgs, place */
export type OriginInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  /** Gemeinde AGS; its main settlement's point is used */
  municipalityAgs?: string | null | undefined;
  /** a place of Saxony: its id from the places lookup, or its name as typed (typos forgiven; the best match is used and named in the result) */
  place?: string | null | undefined;
  postcode?: string | null | undefined;
};

/** REQUIRE: only this kind answers the need (instead of the need's default kinds); PREFER: the default kinds still answer it, this kind ranks first and fills the bundle */
export type PartnerKindMode =
  | 'PREFER'
  | 'REQUIRE';

export type PhoneInput = {
  label?: string | null | undefined;
  number: string;
};

/** MUNICIPALITY (Gemeinde) or LOCALITY (Ortsteil, Dorf) */
export type PlaceKind =
  | 'LOCALITY'
  | 'MUNICIPALITY';

/** How a place matched the typed text: whole name, beginning, every word, with typos */
export type PlaceMatchKind =
  | 'EXACT'
  | 'PREFIX'
  | 'TYPO'
  | 'WORDS';

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

/** The participant’s consent, asked before the referral is sent */
export type ReferralConsentInput = {
  /** the participant agreed */
  agreed: boolean;
  /** when they agreed (default: now) */
  givenAt?: string | null | undefined;
  /** what they agreed to: both SHARE_WITH_PARTNER and STATUS_FEEDBACK */
  scopes: Array<ConsentScope>;
};

/** A partner’s move: SEEN, ACCEPTED, WAITING_LIST, DECLINED (reason), IN_PROGRESS, COMPLETED (outcome), NOT_COME_ABOUT (reason) */
export type ReferralMoveInput = {
  reason?: ReferralReason | null | undefined;
  /** with the decline reason OTHER: a few words (at most 300 characters, nothing identifying) */
  reasonText?: string | null | undefined;
  to: ReferralStatus;
};

/** Declined: NO_CAPACITY, NOT_RESPONSIBLE, OUTSIDE_SERVICE_AREA, REQUIREMENTS_NOT_MET, OTHER (with text). Completed: GOT_HELP, REFERRED_ON. Not come about: NOT_REACHABLE, MISSED_APPOINTMENT, NO_LONGER_INTERESTED. Withdrawn: BY_COACH, CONSENT_WITHDRAWN. */
export type ReferralReason =
  | 'BY_COACH'
  | 'CONSENT_WITHDRAWN'
  | 'GOT_HELP'
  | 'MISSED_APPOINTMENT'
  | 'NOT_REACHABLE'
  | 'NOT_RESPONSIBLE'
  | 'NO_CAPACITY'
  | 'NO_LONGER_INTERESTED'
  | 'OTHER'
  | 'OUTSIDE_SERVICE_AREA'
  | 'REFERRED_ON'
  | 'REQUIREMENTS_NOT_MET';

/** Who made a move: the referring coach or the receiving partner */
export type ReferralSide =
  | 'COACH'
  | 'PARTNER';

/** Entwurf → Gesendet → Gesehen → Angenommen | Warteliste | Abgelehnt → In Betreuung → Abgeschlossen | Nicht zustande gekommen; Zurückgezogen (FHIR Task status in fhirTaskStatus) */
export type ReferralStatus =
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'DECLINED'
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'NOT_COME_ABOUT'
  | 'SEEN'
  | 'SENT'
  | 'WAITING_LIST'
  | 'WITHDRAWN';

/** ROUTINE (normal), URGENT (dringend), ASAP (sehr dringend) — FHIR ServiceRequest.priority routine | urgent | asap */
export type ReferralUrgency =
  | 'ASAP'
  | 'ROUTINE'
  | 'URGENT';

export type Role =
  | 'ADMIN'
  | 'COACH'
  | 'COORDINATOR'
  | 'PARTNER';

/** What a room for outreach consultations offers */
export type RoomEquipment =
  | 'COMPUTER'
  | 'CONFIDENTIAL'
  | 'DESK'
  | 'GROUP_SEATING'
  | 'KITCHEN'
  | 'PHONE'
  | 'PRINTER'
  | 'SCREEN'
  | 'WAITING_AREA'
  | 'WIFI';

/** Filters of a text search; all given ones must hold */
export type SearchFilterInput = {
  acceptingNewClients?: boolean | null | undefined;
  /** has all of these features */
  accessibility?: Array<AccessibilityFeature> | null | undefined;
  /** any of these categories */
  categories?: Array<ServiceCategory> | null | undefined;
  districtAgs?: string | null | undefined;
  /** language the service is offered in: ISO 639-1 ("uk") or ISO 639-3 ("hsb") */
  language?: string | null | undefined;
  /** addresses at least one of these need codes */
  needs?: Array<string> | null | undefined;
};

/** Only listings with a location within radiusMeters of a point or postcode centroid */
export type SearchNearInput = {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  postcode?: string | null | undefined;
  /** metres, up to 300000 */
  radiusMeters: number;
};

/** RELEVANCE (default with text), DISTANCE (needs near; default with near and no text) or NAME (default otherwise) */
export type SearchSort =
  | 'DISTANCE'
  | 'NAME'
  | 'RELEVANCE';

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
  /** rooms (COMMUNITY_ROOM): what the room offers */
  equipment?: Array<RoomEquipment> | null | undefined;
  feeAmountEuro?: number | null | undefined;
  insuranceRequirement?: InsuranceRequirement | null | undefined;
  /** ISO 639-1 or ISO 639-3 codes */
  languages?: Array<string> | null | undefined;
  locationIds?: Array<string | number> | null | undefined;
  maxAge?: number | null | undefined;
  minAge?: number | null | undefined;
  name?: string | null | undefined;
  needs?: Array<string> | null | undefined;
  /** outreach or online services: the districts (5-digit AGS) and municipalities (8-digit AGS) served (HSDS service_area); empty to serve only at the locations */
  serviceArea?: Array<string> | null | undefined;
  specialty?: MedicalSpecialty | null | undefined;
};

export type ServiceStatus =
  | 'ACTIVE'
  | 'INACTIVE';

/** What a travel time rests on: an estimate, or a loaded timetable */
export type TravelBasis =
  | 'ESTIMATE'
  | 'TIMETABLE';

export type TravelInput = {
  /** public transport: when the participant leaves (default Tuesday 07:00–09:00); used where a timetable is loaded */
  departure?: DepartureWindowInput | null | undefined;
  /** Straight-line distance limit in kilometres */
  maxKilometers?: number | null | undefined;
  /** Travel-time limit in minutes (default 60 when no kilometre limit is given) */
  maxMinutes?: number | null | undefined;
  mode?: TravelMode;
};

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

export type NeedsQueryVariables = Exact<{ [key: string]: never; }>;


export type NeedsQuery = { needs: Array<{ code: string, labelDe: string, descriptionDe: string, group: string, parentCode: string | null, defaultPartnerKinds: Array<{ labelDe: string, category: ServiceCategory | null, specialty: MedicalSpecialty | null }> }> };

export type PlacesQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type PlacesQuery = { places: Array<{ match: PlaceMatchKind, place: { id: string, label: string, kind: PlaceKind, postcodes: Array<string>, municipalityName: string } }> };

export type TargetCardFragment = { score: number, distanceMeters: number, travelMinutes: number, travelMode: TravelMode, travelTimeEstimated: boolean, travelBasis: TravelBasis, comesToPerson: boolean, preferredKind: boolean, phone: { label: string | null, number: string } | null, partnerKind: { labelDe: string }, needMatches: Array<{ need: { code: string, labelDe: string }, via: Array<{ code: string, labelDe: string }> }>, reasons: Array<{ factor: MatchFactor, explanation: string, contribution: number }>, service: { id: string, name: string, description: string, category: ServiceCategory, deliveryModes: Array<DeliveryMode>, accessibility: Array<AccessibilityFeature>, languageNames: Array<{ code: string, nameDe: string }>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> } }, location: { id: string, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number } };

export type MatchQueryVariables = Exact<{
  request: MatchRequestInput;
  first?: number | null | undefined;
}>;


export type MatchQuery = { matchReferralTargets: { limitMinutes: number, mode: TravelMode, consideredCandidates: number, estimator: { estimated: boolean, description: string }, origin: { description: string, latitude: number, longitude: number, districtAgs: string }, unmetNeeds: Array<{ code: string, labelDe: string }>, targets: { totalCount: number, edges: Array<{ node: { score: number, distanceMeters: number, travelMinutes: number, travelMode: TravelMode, travelTimeEstimated: boolean, travelBasis: TravelBasis, comesToPerson: boolean, preferredKind: boolean, phone: { label: string | null, number: string } | null, partnerKind: { labelDe: string }, needMatches: Array<{ need: { code: string, labelDe: string }, via: Array<{ code: string, labelDe: string }> }>, reasons: Array<{ factor: MatchFactor, explanation: string, contribution: number }>, service: { id: string, name: string, description: string, category: ServiceCategory, deliveryModes: Array<DeliveryMode>, accessibility: Array<AccessibilityFeature>, languageNames: Array<{ code: string, nameDe: string }>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> } }, location: { id: string, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number } } }> }, bundle: { explanation: string, distinctOrganizations: number, distinctLocations: number, totalTravelMinutes: number, items: Array<{ rank: number, explanation: string, need: { code: string, labelDe: string }, target: { score: number, distanceMeters: number, travelMinutes: number, travelMode: TravelMode, travelTimeEstimated: boolean, travelBasis: TravelBasis, comesToPerson: boolean, preferredKind: boolean, phone: { label: string | null, number: string } | null, partnerKind: { labelDe: string }, needMatches: Array<{ need: { code: string, labelDe: string }, via: Array<{ code: string, labelDe: string }> }>, reasons: Array<{ factor: MatchFactor, explanation: string, contribution: number }>, service: { id: string, name: string, description: string, category: ServiceCategory, deliveryModes: Array<DeliveryMode>, accessibility: Array<AccessibilityFeature>, languageNames: Array<{ code: string, nameDe: string }>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> } }, location: { id: string, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number } } }>, missingNeeds: Array<{ explanation: string, need: { code: string, labelDe: string } }> } | null, beyondLimit: Array<{ explanation: string, need: { code: string, labelDe: string }, nearest: { score: number, distanceMeters: number, travelMinutes: number, travelMode: TravelMode, travelTimeEstimated: boolean, travelBasis: TravelBasis, comesToPerson: boolean, preferredKind: boolean, phone: { label: string | null, number: string } | null, partnerKind: { labelDe: string }, needMatches: Array<{ need: { code: string, labelDe: string }, via: Array<{ code: string, labelDe: string }> }>, reasons: Array<{ factor: MatchFactor, explanation: string, contribution: number }>, service: { id: string, name: string, description: string, category: ServiceCategory, deliveryModes: Array<DeliveryMode>, accessibility: Array<AccessibilityFeature>, languageNames: Array<{ code: string, nameDe: string }>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> } }, location: { id: string, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number } } | null }> } };

export type CoordinatorLookupsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorLookupsQuery = { districts: Array<{ ags: string, name: string }>, needs: Array<{ code: string, labelDe: string, group: string }> };

export type VerificationQueueQueryVariables = Exact<{
  districtAgs?: string | null | undefined;
  reasons?: Array<QueueReason> | QueueReason | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VerificationQueueQuery = { verificationQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { kind: QueueItemKind, reasons: Array<QueueReason>, changedFields: Array<string>, organization: { id: string, version: number, name: string, kind: OrganizationKind, status: OrganizationStatus, verification: { verifiedAt: string | null } }, service: { id: string, name: string, category: ServiceCategory, verification: { verifiedAt: string | null }, capacity: { updatedAt: string }, locations: Array<{ town: string, approximate: boolean }> } | null } }> } };

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

export type ImportCountsViewFragment = { created: number, updated: number, unchanged: number, retired: number, refused: number };

export type ImportReportViewFragment = { runId: string | null, format: ImportFormat, source: string, fileName: string, dryRun: boolean, records: number, geocoder: string, errors: number, warnings: number, organizations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, locations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, services: { created: number, updated: number, unchanged: number, retired: number, refused: number }, precision: { exact: number, street: number, postcode: number, locality: number }, problems: Array<{ severity: string, code: ImportProblemCode, where: string, row: number | null, column: string | null, path: string | null, message: string, value: string | null }> };

export type ImportJobViewFragment = { id: string, status: ImportJobStatus, phase: ImportJobPhase, fileName: string, source: string, dryRun: boolean, done: number, total: number, error: { code: string, message: string } | null, report: { runId: string | null, format: ImportFormat, source: string, fileName: string, dryRun: boolean, records: number, geocoder: string, errors: number, warnings: number, organizations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, locations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, services: { created: number, updated: number, unchanged: number, retired: number, refused: number }, precision: { exact: number, street: number, postcode: number, locality: number }, problems: Array<{ severity: string, code: ImportProblemCode, where: string, row: number | null, column: string | null, path: string | null, message: string, value: string | null }> } | null };

export type ImportJobQueryVariables = Exact<{
  id: string | number;
}>;


export type ImportJobQuery = { importJob: { id: string, status: ImportJobStatus, phase: ImportJobPhase, fileName: string, source: string, dryRun: boolean, done: number, total: number, error: { code: string, message: string } | null, report: { runId: string | null, format: ImportFormat, source: string, fileName: string, dryRun: boolean, records: number, geocoder: string, errors: number, warnings: number, organizations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, locations: { created: number, updated: number, unchanged: number, retired: number, refused: number }, services: { created: number, updated: number, unchanged: number, retired: number, refused: number }, precision: { exact: number, street: number, postcode: number, locality: number }, problems: Array<{ severity: string, code: ImportProblemCode, where: string, row: number | null, column: string | null, path: string | null, message: string, value: string | null }> } | null } };

export type ImportTemplateQueryVariables = Exact<{
  format: string;
}>;


export type ImportTemplateQuery = { importTemplate: { fileName: string, contentBase64: string } };

export type PartnerOrganizationDetailsFragment = { id: string, version: number, name: string, status: OrganizationStatus, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }>, identifiers: Array<{ scheme: IdentifierScheme, value: string }> };

export type MyOrganizationDetailsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyOrganizationDetailsQuery = { myOrganizations: Array<{ id: string, version: number, name: string, status: OrganizationStatus, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }>, identifiers: Array<{ scheme: IdentifierScheme, value: string }> }> };

export type UpdatePartnerOrganizationMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  patch: OrganizationPatchInput;
}>;


export type UpdatePartnerOrganizationMutation = { updateOrganization: { id: string, version: number, name: string, status: OrganizationStatus, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }>, identifiers: Array<{ scheme: IdentifierScheme, value: string }> } };

export type RetirePartnerServiceMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
}>;


export type RetirePartnerServiceMutation = { retireService: { id: string, version: number, status: ServiceStatus } };

export type RetirePartnerLocationMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
}>;


export type RetirePartnerLocationMutation = { retireLocation: boolean };

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

export type CoachReferralSummaryFragment = { id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null };

export type CoachReferralDetailFragment = { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null };

export type CoachReferralsQueryVariables = Exact<{
  statuses?: Array<ReferralStatus> | ReferralStatus | null | undefined;
  staleOnly?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CoachReferralsQuery = { myReferrals: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } }> } };

export type CoachReferralQueryVariables = Exact<{
  id: string | number;
}>;


export type CoachReferralQuery = { referral: { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } };

export type CoachReferralByCodeQueryVariables = Exact<{
  code: string;
}>;


export type CoachReferralByCodeQuery = { referralByCode: { id: string } };

export type CoachNeedLabelsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoachNeedLabelsQuery = { needs: Array<{ code: string, labelDe: string }> };

export type CoachServiceQueryVariables = Exact<{
  id: string | number;
}>;


export type CoachServiceQuery = { service: { id: string, name: string, description: string, category: ServiceCategory, deliveryModes: Array<DeliveryMode>, accessibility: Array<AccessibilityFeature>, languageNames: Array<{ code: string, nameDe: string }>, needs: Array<{ code: string, labelDe: string }>, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> }, locations: Array<{ id: string, name: string | null, street: string, postcode: string, town: string, phones: Array<{ label: string | null, number: string }> }> } };

export type CoachCreateReferralMutationVariables = Exact<{
  input: CreateReferralInput;
}>;


export type CoachCreateReferralMutation = { createReferral: { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } };

export type CoachRecordReferralConsentMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  consent: ReferralConsentInput;
}>;


export type CoachRecordReferralConsentMutation = { recordReferralConsent: { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } };

export type CoachSendReferralMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
}>;


export type CoachSendReferralMutation = { sendReferral: { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } };

export type CoachWithdrawReferralMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  consentWithdrawn?: boolean | null | undefined;
}>;


export type CoachWithdrawReferralMutation = { withdrawReferral: { languages: Array<string>, contactRoute: ContactRoute, contactRouteLabel: string, note: string | null, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null, seenAt: string | null, closedAt: string | null, nextStatuses: Array<ReferralStatus>, id: string, code: string, status: ReferralStatus, statusLabel: string, needs: Array<string>, urgency: ReferralUrgency, urgencyLabel: string, stale: boolean, createdAt: string, updatedAt: string, sentAt: string | null, version: number, consent: { scopes: Array<ConsentScope>, givenAt: string, withdrawnAt: string | null } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }>, target: { serviceId: string, serviceName: string | null, organizationName: string | null, locationId: string, locationAddress: string | null }, coachContact: { displayName: string } | null } };

export type InboxReferralSummaryFragment = { id: string, code: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, needs: Array<string>, urgency: ReferralUrgency, contactRoute: ContactRoute, sentAt: string | null, updatedAt: string, version: number, target: { organizationId: string, organizationName: string | null, serviceId: string, serviceName: string | null } };

export type InboxReferralDetailFragment = { reasonText: string | null, languages: Array<string>, note: string | null, viewerSide: ReferralSide, nextStatuses: Array<ReferralStatus>, seenAt: string | null, closedAt: string | null, id: string, code: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, needs: Array<string>, urgency: ReferralUrgency, contactRoute: ContactRoute, sentAt: string | null, updatedAt: string, version: number, target: { locationAddress: string | null, organizationId: string, organizationName: string | null, serviceId: string, serviceName: string | null }, coachContact: { displayName: string, email: string } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }> };

export type InboxReferralsQueryVariables = Exact<{
  statuses?: Array<ReferralStatus> | ReferralStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxReferralsQuery = { referralInbox: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, needs: Array<string>, urgency: ReferralUrgency, contactRoute: ContactRoute, sentAt: string | null, updatedAt: string, version: number, target: { organizationId: string, organizationName: string | null, serviceId: string, serviceName: string | null } } }> }, needs: Array<{ code: string, labelDe: string }> };

export type InboxNewCountQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxNewCountQuery = { referralInbox: { totalCount: number } };

export type InboxReferralQueryVariables = Exact<{
  id: string | number;
}>;


export type InboxReferralQuery = { referral: { reasonText: string | null, languages: Array<string>, note: string | null, viewerSide: ReferralSide, nextStatuses: Array<ReferralStatus>, seenAt: string | null, closedAt: string | null, id: string, code: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, needs: Array<string>, urgency: ReferralUrgency, contactRoute: ContactRoute, sentAt: string | null, updatedAt: string, version: number, target: { locationAddress: string | null, organizationId: string, organizationName: string | null, serviceId: string, serviceName: string | null }, coachContact: { displayName: string, email: string } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }> }, needs: Array<{ code: string, labelDe: string }> };

export type InboxReferralByCodeQueryVariables = Exact<{
  code: string;
}>;


export type InboxReferralByCodeQuery = { referralByCode: { id: string } };

export type InboxMoveReferralMutationVariables = Exact<{
  id: string | number;
  expectedVersion: number;
  move: ReferralMoveInput;
}>;


export type InboxMoveReferralMutation = { moveReferral: { referral: { reasonText: string | null, languages: Array<string>, note: string | null, viewerSide: ReferralSide, nextStatuses: Array<ReferralStatus>, seenAt: string | null, closedAt: string | null, id: string, code: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, needs: Array<string>, urgency: ReferralUrgency, contactRoute: ContactRoute, sentAt: string | null, updatedAt: string, version: number, target: { locationAddress: string | null, organizationId: string, organizationName: string | null, serviceId: string, serviceName: string | null }, coachContact: { displayName: string, email: string } | null, history: Array<{ version: number, occurredAt: string, fromStatus: ReferralStatus | null, toStatus: ReferralStatus, toStatusLabel: string, side: ReferralSide, reason: ReferralReason | null, reasonLabel: string | null, reasonText: string | null }> }, capacityPrompt: { serviceId: string } | null } };

export type CoordinatorReferralOutcomesQueryVariables = Exact<{
  districtAgs?: Array<string> | string | null | undefined;
  needs?: Array<string> | string | null | undefined;
  withReasons?: boolean | null | undefined;
}>;


export type CoordinatorReferralOutcomesQuery = { referralOutcomes: Array<{ districtAgs: string | null, needCode: string, status: ReferralStatus, statusLabel: string, reason: ReferralReason | null, reasonLabel: string | null, count: number | null, suppressed: boolean }>, unmetReferralDemand: Array<{ districtAgs: string | null, needCode: string, declinedForCapacity: number | null, suppressed: boolean }> };

export type CoordinatorUnmetDemandQueryVariables = Exact<{
  districtAgs?: Array<string> | string | null | undefined;
  needs?: Array<string> | string | null | undefined;
}>;


export type CoordinatorUnmetDemandQuery = { unmetReferralDemand: Array<{ districtAgs: string | null, needCode: string, declinedForCapacity: number | null, suppressed: boolean }> };

export type SearchServicesQueryVariables = Exact<{
  text?: string | null | undefined;
  filter?: SearchFilterInput | null | undefined;
  near?: SearchNearInput | null | undefined;
  sort?: SearchSort | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SearchServicesQuery = { searchServices: { totalCount: number, sort: SearchSort, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { needs: Array<{ count: number, need: { code: string, labelDe: string } }>, categories: Array<{ category: ServiceCategory, count: number }>, districts: Array<{ ags: string, name: string, count: number }> }, edges: Array<{ node: { distanceMeters: number | null, service: { id: string, name: string, description: string, category: ServiceCategory, cost: { type: CostType, feeAmountEuro: number | null, note: string | null }, capacity: { acceptingNewClients: boolean, freeSeats: number | null, waitingDays: number | null, updatedAt: string }, openingHours: Array<{ weekday: number, opensAt: string, closesAt: string }>, sessions: Array<{ id: string, startsOn: string, endsOn: string, weekday: number, startTime: string, endTime: string, freeSeats: number, seats: number }>, verification: { verifiedAt: string | null }, needs: Array<{ code: string, labelDe: string }>, organization: { id: string, name: string, fictitious: boolean, email: string | null, website: string | null, phones: Array<{ label: string | null, number: string }> }, locations: Array<{ id: string, name: string | null, street: string, postcode: string, town: string, latitude: number, longitude: number }> } } }> } };

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
export const TargetCardFragmentDoc = new TypedDocumentString(`
    fragment TargetCard on MatchTarget {
  score
  distanceMeters
  travelMinutes
  travelMode
  travelTimeEstimated
  travelBasis
  comesToPerson
  preferredKind
  phone {
    label
    number
  }
  partnerKind {
    labelDe
  }
  needMatches {
    need {
      code
      labelDe
    }
    via {
      code
      labelDe
    }
  }
  reasons {
    factor
    explanation
    contribution
  }
  service {
    id
    name
    description
    category
    deliveryModes
    accessibility
    languageNames {
      code
      nameDe
    }
    cost {
      type
      feeAmountEuro
      note
    }
    capacity {
      acceptingNewClients
      freeSeats
      waitingDays
      updatedAt
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
      freeSeats
      seats
    }
    verification {
      verifiedAt
    }
    organization {
      id
      name
      fictitious
      phones {
        label
        number
      }
      email
      website
    }
  }
  location {
    id
    name
    street
    postcode
    town
    latitude
    longitude
  }
}
    `, {"fragmentName":"TargetCard"}) as unknown as TypedDocumentString<TargetCardFragment, unknown>;
export const ImportCountsViewFragmentDoc = new TypedDocumentString(`
    fragment ImportCountsView on ImportCounts {
  created
  updated
  unchanged
  retired
  refused
}
    `, {"fragmentName":"ImportCountsView"}) as unknown as TypedDocumentString<ImportCountsViewFragment, unknown>;
export const ImportReportViewFragmentDoc = new TypedDocumentString(`
    fragment ImportReportView on ImportReport {
  runId
  format
  source
  fileName
  dryRun
  records
  organizations {
    ...ImportCountsView
  }
  locations {
    ...ImportCountsView
  }
  services {
    ...ImportCountsView
  }
  geocoder
  precision {
    exact
    street
    postcode
    locality
  }
  problems {
    severity
    code
    where
    row
    column
    path
    message
    value
  }
  errors
  warnings
}
    fragment ImportCountsView on ImportCounts {
  created
  updated
  unchanged
  retired
  refused
}`, {"fragmentName":"ImportReportView"}) as unknown as TypedDocumentString<ImportReportViewFragment, unknown>;
export const ImportJobViewFragmentDoc = new TypedDocumentString(`
    fragment ImportJobView on ImportJob {
  id
  status
  phase
  fileName
  source
  dryRun
  done
  total
  error {
    code
    message
  }
  report {
    ...ImportReportView
  }
}
    fragment ImportCountsView on ImportCounts {
  created
  updated
  unchanged
  retired
  refused
}
fragment ImportReportView on ImportReport {
  runId
  format
  source
  fileName
  dryRun
  records
  organizations {
    ...ImportCountsView
  }
  locations {
    ...ImportCountsView
  }
  services {
    ...ImportCountsView
  }
  geocoder
  precision {
    exact
    street
    postcode
    locality
  }
  problems {
    severity
    code
    where
    row
    column
    path
    message
    value
  }
  errors
  warnings
}`, {"fragmentName":"ImportJobView"}) as unknown as TypedDocumentString<ImportJobViewFragment, unknown>;
export const PartnerOrganizationDetailsFragmentDoc = new TypedDocumentString(`
    fragment PartnerOrganizationDetails on Organization {
  id
  version
  name
  status
  email
  website
  phones {
    label
    number
  }
  identifiers {
    scheme
    value
  }
}
    `, {"fragmentName":"PartnerOrganizationDetails"}) as unknown as TypedDocumentString<PartnerOrganizationDetailsFragment, unknown>;
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
export const CoachReferralSummaryFragmentDoc = new TypedDocumentString(`
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
    `, {"fragmentName":"CoachReferralSummary"}) as unknown as TypedDocumentString<CoachReferralSummaryFragment, unknown>;
export const CoachReferralDetailFragmentDoc = new TypedDocumentString(`
    fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}`, {"fragmentName":"CoachReferralDetail"}) as unknown as TypedDocumentString<CoachReferralDetailFragment, unknown>;
export const InboxReferralSummaryFragmentDoc = new TypedDocumentString(`
    fragment InboxReferralSummary on Referral {
  id
  code
  status
  statusLabel
  reason
  reasonLabel
  needs
  urgency
  contactRoute
  sentAt
  updatedAt
  version
  target {
    organizationId
    organizationName
    serviceId
    serviceName
  }
}
    `, {"fragmentName":"InboxReferralSummary"}) as unknown as TypedDocumentString<InboxReferralSummaryFragment, unknown>;
export const InboxReferralDetailFragmentDoc = new TypedDocumentString(`
    fragment InboxReferralDetail on Referral {
  ...InboxReferralSummary
  reasonText
  languages
  note
  viewerSide
  nextStatuses
  seenAt
  closedAt
  target {
    locationAddress
  }
  coachContact {
    displayName
    email
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}
    fragment InboxReferralSummary on Referral {
  id
  code
  status
  statusLabel
  reason
  reasonLabel
  needs
  urgency
  contactRoute
  sentAt
  updatedAt
  version
  target {
    organizationId
    organizationName
    serviceId
    serviceName
  }
}`, {"fragmentName":"InboxReferralDetail"}) as unknown as TypedDocumentString<InboxReferralDetailFragment, unknown>;
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
export const NeedsDocument = new TypedDocumentString(`
    query Needs {
  needs {
    code
    labelDe
    descriptionDe
    group
    parentCode
    defaultPartnerKinds {
      labelDe
      category
      specialty
    }
  }
}
    `) as unknown as TypedDocumentString<NeedsQuery, NeedsQueryVariables>;
export const PlacesDocument = new TypedDocumentString(`
    query Places($text: String!, $first: Int!) {
  places(text: $text, first: $first) {
    match
    place {
      id
      label
      kind
      postcodes
      municipalityName
    }
  }
}
    `) as unknown as TypedDocumentString<PlacesQuery, PlacesQueryVariables>;
export const MatchDocument = new TypedDocumentString(`
    query Match($request: MatchRequestInput!, $first: Int) {
  matchReferralTargets(request: $request) {
    limitMinutes
    mode
    consideredCandidates
    estimator {
      estimated
      description
    }
    origin {
      description
      latitude
      longitude
      districtAgs
    }
    unmetNeeds {
      code
      labelDe
    }
    targets(first: $first) {
      totalCount
      edges {
        node {
          ...TargetCard
        }
      }
    }
    bundle {
      explanation
      distinctOrganizations
      distinctLocations
      totalTravelMinutes
      items {
        rank
        explanation
        need {
          code
          labelDe
        }
        target {
          ...TargetCard
        }
      }
      missingNeeds {
        explanation
        need {
          code
          labelDe
        }
      }
    }
    beyondLimit {
      explanation
      need {
        code
        labelDe
      }
      nearest {
        ...TargetCard
      }
    }
  }
}
    fragment TargetCard on MatchTarget {
  score
  distanceMeters
  travelMinutes
  travelMode
  travelTimeEstimated
  travelBasis
  comesToPerson
  preferredKind
  phone {
    label
    number
  }
  partnerKind {
    labelDe
  }
  needMatches {
    need {
      code
      labelDe
    }
    via {
      code
      labelDe
    }
  }
  reasons {
    factor
    explanation
    contribution
  }
  service {
    id
    name
    description
    category
    deliveryModes
    accessibility
    languageNames {
      code
      nameDe
    }
    cost {
      type
      feeAmountEuro
      note
    }
    capacity {
      acceptingNewClients
      freeSeats
      waitingDays
      updatedAt
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
      freeSeats
      seats
    }
    verification {
      verifiedAt
    }
    organization {
      id
      name
      fictitious
      phones {
        label
        number
      }
      email
      website
    }
  }
  location {
    id
    name
    street
    postcode
    town
    latitude
    longitude
  }
}`) as unknown as TypedDocumentString<MatchQuery, MatchQueryVariables>;
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
            approximate
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
export const ImportJobDocument = new TypedDocumentString(`
    query ImportJob($id: ID!) {
  importJob(id: $id) {
    ...ImportJobView
  }
}
    fragment ImportCountsView on ImportCounts {
  created
  updated
  unchanged
  retired
  refused
}
fragment ImportReportView on ImportReport {
  runId
  format
  source
  fileName
  dryRun
  records
  organizations {
    ...ImportCountsView
  }
  locations {
    ...ImportCountsView
  }
  services {
    ...ImportCountsView
  }
  geocoder
  precision {
    exact
    street
    postcode
    locality
  }
  problems {
    severity
    code
    where
    row
    column
    path
    message
    value
  }
  errors
  warnings
}
fragment ImportJobView on ImportJob {
  id
  status
  phase
  fileName
  source
  dryRun
  done
  total
  error {
    code
    message
  }
  report {
    ...ImportReportView
  }
}`) as unknown as TypedDocumentString<ImportJobQuery, ImportJobQueryVariables>;
export const ImportTemplateDocument = new TypedDocumentString(`
    query ImportTemplate($format: String!) {
  importTemplate(format: $format) {
    fileName
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ImportTemplateQuery, ImportTemplateQueryVariables>;
export const MyOrganizationDetailsDocument = new TypedDocumentString(`
    query MyOrganizationDetails {
  myOrganizations {
    ...PartnerOrganizationDetails
  }
}
    fragment PartnerOrganizationDetails on Organization {
  id
  version
  name
  status
  email
  website
  phones {
    label
    number
  }
  identifiers {
    scheme
    value
  }
}`) as unknown as TypedDocumentString<MyOrganizationDetailsQuery, MyOrganizationDetailsQueryVariables>;
export const UpdatePartnerOrganizationDocument = new TypedDocumentString(`
    mutation UpdatePartnerOrganization($id: ID!, $expectedVersion: Int!, $patch: OrganizationPatchInput!) {
  updateOrganization(id: $id, expectedVersion: $expectedVersion, patch: $patch) {
    ...PartnerOrganizationDetails
  }
}
    fragment PartnerOrganizationDetails on Organization {
  id
  version
  name
  status
  email
  website
  phones {
    label
    number
  }
  identifiers {
    scheme
    value
  }
}`) as unknown as TypedDocumentString<UpdatePartnerOrganizationMutation, UpdatePartnerOrganizationMutationVariables>;
export const RetirePartnerServiceDocument = new TypedDocumentString(`
    mutation RetirePartnerService($id: ID!, $expectedVersion: Int!) {
  retireService(id: $id, expectedVersion: $expectedVersion) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<RetirePartnerServiceMutation, RetirePartnerServiceMutationVariables>;
export const RetirePartnerLocationDocument = new TypedDocumentString(`
    mutation RetirePartnerLocation($id: ID!, $expectedVersion: Int!) {
  retireLocation(id: $id, expectedVersion: $expectedVersion)
}
    `) as unknown as TypedDocumentString<RetirePartnerLocationMutation, RetirePartnerLocationMutationVariables>;
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
export const CoachReferralsDocument = new TypedDocumentString(`
    query CoachReferrals($statuses: [ReferralStatus!], $staleOnly: Boolean, $first: Int, $after: String) {
  myReferrals(
    statuses: $statuses
    staleOnly: $staleOnly
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...CoachReferralSummary
      }
    }
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}`) as unknown as TypedDocumentString<CoachReferralsQuery, CoachReferralsQueryVariables>;
export const CoachReferralDocument = new TypedDocumentString(`
    query CoachReferral($id: ID!) {
  referral(id: $id) {
    ...CoachReferralDetail
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<CoachReferralQuery, CoachReferralQueryVariables>;
export const CoachReferralByCodeDocument = new TypedDocumentString(`
    query CoachReferralByCode($code: String!) {
  referralByCode(code: $code) {
    id
  }
}
    `) as unknown as TypedDocumentString<CoachReferralByCodeQuery, CoachReferralByCodeQueryVariables>;
export const CoachNeedLabelsDocument = new TypedDocumentString(`
    query CoachNeedLabels {
  needs {
    code
    labelDe
  }
}
    `) as unknown as TypedDocumentString<CoachNeedLabelsQuery, CoachNeedLabelsQueryVariables>;
export const CoachServiceDocument = new TypedDocumentString(`
    query CoachService($id: ID!) {
  service(id: $id) {
    id
    name
    description
    category
    deliveryModes
    accessibility
    languageNames {
      code
      nameDe
    }
    needs {
      code
      labelDe
    }
    cost {
      type
      feeAmountEuro
      note
    }
    capacity {
      acceptingNewClients
      freeSeats
      waitingDays
      updatedAt
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
      freeSeats
      seats
    }
    verification {
      verifiedAt
    }
    organization {
      id
      name
      fictitious
      phones {
        label
        number
      }
      email
      website
    }
    locations {
      id
      name
      street
      postcode
      town
      phones {
        label
        number
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoachServiceQuery, CoachServiceQueryVariables>;
export const CoachCreateReferralDocument = new TypedDocumentString(`
    mutation CoachCreateReferral($input: CreateReferralInput!) {
  createReferral(input: $input) {
    ...CoachReferralDetail
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<CoachCreateReferralMutation, CoachCreateReferralMutationVariables>;
export const CoachRecordReferralConsentDocument = new TypedDocumentString(`
    mutation CoachRecordReferralConsent($id: ID!, $expectedVersion: Int!, $consent: ReferralConsentInput!) {
  recordReferralConsent(
    id: $id
    expectedVersion: $expectedVersion
    consent: $consent
  ) {
    ...CoachReferralDetail
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<CoachRecordReferralConsentMutation, CoachRecordReferralConsentMutationVariables>;
export const CoachSendReferralDocument = new TypedDocumentString(`
    mutation CoachSendReferral($id: ID!, $expectedVersion: Int!) {
  sendReferral(id: $id, expectedVersion: $expectedVersion) {
    ...CoachReferralDetail
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<CoachSendReferralMutation, CoachSendReferralMutationVariables>;
export const CoachWithdrawReferralDocument = new TypedDocumentString(`
    mutation CoachWithdrawReferral($id: ID!, $expectedVersion: Int!, $consentWithdrawn: Boolean) {
  withdrawReferral(
    id: $id
    expectedVersion: $expectedVersion
    consentWithdrawn: $consentWithdrawn
  ) {
    ...CoachReferralDetail
  }
}
    fragment CoachReferralSummary on Referral {
  id
  code
  status
  statusLabel
  needs
  urgency
  urgencyLabel
  stale
  createdAt
  updatedAt
  sentAt
  version
  target {
    serviceId
    serviceName
    organizationName
    locationId
    locationAddress
  }
  coachContact {
    displayName
  }
}
fragment CoachReferralDetail on Referral {
  ...CoachReferralSummary
  languages
  contactRoute
  contactRouteLabel
  note
  reason
  reasonLabel
  reasonText
  seenAt
  closedAt
  nextStatuses
  consent {
    scopes
    givenAt
    withdrawnAt
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<CoachWithdrawReferralMutation, CoachWithdrawReferralMutationVariables>;
export const InboxReferralsDocument = new TypedDocumentString(`
    query InboxReferrals($statuses: [ReferralStatus!], $first: Int, $after: String) {
  referralInbox(statuses: $statuses, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...InboxReferralSummary
      }
    }
  }
  needs {
    code
    labelDe
  }
}
    fragment InboxReferralSummary on Referral {
  id
  code
  status
  statusLabel
  reason
  reasonLabel
  needs
  urgency
  contactRoute
  sentAt
  updatedAt
  version
  target {
    organizationId
    organizationName
    serviceId
    serviceName
  }
}`) as unknown as TypedDocumentString<InboxReferralsQuery, InboxReferralsQueryVariables>;
export const InboxNewCountDocument = new TypedDocumentString(`
    query InboxNewCount {
  referralInbox(statuses: [SENT], first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<InboxNewCountQuery, InboxNewCountQueryVariables>;
export const InboxReferralDocument = new TypedDocumentString(`
    query InboxReferral($id: ID!) {
  referral(id: $id) {
    ...InboxReferralDetail
  }
  needs {
    code
    labelDe
  }
}
    fragment InboxReferralSummary on Referral {
  id
  code
  status
  statusLabel
  reason
  reasonLabel
  needs
  urgency
  contactRoute
  sentAt
  updatedAt
  version
  target {
    organizationId
    organizationName
    serviceId
    serviceName
  }
}
fragment InboxReferralDetail on Referral {
  ...InboxReferralSummary
  reasonText
  languages
  note
  viewerSide
  nextStatuses
  seenAt
  closedAt
  target {
    locationAddress
  }
  coachContact {
    displayName
    email
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<InboxReferralQuery, InboxReferralQueryVariables>;
export const InboxReferralByCodeDocument = new TypedDocumentString(`
    query InboxReferralByCode($code: String!) {
  referralByCode(code: $code) {
    id
  }
}
    `) as unknown as TypedDocumentString<InboxReferralByCodeQuery, InboxReferralByCodeQueryVariables>;
export const InboxMoveReferralDocument = new TypedDocumentString(`
    mutation InboxMoveReferral($id: ID!, $expectedVersion: Int!, $move: ReferralMoveInput!) {
  moveReferral(id: $id, expectedVersion: $expectedVersion, move: $move) {
    referral {
      ...InboxReferralDetail
    }
    capacityPrompt {
      serviceId
    }
  }
}
    fragment InboxReferralSummary on Referral {
  id
  code
  status
  statusLabel
  reason
  reasonLabel
  needs
  urgency
  contactRoute
  sentAt
  updatedAt
  version
  target {
    organizationId
    organizationName
    serviceId
    serviceName
  }
}
fragment InboxReferralDetail on Referral {
  ...InboxReferralSummary
  reasonText
  languages
  note
  viewerSide
  nextStatuses
  seenAt
  closedAt
  target {
    locationAddress
  }
  coachContact {
    displayName
    email
  }
  history {
    version
    occurredAt
    fromStatus
    toStatus
    toStatusLabel
    side
    reason
    reasonLabel
    reasonText
  }
}`) as unknown as TypedDocumentString<InboxMoveReferralMutation, InboxMoveReferralMutationVariables>;
export const CoordinatorReferralOutcomesDocument = new TypedDocumentString(`
    query CoordinatorReferralOutcomes($districtAgs: [String!], $needs: [String!], $withReasons: Boolean) {
  referralOutcomes(
    districtAgs: $districtAgs
    needs: $needs
    withReasons: $withReasons
  ) {
    districtAgs
    needCode
    status
    statusLabel
    reason
    reasonLabel
    count
    suppressed
  }
  unmetReferralDemand(districtAgs: $districtAgs, needs: $needs) {
    districtAgs
    needCode
    declinedForCapacity
    suppressed
  }
}
    `) as unknown as TypedDocumentString<CoordinatorReferralOutcomesQuery, CoordinatorReferralOutcomesQueryVariables>;
export const CoordinatorUnmetDemandDocument = new TypedDocumentString(`
    query CoordinatorUnmetDemand($districtAgs: [String!], $needs: [String!]) {
  unmetReferralDemand(districtAgs: $districtAgs, needs: $needs) {
    districtAgs
    needCode
    declinedForCapacity
    suppressed
  }
}
    `) as unknown as TypedDocumentString<CoordinatorUnmetDemandQuery, CoordinatorUnmetDemandQueryVariables>;
export const SearchServicesDocument = new TypedDocumentString(`
    query SearchServices($text: String, $filter: SearchFilterInput, $near: SearchNearInput, $sort: SearchSort, $first: Int, $after: String) {
  searchServices(
    text: $text
    filter: $filter
    near: $near
    sort: $sort
    first: $first
    after: $after
  ) {
    totalCount
    sort
    pageInfo {
      hasNextPage
      endCursor
    }
    facets {
      needs {
        count
        need {
          code
          labelDe
        }
      }
      categories {
        category
        count
      }
      districts {
        ags
        name
        count
      }
    }
    edges {
      node {
        distanceMeters
        service {
          id
          name
          description
          category
          cost {
            type
            feeAmountEuro
            note
          }
          capacity {
            acceptingNewClients
            freeSeats
            waitingDays
            updatedAt
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
            freeSeats
            seats
          }
          verification {
            verifiedAt
          }
          needs {
            code
            labelDe
          }
          organization {
            id
            name
            fictitious
            phones {
              label
              number
            }
            email
            website
          }
          locations {
            id
            name
            street
            postcode
            town
            latitude
            longitude
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchServicesQuery, SearchServicesQueryVariables>;