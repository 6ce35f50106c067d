import { MedicalSpecialty } from './enums';

/**
 * The documented list of medical specialties, with German names.
 *
 * Source: (Muster-)Weiterbildungsordnung 2018 der Bundesärztekammer (MWBO, as amended; the Facharzt
 * "Innere Medizin und Infektiologie" since 2021), section B: the Facharzt competences, grouped by their
 * Gebiet. Three entries are not Facharzt competences but what coaches ask for by name: psychological
 * and medical psychotherapy (Psychotherapeutengesetz; the KV lists both as "Psychotherapie"), and the
 * additional qualifications (Zusatz-Weiterbildung, MWBO section C) "Suchtmedizinische Grundversorgung"
 * and "Spezielle Schmerztherapie".
 *
 * `personDe` are the words for the physician ("ein Orthopäde") where German has a common one; they are
 * what a coach says and types.
 */
export type SpecialtyQualification = 'facharzt' | 'psychotherapy' | 'additional';

export interface MedicalSpecialtyDefinition {
  code: MedicalSpecialty;
  /** the name of the Facharzt competence (or qualification) as the MWBO writes it */
  labelDe: string;
  /** the Gebiet of the MWBO it belongs to */
  fieldDe: string;
  qualification: SpecialtyQualification;
  /** what the physician is called, masculine and feminine */
  personDe: string[];
  /** takes part in hausärztliche Versorgung (§ 73 SGB V): Allgemeinmedizin, and Innere Medizin without a focus */
  primaryCare: boolean;
}

const S = MedicalSpecialty;
type Row = [MedicalSpecialty, string, string, string[], SpecialtyQualification?, boolean?];

