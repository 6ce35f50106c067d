/**
 * Service templates of the demo catalogue. Each template fixes what a real service of its kind would
 * plausibly look like (needs, cost, typical waiting time, hours); the generator varies the rest.
 */
import { CostType, InsuranceRequirement, MedicalSpecialty, RoomEquipment, ServiceCategory } from '@lotse/catalogue';

export interface ServiceTemplate {
  name: string;
  description: string;
  category: ServiceCategory;
  specialty?: MedicalSpecialty;
  /** need codes, 1–4 */
  needs: string[];
  cost: CostType;
  /** fee range in euro: what a FEE service costs, or a subsidised course's fee before the insurer refunds it */
  fee?: [number, number];
  costNote?: string;
  insurance: InsuranceRequirement;
  eligibilityNote?: string;
  age?: [number, number];
  /**
   * opening hours in compact notation, e.g. '1-5 08:00-12:00; 2,4 14:00-18:00' (ISO weekdays); several
   * strings are alternatives to pick from; empty for courses, which run in sessions
   */
  hours: string | string[];
  /** range of waiting days; absent where the service works with course sessions */
  wait?: [number, number];
  /** probability that the service takes new clients (default 0.9) */
  accepting?: number;
  /** probability of offering the service online / outreach in addition to (or instead of) in person */
  online?: number;
  outreach?: number;
  /** only online or only outreach: no in-person contact at the location */
  remoteOnly?: boolean;
  /** runs as a course with dated sessions */
  course?: boolean;
  /** rooms: what the room offers */
  equipment?: RoomEquipment[];
}

const C = ServiceCategory;
const S = MedicalSpecialty;
const SGB20 = 'Zertifizierter Präventionskurs nach § 20 SGB V; die Krankenkasse erstattet in der Regel 80–100 % der Kursgebühr.';

const PRACTICE_HOURS = [
  '1-5 08:00-12:00; 2,4 14:00-18:00',
  '1-5 07:30-12:00; 1,4 15:00-18:00',
  '1,2,4 08:00-12:00; 1,2,4 14:00-17:00; 3,5 08:00-13:00',
  '1-5 08:00-13:00; 2 15:00-19:00',
];
const COUNSELLING_HOURS = [
  '1 09:00-12:00; 2 09:00-12:00; 2 13:00-18:00; 4 13:00-18:00; 5 09:00-12:00',
  '1-4 09:00-15:00; 2 15:00-18:00; 5 09:00-12:00',
  '1,3 08:30-12:00; 2,4 12:00-18:00',
];

const physician = (
  specialty: MedicalSpecialty,
  name: string,
  description: string,
  needs: string[],
  wait: [number, number],
  extra: Partial<ServiceTemplate> = {},
): ServiceTemplate => ({
  name, description, needs, wait, specialty,
  category: C.PHYSICIAN,
  cost: CostType.STATUTORY_INSURANCE,
  insurance: InsuranceRequirement.STATUTORY_OR_PRIVATE,
  hours: PRACTICE_HOURS,
  ...extra,
});

