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

/**
 * Medical specialty of a physician's or a clinic department's service: the Facharzt competences of
 * the (Muster-)Weiterbildungsordnung 2018 of the Bundesärztekammer, plus three qualifications coaches
 * ask for that are not Facharzt fields (psychological psychotherapy, addiction medicine, pain
 * medicine). German names, the Gebiet and the kind of qualification: `specialties.ts`. Codes are
 * stable; the ten of the first release keep their meaning.
 */
export enum MedicalSpecialty {
  // the first ten codes (2026.1)
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
  // the other Facharzt competences of the MWBO 2018
  ANAESTHESIOLOGY = 'anaesthesiology',
  ANATOMY = 'anatomy',
  OCCUPATIONAL_MEDICINE = 'occupational_medicine',
  OPHTHALMOLOGY = 'ophthalmology',
  BIOCHEMISTRY = 'biochemistry',
  GENERAL_SURGERY = 'general_surgery',
  VASCULAR_SURGERY = 'vascular_surgery',
  CARDIAC_SURGERY = 'cardiac_surgery',
  PAEDIATRIC_SURGERY = 'paediatric_surgery',
  PLASTIC_SURGERY = 'plastic_surgery',
  THORACIC_SURGERY = 'thoracic_surgery',
  VISCERAL_SURGERY = 'visceral_surgery',
  GYNAECOLOGY_OBSTETRICS = 'gynaecology_obstetrics',
  OTORHINOLARYNGOLOGY = 'otorhinolaryngology',
  PHONIATRICS = 'phoniatrics',
  DERMATOLOGY = 'dermatology',
  HUMAN_GENETICS = 'human_genetics',
  HYGIENE_ENVIRONMENTAL_MEDICINE = 'hygiene_environmental_medicine',
  ANGIOLOGY = 'angiology',
  GASTROENTEROLOGY = 'gastroenterology',
  HAEMATOLOGY_ONCOLOGY = 'haematology_oncology',
  INFECTIOLOGY = 'infectiology',
  NEPHROLOGY = 'nephrology',
  PNEUMOLOGY = 'pneumology',
  RHEUMATOLOGY = 'rheumatology',
  PAEDIATRICS = 'paediatrics',
  CHILD_ADOLESCENT_PSYCHIATRY = 'child_adolescent_psychiatry',
  LABORATORY_MEDICINE = 'laboratory_medicine',
  MICROBIOLOGY = 'microbiology',
  ORAL_MAXILLOFACIAL_SURGERY = 'oral_maxillofacial_surgery',
  NEUROSURGERY = 'neurosurgery',
  NUCLEAR_MEDICINE = 'nuclear_medicine',
  PUBLIC_HEALTH = 'public_health',
  NEUROPATHOLOGY = 'neuropathology',
  PATHOLOGY = 'pathology',
  PHARMACOLOGY_TOXICOLOGY = 'pharmacology_toxicology',
  CLINICAL_PHARMACOLOGY = 'clinical_pharmacology',
  PHYSIOLOGY = 'physiology',
  PSYCHOSOMATIC_MEDICINE = 'psychosomatic_medicine',
  RADIOLOGY = 'radiology',
  FORENSIC_MEDICINE = 'forensic_medicine',
  RADIATION_ONCOLOGY = 'radiation_oncology',
  TRANSFUSION_MEDICINE = 'transfusion_medicine',
  UROLOGY = 'urology',
  // additional qualifications (Zusatz-Weiterbildung) coaches ask for
  PAIN_MEDICINE = 'pain_medicine',
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

/**
 * What a room for outreach consultations offers (community rooms; the coaches' `rooms` query).
 * Stable codes; German words in `ROOM_EQUIPMENT_DE`.
 */
export enum RoomEquipment {
  /** a closed door: confidential talks are possible */
  CONFIDENTIAL = 'confidential',
  DESK = 'desk',
  WIFI = 'wifi',
  COMPUTER = 'computer',
  PRINTER = 'printer',
  PHONE = 'phone',
  SCREEN = 'screen',
  GROUP_SEATING = 'group_seating',
  KITCHEN = 'kitchen',
  WAITING_AREA = 'waiting_area',
}

export const ROOM_EQUIPMENT_DE: Readonly<Record<RoomEquipment, string>> = {
  [RoomEquipment.CONFIDENTIAL]: 'abschließbar, für vertrauliche Gespräche',
  [RoomEquipment.DESK]: 'Schreibtisch',
  [RoomEquipment.WIFI]: 'WLAN',
  [RoomEquipment.COMPUTER]: 'PC',
  [RoomEquipment.PRINTER]: 'Drucker',
  [RoomEquipment.PHONE]: 'Telefon',
  [RoomEquipment.SCREEN]: 'Bildschirm/Beamer',
  [RoomEquipment.GROUP_SEATING]: 'Sitzplätze für Gruppen',
  [RoomEquipment.KITCHEN]: 'Küche',
  [RoomEquipment.WAITING_AREA]: 'Wartebereich',
};

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
