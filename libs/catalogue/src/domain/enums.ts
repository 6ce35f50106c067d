/**
 * Controlled vocabularies of the catalogue. Values are stable English codes (stored and exposed in the
 * API); German labels live in `labels.ts` so coaches read German while integrations keep stable codes.
 */

export enum OrganizationKind {
  PHYSICIAN_PRACTICE = 'physician_practice',
  CLINIC = 'clinic',
  HEALTH_INSURER = 'health_insurer',
  COUNSELLING_SERVICE = 'counselling_service',
  COURSE_PROVIDER = 'course_provider',
  MUNICIPALITY = 'municipality',
  SOCIAL_SERVICE_PROVIDER = 'social_service_provider',
  EMPLOYMENT_PROVIDER = 'employment_provider',
  OTHER = 'other',
}

export enum OrganizationStatus {
  PENDING = 'pending',
  ACTIVE = 'active',
  INACTIVE = 'inactive',
}

export enum IdentifierScheme {
  /** Institutionskennzeichen (insurers, clinics, providers billing statutory insurance) */
  IK = 'IK',
  /** Betriebsstättennummer (practice site) */
  BSNR = 'BSNR',
  /** Lebenslange Arztnummer (physician) */
  LANR = 'LANR',
  OTHER = 'OTHER',
}

export enum ServiceCategory {
  PHYSICIAN = 'physician',
  CLINIC = 'clinic',
  HEALTH_INSURER = 'health_insurer',
  ADDICTION_COUNSELLING = 'addiction_counselling',
  COURSE = 'course',
  PSYCHOSOCIAL_SERVICE = 'psychosocial_service',
  SOCIAL_SERVICE = 'social_service',
  COMMUNITY_ROOM = 'community_room',
  EMPLOYMENT_MEASURE = 'employment_measure',
}

/** Only meaningful for category `physician` (and clinics' departments). */
export enum MedicalSpecialty {
  GENERAL_PRACTICE = 'general_practice',
  INTERNAL_MEDICINE = 'internal_medicine',
  ORTHOPAEDICS = 'orthopaedics',
  CARDIOLOGY = 'cardiology',
  PSYCHIATRY = 'psychiatry',
  PSYCHOTHERAPY = 'psychotherapy',
  NEUROLOGY = 'neurology',
  PHYSICAL_AND_REHABILITATIVE_MEDICINE = 'physical_and_rehabilitative_medicine',
  DIABETOLOGY = 'diabetology',
  ADDICTION_MEDICINE = 'addiction_medicine',
}

export enum AccessibilityFeature {
  STEP_FREE_ACCESS = 'step_free_access',
  ACCESSIBLE_WC = 'accessible_wc',
  LIFT = 'lift',
  ACCESSIBLE_PARKING = 'accessible_parking',
  SIGN_LANGUAGE = 'sign_language',
  HEARING_LOOP = 'hearing_loop',
  EASY_LANGUAGE = 'easy_language',
  BRAILLE = 'braille',
}

export enum DeliveryMode {
  IN_PERSON = 'in_person',
  OUTREACH = 'outreach',
  ONLINE = 'online',
}

export enum CostType {
  FREE = 'free',
  STATUTORY_INSURANCE = 'statutory_insurance',
  /** Prevention course subsidised by the health insurer (§ 20 SGB V) */
  INSURER_SUBSIDISED = 'insurer_subsidised',
  FEE = 'fee',
}

export enum InsuranceRequirement {
  NONE = 'none',
  STATUTORY = 'statutory',
  STATUTORY_OR_PRIVATE = 'statutory_or_private',
}

export enum ServiceStatus {
  ACTIVE = 'active',
  INACTIVE = 'inactive',
}