export const PHYSICIAN_TEMPLATES: Partial<Record<MedicalSpecialty, ServiceTemplate[]>> = {
  [S.GENERAL_PRACTICE]: [
    physician(S.GENERAL_PRACTICE, 'Hausärztliche Sprechstunde', 'Erste Anlaufstelle bei allen gesundheitlichen Beschwerden, Überweisung an Fachärztinnen und Fachärzte.', ['primary_care'], [0, 5], { accepting: 0.75, hours: '1-5 07:30-12:00; 1,2,4 15:00-18:00' }),
    physician(S.GENERAL_PRACTICE, 'Rauchstopp-Beratung in der Hausarztpraxis', 'Ärztliche Kurzberatung und Begleitung beim Rauchstopp, auf Wunsch mit medikamentöser Unterstützung.', ['smoking_cessation', 'primary_care'], [3, 14], { hours: '2,4 14:00-17:00' }),
    physician(S.GENERAL_PRACTICE, 'Gesundheits-Check-up und Vorsorge', 'Check-up ab 35, Blutdruck, Blutzucker und Blutfette; Beratung zu Bewegung und Ernährung.', ['primary_care', 'cardiovascular', 'metabolic'], [3, 21]),
    physician(S.GENERAL_PRACTICE, 'Betreuung chronisch Kranker (DMP)', 'Disease-Management-Programme für Diabetes Typ 2, koronare Herzkrankheit und Asthma/COPD.', ['primary_care', 'metabolic', 'cardiovascular'], [5, 28]),
  ],
  [S.INTERNAL_MEDICINE]: [
    physician(S.INTERNAL_MEDICINE, 'Internistische Sprechstunde', 'Hausärztlich-internistische Versorgung, Ultraschall, Langzeit-Blutdruckmessung.', ['primary_care', 'cardiovascular', 'metabolic'], [3, 21]),
  ],
  [S.ORTHOPAEDICS]: [
    physician(S.ORTHOPAEDICS, 'Orthopädische Sprechstunde', 'Abklärung von Rücken-, Gelenk- und Muskelbeschwerden, Verordnung von Heilmitteln.', ['musculoskeletal', 'specialist_assessment'], [14, 60]),
    physician(S.ORTHOPAEDICS, 'Sprechstunde chronischer Rückenschmerz', 'Diagnostik und Therapieplanung bei lang andauernden Rückenschmerzen, Prüfung des Rehabedarfs.', ['musculoskeletal', 'chronic_pain', 'specialist_assessment', 'medical_rehabilitation'], [21, 75]),
  ],
  [S.CARDIOLOGY]: [
    physician(S.CARDIOLOGY, 'Kardiologische Diagnostik', 'EKG, Belastungs-EKG, Herzultraschall und Einstellung von Bluthochdruck.', ['cardiovascular', 'specialist_assessment'], [21, 90]),
  ],
  [S.PSYCHIATRY]: [
    physician(S.PSYCHIATRY, 'Psychiatrische Sprechstunde', 'Diagnostik und Behandlung psychischer Erkrankungen, auch medikamentös.', ['psychiatric_treatment', 'specialist_assessment'], [21, 90], { accepting: 0.7 }),
    physician(S.PSYCHIATRY, 'Psychiatrische Akutsprechstunde', 'Kurzfristige Termine in akuten psychischen Krisen.', ['crisis_intervention', 'psychiatric_treatment'], [0, 7], { hours: '1,3,5 08:00-10:00' }),
  ],
  [S.PSYCHOTHERAPY]: [
    physician(S.PSYCHOTHERAPY, 'Psychotherapeutische Sprechstunde', 'Erstgespräch zur Abklärung, ob eine Psychotherapie angezeigt ist; Vermittlung von Akutbehandlung.', ['psychotherapy'], [14, 42], { hours: '1-4 08:00-18:00; 5 08:00-13:00', online: 0.25 }),
    physician(S.PSYCHOTHERAPY, 'Verhaltenstherapie (Einzeltherapie)', 'Richtlinienpsychotherapie bei Depression, Angst- und Belastungsstörungen.', ['psychotherapy'], [60, 180], { accepting: 0.5, hours: '1-4 08:00-18:00; 5 08:00-13:00', online: 0.2 }),
    physician(S.PSYCHOTHERAPY, 'Gruppenpsychotherapie', 'Verhaltenstherapeutische Gruppe (6–9 Personen) zu Depression und Stressbewältigung.', ['psychotherapy', 'stress_relaxation'], [30, 120], { accepting: 0.7, hours: '2,4 16:00-19:00' }),
  ],
  [S.NEUROLOGY]: [
    physician(S.NEUROLOGY, 'Neurologische Sprechstunde', 'Abklärung von Nervenschmerzen, Lähmungen, Kopfschmerzen und Schwindel.', ['specialist_assessment', 'chronic_pain'], [30, 90]),
  ],
  [S.PHYSICAL_AND_REHABILITATIVE_MEDICINE]: [
    physician(S.PHYSICAL_AND_REHABILITATIVE_MEDICINE, 'Sprechstunde Physikalische und Rehabilitative Medizin', 'Funktionsdiagnostik, Heilmittelplanung und Einschätzung des Rehabilitationsbedarfs.', ['musculoskeletal', 'medical_rehabilitation', 'specialist_assessment', 'chronic_pain'], [14, 45]),
  ],
  [S.DIABETOLOGY]: [
    physician(S.DIABETOLOGY, 'Diabetologische Schwerpunktsprechstunde', 'Einstellung und Begleitung bei Diabetes Typ 1 und 2, Fußambulanz.', ['metabolic', 'specialist_assessment'], [7, 35]),
    physician(S.DIABETOLOGY, 'Diabetes-Schulung', 'Strukturierte Schulung zu Ernährung, Bewegung und Blutzuckermessung in kleinen Gruppen.', ['metabolic', 'nutrition', 'weight_management'], [7, 42], { hours: '3 14:00-17:00' }),
  ],
  [S.PSYCHOSOMATIC_MEDICINE]: [
    physician(S.PSYCHOSOMATIC_MEDICINE, 'Psychosomatische Sprechstunde', 'Abklärung und Behandlung körperlicher Beschwerden mit seelischer Mitursache, Psychotherapie.', ['psychotherapy', 'specialist_assessment', 'chronic_pain'], [21, 70], { hours: '1-4 08:00-17:00' }),
  ],
  [S.RHEUMATOLOGY]: [
    physician(S.RHEUMATOLOGY, 'Rheumatologische Sprechstunde', 'Abklärung entzündlicher Gelenk- und Rückenerkrankungen, Einstellung der Therapie.', ['musculoskeletal', 'chronic_pain', 'specialist_assessment'], [30, 90]),
  ],
  [S.PAIN_MEDICINE]: [
    physician(S.PAIN_MEDICINE, 'Schmerztherapeutische Sprechstunde', 'Spezielle Schmerztherapie bei lang anhaltenden Rücken-, Kopf- und Nervenschmerzen.', ['chronic_pain', 'specialist_assessment'], [21, 60], { hours: '1,2,4 08:00-13:00; 3 14:00-18:00' }),
  ],
  [S.ADDICTION_MEDICINE]: [
    physician(S.ADDICTION_MEDICINE, 'Suchtmedizinische Sprechstunde', 'Ärztliche Behandlung bei Alkohol-, Medikamenten- und Drogenabhängigkeit, Substitution.', ['addiction', 'specialist_assessment'], [3, 14], { hours: '1-5 07:30-11:00' }),
  ],
};