const ROWS: Row[] = [
  [S.GENERAL_PRACTICE, 'Allgemeinmedizin', 'Allgemeinmedizin', ['Hausarzt', 'Hausärztin', 'Allgemeinmediziner', 'Allgemeinmedizinerin'], 'facharzt', true],
  [S.ANAESTHESIOLOGY, 'Anästhesiologie', 'Anästhesiologie', ['Anästhesist', 'Anästhesistin']],
  [S.ANATOMY, 'Anatomie', 'Anatomie', ['Anatom', 'Anatomin']],
  [S.OCCUPATIONAL_MEDICINE, 'Arbeitsmedizin', 'Arbeitsmedizin', ['Arbeitsmediziner', 'Arbeitsmedizinerin', 'Betriebsarzt', 'Betriebsärztin']],
  [S.OPHTHALMOLOGY, 'Augenheilkunde', 'Augenheilkunde', ['Augenarzt', 'Augenärztin']],
  [S.BIOCHEMISTRY, 'Biochemie', 'Biochemie', ['Biochemiker', 'Biochemikerin']],
  [S.GENERAL_SURGERY, 'Allgemeinchirurgie', 'Chirurgie', ['Chirurg', 'Chirurgin']],
  [S.VASCULAR_SURGERY, 'Gefäßchirurgie', 'Chirurgie', ['Gefäßchirurg', 'Gefäßchirurgin']],
  [S.CARDIAC_SURGERY, 'Herzchirurgie', 'Chirurgie', ['Herzchirurg', 'Herzchirurgin']],
  [S.PAEDIATRIC_SURGERY, 'Kinder- und Jugendchirurgie', 'Chirurgie', ['Kinderchirurg', 'Kinderchirurgin']],
  [S.ORTHOPAEDICS, 'Orthopädie und Unfallchirurgie', 'Chirurgie', ['Orthopäde', 'Orthopädin', 'Unfallchirurg', 'Unfallchirurgin']],
  [S.PLASTIC_SURGERY, 'Plastische, Rekonstruktive und Ästhetische Chirurgie', 'Chirurgie', ['plastischer Chirurg', 'plastische Chirurgin']],
  [S.THORACIC_SURGERY, 'Thoraxchirurgie', 'Chirurgie', ['Thoraxchirurg', 'Thoraxchirurgin']],
  [S.VISCERAL_SURGERY, 'Viszeralchirurgie', 'Chirurgie', ['Viszeralchirurg', 'Viszeralchirurgin']],
  [S.GYNAECOLOGY_OBSTETRICS, 'Frauenheilkunde und Geburtshilfe', 'Frauenheilkunde und Geburtshilfe', ['Frauenarzt', 'Frauenärztin', 'Gynäkologe', 'Gynäkologin']],
  [S.OTORHINOLARYNGOLOGY, 'Hals-Nasen-Ohrenheilkunde', 'Hals-Nasen-Ohrenheilkunde', ['HNO-Arzt', 'HNO-Ärztin']],
  [S.PHONIATRICS, 'Sprach-, Stimm- und kindliche Hörstörungen', 'Hals-Nasen-Ohrenheilkunde', ['Phoniater', 'Phoniaterin']],
  [S.DERMATOLOGY, 'Haut- und Geschlechtskrankheiten', 'Haut- und Geschlechtskrankheiten', ['Hautarzt', 'Hautärztin', 'Dermatologe', 'Dermatologin']],
  [S.HUMAN_GENETICS, 'Humangenetik', 'Humangenetik', ['Humangenetiker', 'Humangenetikerin']],
  [S.HYGIENE_ENVIRONMENTAL_MEDICINE, 'Hygiene und Umweltmedizin', 'Hygiene und Umweltmedizin', ['Hygieniker', 'Hygienikerin']],
  [S.INTERNAL_MEDICINE, 'Innere Medizin', 'Innere Medizin', ['Internist', 'Internistin'], 'facharzt', true],
  [S.ANGIOLOGY, 'Innere Medizin und Angiologie', 'Innere Medizin', ['Angiologe', 'Angiologin']],
  [S.DIABETOLOGY, 'Innere Medizin und Endokrinologie und Diabetologie', 'Innere Medizin', ['Diabetologe', 'Diabetologin', 'Endokrinologe', 'Endokrinologin']],
  [S.GASTROENTEROLOGY, 'Innere Medizin und Gastroenterologie', 'Innere Medizin', ['Gastroenterologe', 'Gastroenterologin']],
  [S.HAEMATOLOGY_ONCOLOGY, 'Innere Medizin und Hämatologie und Onkologie', 'Innere Medizin', ['Onkologe', 'Onkologin', 'Hämatologe', 'Hämatologin']],
  [S.INFECTIOLOGY, 'Innere Medizin und Infektiologie', 'Innere Medizin', ['Infektiologe', 'Infektiologin']],
  [S.CARDIOLOGY, 'Innere Medizin und Kardiologie', 'Innere Medizin', ['Kardiologe', 'Kardiologin']],
  [S.NEPHROLOGY, 'Innere Medizin und Nephrologie', 'Innere Medizin', ['Nephrologe', 'Nephrologin']],
  [S.PNEUMOLOGY, 'Innere Medizin und Pneumologie', 'Innere Medizin', ['Pneumologe', 'Pneumologin', 'Lungenarzt', 'Lungenärztin']],
  [S.RHEUMATOLOGY, 'Innere Medizin und Rheumatologie', 'Innere Medizin', ['Rheumatologe', 'Rheumatologin']],
  [S.PAEDIATRICS, 'Kinder- und Jugendmedizin', 'Kinder- und Jugendmedizin', ['Kinderarzt', 'Kinderärztin']],
  [S.CHILD_ADOLESCENT_PSYCHIATRY, 'Kinder- und Jugendpsychiatrie und -psychotherapie', 'Kinder- und Jugendpsychiatrie und -psychotherapie', ['Kinder- und Jugendpsychiater', 'Kinder- und Jugendpsychiaterin']],
  [S.LABORATORY_MEDICINE, 'Laboratoriumsmedizin', 'Laboratoriumsmedizin', ['Labormediziner', 'Labormedizinerin']],
  [S.MICROBIOLOGY, 'Mikrobiologie, Virologie und Infektionsepidemiologie', 'Mikrobiologie, Virologie und Infektionsepidemiologie', ['Mikrobiologe', 'Mikrobiologin']],
  [S.ORAL_MAXILLOFACIAL_SURGERY, 'Mund-Kiefer-Gesichtschirurgie', 'Mund-Kiefer-Gesichtschirurgie', ['Kieferchirurg', 'Kieferchirurgin']],
  [S.NEUROSURGERY, 'Neurochirurgie', 'Neurochirurgie', ['Neurochirurg', 'Neurochirurgin']],
  [S.NEUROLOGY, 'Neurologie', 'Neurologie', ['Neurologe', 'Neurologin']],
  [S.NUCLEAR_MEDICINE, 'Nuklearmedizin', 'Nuklearmedizin', ['Nuklearmediziner', 'Nuklearmedizinerin']],
  [S.PUBLIC_HEALTH, 'Öffentliches Gesundheitswesen', 'Öffentliches Gesundheitswesen', ['Amtsarzt', 'Amtsärztin']],
  [S.NEUROPATHOLOGY, 'Neuropathologie', 'Pathologie', ['Neuropathologe', 'Neuropathologin']],
  [S.PATHOLOGY, 'Pathologie', 'Pathologie', ['Pathologe', 'Pathologin']],
  [S.PHARMACOLOGY_TOXICOLOGY, 'Pharmakologie und Toxikologie', 'Pharmakologie', ['Pharmakologe', 'Pharmakologin']],
  [S.CLINICAL_PHARMACOLOGY, 'Klinische Pharmakologie', 'Pharmakologie', ['klinischer Pharmakologe', 'klinische Pharmakologin']],
  [S.PHYSICAL_AND_REHABILITATIVE_MEDICINE, 'Physikalische und Rehabilitative Medizin', 'Physikalische und Rehabilitative Medizin', ['Rehabilitationsmediziner', 'Rehabilitationsmedizinerin']],
  [S.PHYSIOLOGY, 'Physiologie', 'Physiologie', ['Physiologe', 'Physiologin']],
  [S.PSYCHIATRY, 'Psychiatrie und Psychotherapie', 'Psychiatrie und Psychotherapie', ['Psychiater', 'Psychiaterin']],
  [S.PSYCHOSOMATIC_MEDICINE, 'Psychosomatische Medizin und Psychotherapie', 'Psychosomatische Medizin und Psychotherapie', ['Psychosomatiker', 'Psychosomatikerin']],
  [S.RADIOLOGY, 'Radiologie', 'Radiologie', ['Radiologe', 'Radiologin']],
  [S.FORENSIC_MEDICINE, 'Rechtsmedizin', 'Rechtsmedizin', ['Rechtsmediziner', 'Rechtsmedizinerin']],
  [S.RADIATION_ONCOLOGY, 'Strahlentherapie', 'Strahlentherapie', ['Strahlentherapeut', 'Strahlentherapeutin']],
  [S.TRANSFUSION_MEDICINE, 'Transfusionsmedizin', 'Transfusionsmedizin', ['Transfusionsmediziner', 'Transfusionsmedizinerin']],
  [S.UROLOGY, 'Urologie', 'Urologie', ['Urologe', 'Urologin']],
  [S.PSYCHOTHERAPY, 'Psychotherapie', 'Psychotherapie (Psychotherapeutengesetz)', ['Psychotherapeut', 'Psychotherapeutin', 'Psychologe', 'Psychologin'], 'psychotherapy'],
  [S.ADDICTION_MEDICINE, 'Suchtmedizinische Grundversorgung', 'Zusatz-Weiterbildung', ['Suchtmediziner', 'Suchtmedizinerin'], 'additional'],
  [S.PAIN_MEDICINE, 'Spezielle Schmerztherapie', 'Zusatz-Weiterbildung', ['Schmerztherapeut', 'Schmerztherapeutin', 'Schmerzmediziner', 'Schmerzmedizinerin'], 'additional'],
];

export const MEDICAL_SPECIALTIES: readonly MedicalSpecialtyDefinition[] = ROWS.map(([code, labelDe, fieldDe, personDe, qualification = 'facharzt', primaryCare = false]) => ({
  code, labelDe, fieldDe, personDe, qualification, primaryCare,
}));

const BY_CODE = new Map(MEDICAL_SPECIALTIES.map((s) => [s.code, s]));

export function medicalSpecialty(code: MedicalSpecialty): MedicalSpecialtyDefinition {
  const definition = BY_CODE.get(code);
  if (!definition) throw new Error(`medical specialty ${code} is not documented in specialties.ts`);
  return definition;
}

/** Specialties of the hausärztliche Versorgung (GP care). */
export const PRIMARY_CARE_SPECIALTIES: readonly MedicalSpecialty[] = MEDICAL_SPECIALTIES.filter((s) => s.primaryCare).map((s) => s.code);