const clinic = (name: string, description: string, needs: string[], wait: [number, number], extra: Partial<ServiceTemplate> = {}): ServiceTemplate => ({
  name, description, needs, wait,
  category: C.CLINIC,
  cost: CostType.STATUTORY_INSURANCE,
  insurance: InsuranceRequirement.STATUTORY_OR_PRIVATE,
  hours: '1-5 07:30-15:30',
  ...extra,
});

export const CLINIC_TEMPLATES = {
  rehabAssessment: clinic('Fachärztliche Abklärung des Rehabilitationsbedarfs', 'Sozialmedizinische Begutachtung: Leistungsfähigkeit, Rehabedarf und Empfehlung geeigneter Leistungen zur Teilhabe.', ['specialist_assessment', 'medical_rehabilitation'], [14, 42], { specialty: S.PHYSICAL_AND_REHABILITATIVE_MEDICINE, age: [18, 65], eligibilityNote: 'Überweisung durch Haus- oder Fachärztin/-arzt erforderlich.' }),
  orthoRehab: clinic('Ambulante orthopädische Rehabilitation', 'Ganztägig ambulante Reha bei Rücken- und Gelenkerkrankungen, wohnortnah.', ['musculoskeletal', 'medical_rehabilitation', 'chronic_pain'], [21, 60], { specialty: S.ORTHOPAEDICS, eligibilityNote: 'Bewilligung durch Rentenversicherung oder Krankenkasse.' }),
  cardioRehab: clinic('Ambulante kardiologische Rehabilitation', 'Reha nach Herzinfarkt, bei Herzschwäche und schwer einstellbarem Bluthochdruck.', ['cardiovascular', 'medical_rehabilitation'], [21, 60], { specialty: S.CARDIOLOGY }),
  psychiatricOutpatient: clinic('Psychiatrische Institutsambulanz', 'Multiprofessionelle ambulante Behandlung schwer und chronisch psychisch erkrankter Menschen: Diagnostik, Behandlung, Krisenhilfe, auch aufsuchend.', ['psychiatric_treatment', 'specialist_assessment', 'crisis_intervention', 'psychotherapy'], [7, 35], { specialty: S.PSYCHIATRY, outreach: 0.5 }),
  detox: clinic('Qualifizierter Entzug', 'Stationärer qualifizierter Alkohol- und Medikamentenentzug mit Motivationsarbeit und Vermittlung in Entwöhnung.', ['addiction', 'medical_rehabilitation'], [3, 21], { specialty: S.ADDICTION_MEDICINE, hours: '1-7 00:00-23:59' }),
  diabetesDayClinic: clinic('Diabetes-Tagesklinik', 'Teilstationäre Neueinstellung bei Diabetes mit Ernährungsschulung.', ['metabolic', 'nutrition', 'specialist_assessment', 'weight_management'], [14, 42], { specialty: S.DIABETOLOGY }),
  mbor: clinic('Medizinisch-beruflich orientierte Rehabilitation (MBOR)', 'Reha mit Arbeitsplatztraining und Belastungserprobung für den Weg zurück in Arbeit.', ['medical_rehabilitation', 'employment_qualification', 'musculoskeletal'], [21, 60], { age: [18, 65] }),
  aftercare: clinic('Reha-Nachsorge (IRENA)', 'Berufsbegleitende Nachsorge nach einer Rehabilitation, abends und am Samstag.', ['medical_rehabilitation', 'exercise'], [7, 28], { hours: '1-4 16:00-20:00; 6 09:00-12:00' }),
  psychosomaticRehab: clinic('Psychosomatische Rehabilitation (ganztägig ambulant)', 'Reha bei Depression, Erschöpfung und Angst mit Gruppen- und Einzeltherapie.', ['medical_rehabilitation', 'psychotherapy'], [30, 90], { specialty: S.PSYCHOSOMATIC_MEDICINE }),
  painClinic: clinic('Schmerzambulanz', 'Interdisziplinäre Schmerztherapie: ärztliche, psychologische und physiotherapeutische Behandlung chronischer Schmerzen.', ['chronic_pain', 'specialist_assessment'], [21, 70], { specialty: S.PAIN_MEDICINE }),
} satisfies Record<string, ServiceTemplate>;

const course = (name: string, description: string, needs: string[], extra: Partial<ServiceTemplate> = {}): ServiceTemplate => ({
  name, description, needs,
  category: C.COURSE,
  cost: CostType.INSURER_SUBSIDISED,
  fee: [60, 120],
  costNote: SGB20,
  insurance: InsuranceRequirement.NONE,
  hours: '',
  course: true,
  ...extra,
});

export const COURSE_TEMPLATES: ServiceTemplate[] = [
  course('Rückenfit – Präventionskurs Rückengesundheit', 'Kräftigung, Beweglichkeit und rückengerechtes Verhalten im Alltag, 8–10 Termine.', ['exercise', 'musculoskeletal'], { fee: [80, 120] }),
  course('Herz-Kreislauf-Training', 'Moderates Ausdauertraining mit Pulskontrolle für Einsteigerinnen und Einsteiger.', ['exercise', 'cardiovascular']),
  course('Nordic Walking für Einsteiger', 'Technik und gelenkschonendes Ausdauertraining im Freien.', ['exercise', 'cardiovascular', 'musculoskeletal']),
  course('Funktionsgymnastik', 'Gelenkschonende Gymnastik zur Kräftigung der Haltemuskulatur.', ['exercise', 'musculoskeletal']),
  course('Aqua-Fitness', 'Bewegung im Wasser, gelenkschonend auch bei Übergewicht.', ['exercise', 'musculoskeletal', 'weight_management']),
  course('Gesund abnehmen – Ernährung im Alltag', 'Praktische Ernährungsumstellung mit Einkaufstraining und Essprotokoll.', ['nutrition', 'weight_management', 'metabolic']),
  course('Ernährung bei Diabetes Typ 2', 'Kohlenhydrate einschätzen, Mahlzeiten planen, Blutzucker verstehen.', ['nutrition', 'metabolic']),
  course('Gesund kochen mit kleinem Budget', 'Gemeinsam einfache, günstige und ausgewogene Gerichte kochen.', ['nutrition'], { cost: CostType.FEE, fee: [10, 30], costNote: 'Lebensmittelumlage' }),
  course('Stressbewältigung im Alltag', 'Stressoren erkennen, Gedanken ordnen, Erholung planen.', ['stress_relaxation']),
  course('Progressive Muskelentspannung nach Jacobson', 'Erlernen der Entspannungstechnik für den Alltag.', ['stress_relaxation']),
  course('Autogenes Training', 'Grundstufe des autogenen Trainings in der Gruppe.', ['stress_relaxation']),
  course('Hatha-Yoga – Präventionskurs', 'Körperübungen, Atem und Entspannung für Einsteigerinnen und Einsteiger.', ['stress_relaxation', 'exercise', 'musculoskeletal']),
  course('Achtsamkeit und Stressreduktion', 'Achtsamkeitsübungen nach MBSR-Elementen für den Alltag.', ['stress_relaxation']),
  course('Bewegt zurück in den Alltag (27–50)', 'Bewegung, Ernährung und Entspannung für Menschen mit Rücken-, Herz- oder Stoffwechselbeschwerden.', ['exercise', 'nutrition', 'musculoskeletal', 'cardiovascular'], { age: [27, 50] }),
  course('Schmerzbewältigung bei chronischen Rückenschmerzen', 'Mit Schmerzen umgehen lernen: Bewegung, Entspannung und Alltagsstrategien in der Gruppe.', ['chronic_pain', 'musculoskeletal', 'stress_relaxation'], { fee: [60, 100] }),
  course('Rehasport Orthopädie', 'Rehabilitationssport in der Gruppe, 50 Übungseinheiten.', ['exercise', 'musculoskeletal', 'medical_rehabilitation'], {
    cost: CostType.STATUTORY_INSURANCE, costNote: 'Kostenübernahme durch Krankenkasse oder Rentenversicherung.', insurance: InsuranceRequirement.STATUTORY,
    eligibilityNote: 'Ärztliche Verordnung erforderlich (§ 64 SGB IX).',
  }),
  course('Herzsport', 'Rehabilitationssport für Menschen mit Herz-Kreislauf-Erkrankungen unter ärztlicher Aufsicht.', ['exercise', 'cardiovascular', 'medical_rehabilitation'], {
    cost: CostType.STATUTORY_INSURANCE, costNote: 'Kostenübernahme durch Krankenkasse oder Rentenversicherung.', insurance: InsuranceRequirement.STATUTORY,
    eligibilityNote: 'Ärztliche Verordnung erforderlich (§ 64 SGB IX).',
  }),
];

/** Every region has these two (adult education centres run them): back school and smoking cessation, with their fees. */
export const BACK_SCHOOL = course('Rückenschule – Präventionskurs', 'Rückengerechtes Bewegen, Kräftigung und Entspannung nach dem Konzept der Neuen Rückenschule, 10 Termine.', ['exercise', 'musculoskeletal', 'chronic_pain'], { fee: [90, 130] });
export const SMOKING_CESSATION = course('Rauchfrei-Kurs', 'Gruppenprogramm zum Rauchstopp mit Rückfallprophylaxe (Rauchfrei Programm), 6 Termine.', ['smoking_cessation', 'cardiovascular'], { fee: [100, 140] });
COURSE_TEMPLATES.push(BACK_SCHOOL, SMOKING_CESSATION);

export const ONLINE_COURSE_TEMPLATES: ServiceTemplate[] = [
  course('Online-Kurs Stressbewältigung', 'Live-Kurs per Video mit Übungen für zu Hause.', ['stress_relaxation'], { online: 1, remoteOnly: true }),
  course('Online-Kurs Entspannung und Schlaf', 'Entspannungsverfahren und Schlafhygiene per Video.', ['stress_relaxation'], { online: 1, remoteOnly: true }),
];

const insurer = (name: string, description: string, needs: string[], extra: Partial<ServiceTemplate> = {}): ServiceTemplate => ({
  name, description, needs,
  category: C.HEALTH_INSURER,
  cost: CostType.FREE,
  insurance: InsuranceRequirement.STATUTORY,
  hours: '1-3 08:30-16:00; 4 08:30-18:00; 5 08:30-13:00',
  wait: [0, 5],
  accepting: 1,
  online: 0.6,
  ...extra,
});

export const INSURER_TEMPLATES = {
  rehabAdvice: insurer('Beratung zu Rehabilitation und Krankengeld', 'Persönliche Beratung zu Reha-Anträgen, Krankengeld und stufenweiser Wiedereingliederung.', ['medical_rehabilitation']),
  preventionAdvice: insurer('Präventions- und Gesundheitsberatung', 'Beratung zu Präventionskursen nach § 20 SGB V, Rauchstopp, Bonusprogramm und Gesundheitscoaching.', ['exercise', 'nutrition', 'stress_relaxation', 'smoking_cessation']),
  caseManagement: insurer('Fallmanagement bei langer Arbeitsunfähigkeit', 'Begleitung bei langer Krankheit: Koordination von Behandlung, Reha und Rückkehr in Arbeit.', ['medical_rehabilitation', 'employment_qualification'], { wait: [3, 14], outreach: 0.3 }),
  /** per customer centre: insurers advise caring relatives (Pflegeberatung, § 7a SGB XI) — not GP care */
  serviceCentre: insurer('Pflegeberatung für Angehörige im Kundencenter', 'Beratung pflegender Angehöriger zu Pflegegrad, Entlastung und Pflegekursen (§ 7a SGB XI).', ['relatives_carers']),
} satisfies Record<string, ServiceTemplate>;

const counselling = (category: ServiceCategory, name: string, description: string, needs: string[], extra: Partial<ServiceTemplate> = {}): ServiceTemplate => ({
  name, description, needs, category,
  cost: CostType.FREE,
  insurance: InsuranceRequirement.NONE,
  hours: COUNSELLING_HOURS,
  wait: [2, 21],
  ...extra,
});

export const ADDICTION_TEMPLATES = {
  counselling: counselling(C.ADDICTION_COUNSELLING, 'Suchtberatung für Betroffene', 'Vertrauliche, kostenfreie Beratung bei Problemen mit Alkohol, Drogen, Medikamenten oder Glücksspiel; auf Wunsch anonym.', ['addiction', 'psychosocial_counselling']),
  relatives: counselling(C.ADDICTION_COUNSELLING, 'Beratung und Gruppe für Angehörige Suchtkranker', 'Beratung und Gruppe für Partnerinnen, Partner und Familienangehörige suchtkranker Menschen.', ['relatives_carers', 'addiction', 'family_couples']),
  smoking: counselling(C.ADDICTION_COUNSELLING, 'Rauchstopp-Beratung', 'Einzelberatung zur Tabakentwöhnung und Vermittlung in Rauchfrei-Kurse.', ['smoking_cessation', 'addiction'], { wait: [0, 14] }),
  rehabReferral: counselling(C.ADDICTION_COUNSELLING, 'Vermittlung in Entwöhnungsbehandlung', 'Vorbereitung und Antragstellung für ambulante oder stationäre Suchtrehabilitation.', ['addiction', 'medical_rehabilitation'], { wait: [7, 28] }),
  outreach: counselling(C.ADDICTION_COUNSELLING, 'Aufsuchende Suchtberatung', 'Beratung zu Hause, im Jobcenter oder an einem vereinbarten Ort im Landkreis.', ['addiction', 'psychosocial_counselling'], { outreach: 1, remoteOnly: true }),
  aftercareGroup: counselling(C.ADDICTION_COUNSELLING, 'Nachsorgegruppe', 'Wöchentliche Gruppe nach abgeschlossener Entwöhnungsbehandlung.', ['addiction', 'self_help'], { hours: '3 17:00-19:00', wait: [0, 14] }),
  online: counselling(C.ADDICTION_COUNSELLING, 'Online-Suchtberatung', 'Beratung per Video oder datensicherem Chat.', ['addiction'], { online: 1, remoteOnly: true, wait: [0, 7] }),
  gambling: counselling(C.ADDICTION_COUNSELLING, 'Beratung bei Glücksspielsucht', 'Beratung bei problematischem Glücksspiel einschließlich Schuldenregulierung.', ['addiction', 'debt_counselling']),
  youth: counselling(C.ADDICTION_COUNSELLING, 'Suchtberatung für junge Erwachsene', 'Beratung zu Cannabis, Alkohol und Medienkonsum für junge Menschen.', ['addiction', 'psychosocial_counselling'], { age: [14, 27], online: 0.5 }),
} satisfies Record<string, ServiceTemplate>;

export const PSYCHOSOCIAL_TEMPLATES = {
  crisis: counselling(C.PSYCHOSOCIAL_SERVICE, 'Beratung und Krisenintervention', 'Sozialpsychiatrischer Dienst: Beratung, Krisenintervention und Vermittlung in Hilfen, bei Bedarf als Hausbesuch.', ['crisis_intervention', 'psychosocial_counselling'], { wait: [0, 5], outreach: 0.8 }),
  homeVisits: counselling(C.PSYCHOSOCIAL_SERVICE, 'Hausbesuche für psychisch erkrankte Menschen', 'Aufsuchende Begleitung von Menschen, die von sich aus keine Hilfe in Anspruch nehmen.', ['mental_health', 'social_participation'], { outreach: 1, remoteOnly: true, wait: [3, 14] }),
  dropIn: counselling(C.PSYCHOSOCIAL_SERVICE, 'Offener Treff der Kontakt- und Beratungsstelle', 'Begegnung, Tagesstruktur und Beratung für Menschen mit psychischen Erkrankungen, ohne Anmeldung.', ['mental_health', 'social_participation'], { wait: [0, 0], accepting: 1, hours: '1-5 10:00-16:00' }),
  dayCentre: counselling(C.PSYCHOSOCIAL_SERVICE, 'Tagesstätte für psychisch kranke Menschen', 'Tagesstruktur, Beschäftigung und Gruppenangebote für Menschen mit seelischer Behinderung.', ['mental_health', 'social_participation', 'employment_qualification'], { wait: [14, 60], accepting: 0.7, hours: '1-5 08:00-15:00', eligibilityNote: 'Kostenübernahme über Eingliederungshilfe (SGB IX).' }),
  selfHelp: counselling(C.PSYCHOSOCIAL_SERVICE, 'Selbsthilfegruppe Depression und Angst', 'Angeleitete Selbsthilfegruppe, 14-tägig.', ['self_help', 'mental_health'], { hours: '2 18:00-20:00', wait: [0, 14] }),
  relatives: counselling(C.PSYCHOSOCIAL_SERVICE, 'Angehörigengruppe psychisch erkrankter Menschen', 'Austausch, Information und Entlastung für Eltern, Partnerinnen, Partner und Kinder psychisch erkrankter Menschen; einmal im Monat, dazu Einzelberatung.', ['relatives_carers', 'self_help'], { hours: '4 17:30-19:30', wait: [0, 14] }),
  householdCounselling: counselling(C.PSYCHOSOCIAL_SERVICE, 'Psychosoziale Beratung für Bedarfsgemeinschaften', 'Gemeinsame Beratung der erkrankten Person und ihrer Partnerin oder ihres Partners im Haushalt.', ['psychosocial_counselling', 'family_couples', 'relatives_carers'], { outreach: 0.5 }),
} satisfies Record<string, ServiceTemplate>;

export const SOCIAL_TEMPLATES = {
  debt: counselling(C.SOCIAL_SERVICE, 'Schuldner- und Insolvenzberatung', 'Überblick über Schulden, Verhandlung mit Gläubigern, Vorbereitung des Verbraucherinsolvenzverfahrens.', ['debt_counselling'], { wait: [14, 70], accepting: 0.8, eligibilityNote: 'Vorrangig für Leistungsberechtigte nach SGB II und SGB XII.' }),
  budget: counselling(C.SOCIAL_SERVICE, 'Budgetberatung und Haushaltsplanung', 'Einnahmen und Ausgaben ordnen, Pfändungsschutzkonto, Energieschulden.', ['debt_counselling', 'psychosocial_counselling'], { wait: [3, 21] }),
  couples: counselling(C.SOCIAL_SERVICE, 'Paar- und Lebensberatung', 'Beratung für Paare und Einzelne in Krisen, bei Trennung und Konflikten.', ['family_couples', 'psychosocial_counselling'], { wait: [7, 42], online: 0.3 }),
  family: counselling(C.SOCIAL_SERVICE, 'Erziehungs- und Familienberatung', 'Beratung für Eltern bei Erziehungsfragen und familiären Belastungen.', ['family_couples'], { wait: [7, 35] }),
  singleParents: counselling(C.SOCIAL_SERVICE, 'Beratung und Treff für Alleinerziehende', 'Beratung zu Unterhalt, Kinderbetreuung und Alltag; offener Treff mit Kinderbetreuung.', ['family_couples', 'social_participation'], { wait: [0, 14] }),
  general: counselling(C.SOCIAL_SERVICE, 'Allgemeine Sozialberatung', 'Hilfe bei Anträgen, Behördenpost und Fragen zu Sozialleistungen.', ['social_participation', 'psychosocial_counselling'], { wait: [0, 10], outreach: 0.3 }),
  selfHelpContact: counselling(C.SOCIAL_SERVICE, 'Selbsthilfekontaktstelle', 'Vermittlung in Selbsthilfegruppen der Region, Unterstützung bei der Gründung neuer Gruppen.', ['self_help', 'social_participation'], { wait: [0, 7], accepting: 1, hours: '1,3 09:00-12:00; 2 13:00-18:00' }),
} satisfies Record<string, ServiceTemplate>;

export const COMMUNITY_TEMPLATES = {
  consultationRoom: counselling(C.COMMUNITY_ROOM, 'Beratungsraum für aufsuchende Sprechstunden', 'Ruhiger Raum für vertrauliche Gespräche, buchbar durch Coaches und Beratungsstellen für Außensprechstunden.', ['social_participation', 'psychosocial_counselling'], { hours: '1-5 08:00-18:00', wait: [0, 7], accepting: 1, eligibilityNote: 'Buchung über die Stadtverwaltung.', equipment: [RoomEquipment.CONFIDENTIAL, RoomEquipment.DESK, RoomEquipment.WIFI, RoomEquipment.WAITING_AREA] }),
  meetingRoom: counselling(C.COMMUNITY_ROOM, 'Gruppenraum für Kurse und Selbsthilfe', 'Gruppenraum für bis zu 15 Personen mit Küche; für Kurse, Selbsthilfegruppen und Informationsveranstaltungen.', ['social_participation', 'self_help'], { hours: '1-5 08:00-21:00; 6 09:00-14:00', wait: [3, 21], accepting: 1, equipment: [RoomEquipment.GROUP_SEATING, RoomEquipment.KITCHEN, RoomEquipment.SCREEN, RoomEquipment.WIFI] }),
  neighbourhood: counselling(C.COMMUNITY_ROOM, 'Stadtteiltreff', 'Offener Treffpunkt mit Café, Sprechzeiten wechselnder Beratungsdienste und Aushang regionaler Angebote.', ['social_participation', 'employment_qualification'], { hours: '1-5 10:00-17:00', wait: [0, 0], accepting: 1, equipment: [RoomEquipment.GROUP_SEATING, RoomEquipment.WIFI] }),
} satisfies Record<string, ServiceTemplate>;

const measure = (name: string, description: string, needs: string[], extra: Partial<ServiceTemplate> = {}): ServiceTemplate => ({
  name, description, needs,
  category: C.EMPLOYMENT_MEASURE,
  cost: CostType.FREE,
  costNote: 'Förderung über das Jobcenter.',
  insurance: InsuranceRequirement.NONE,
  eligibilityNote: 'Zuweisung durch das Jobcenter; Leistungsberechtigte nach SGB II.',
  hours: '1-5 07:30-14:30',
  wait: [7, 35],
  age: [18, 65],
  accepting: 0.8,
  ...extra,
});

export const EMPLOYMENT_TEMPLATES = {
  workOpportunity: measure('Arbeitsgelegenheit mit Gesundheitsorientierung', 'Gemeinnützige Tätigkeit in Holz-, Garten- oder Textilwerkstatt mit Bewegungs- und Gesundheitsmodul (§ 16d SGB II).', ['employment_qualification', 'social_participation']),
  workTrial: measure('Arbeits- und Belastungserprobung', 'Schrittweise Erprobung der Belastbarkeit in realen Arbeitsfeldern, begleitet von Fachdiensten.', ['employment_qualification', 'medical_rehabilitation']),
  logistics: measure('Qualifizierung Lager und Logistik', 'Teilqualifizierung mit Staplerschein und Betriebspraktikum.', ['employment_qualification'], { wait: [14, 60] }),
  coaching: measure('Ganzheitliches Coaching für Menschen mit gesundheitlichen Einschränkungen', 'Einzelcoaching zu Gesundheit, Alltag und Arbeit (§ 16k SGB II), auch aufsuchend.', ['employment_qualification', 'mental_health', 'psychosocial_counselling'], { outreach: 0.6, wait: [3, 21] }),
  youth: measure('Startklar – Coaching für junge Erwachsene', 'Berufsorientierung, Tagesstruktur und Unterstützung bei Bewerbungen für junge Menschen.', ['employment_qualification', 'social_participation'], { age: [18, 25] }),
  sideJob: measure('Zuverdienst und Tagesstruktur', 'Stundenweise Beschäftigung für Menschen mit psychischen Erkrankungen.', ['employment_qualification', 'mental_health', 'social_participation'], { hours: '1-5 08:00-13:00', age: [25, 65] }),
  internship: measure('Betriebspraktikum mit Gesundheitsbegleitung', 'Praktikum in einem Partnerbetrieb mit ergonomischer Arbeitsplatzanpassung und Begleitung.', ['employment_qualification'], { wait: [7, 28] }),
} satisfies Record<string, ServiceTemplate>;
