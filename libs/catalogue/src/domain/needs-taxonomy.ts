/**
 * The needs taxonomy (Bedarfe). Codes are stable and never reused; a change of meaning gets a new
 * code and a new taxonomy version. The migration that seeds the `need_term` table reads this list, so
 * a new version means a new migration that upserts it.
 */
export const NEEDS_TAXONOMY_VERSION = '2026.1';

export interface NeedTermDefinition {
  code: string;
  labelDe: string;
  labelEn: string;
  /** groups terms for display: health condition, prevention, treatment, social */
  group: 'condition' | 'prevention' | 'treatment' | 'social';
  descriptionDe: string;
}

export const NEED_TERMS: readonly NeedTermDefinition[] = [
  { code: 'musculoskeletal', group: 'condition', labelDe: 'Muskel-Skelett-Erkrankungen', labelEn: 'Musculoskeletal conditions', descriptionDe: 'Rücken, Gelenke, Bewegungsapparat' },
  { code: 'cardiovascular', group: 'condition', labelDe: 'Herz-Kreislauf-Erkrankungen', labelEn: 'Cardiovascular conditions', descriptionDe: 'Bluthochdruck, Herzerkrankungen' },
  { code: 'metabolic', group: 'condition', labelDe: 'Stoffwechselerkrankungen', labelEn: 'Metabolic conditions', descriptionDe: 'Diabetes, Adipositas, Fettstoffwechsel' },
  { code: 'mental_health', group: 'condition', labelDe: 'Psychische Gesundheit', labelEn: 'Mental health', descriptionDe: 'Depression, Angst, psychische Belastungen' },
  { code: 'addiction', group: 'condition', labelDe: 'Sucht', labelEn: 'Addiction', descriptionDe: 'Alkohol, Drogen, Medikamente, Glücksspiel' },
  { code: 'primary_care', group: 'treatment', labelDe: 'Hausärztliche Versorgung', labelEn: 'Primary care', descriptionDe: 'Hausarzt als erste Anlaufstelle' },
  { code: 'exercise', group: 'prevention', labelDe: 'Bewegung', labelEn: 'Exercise', descriptionDe: 'Bewegungs- und Sportangebote, Präventionskurse' },
  { code: 'nutrition', group: 'prevention', labelDe: 'Ernährung', labelEn: 'Nutrition', descriptionDe: 'Ernährungsberatung und -kurse' },
  { code: 'stress_relaxation', group: 'prevention', labelDe: 'Stressbewältigung und Entspannung', labelEn: 'Stress management and relaxation', descriptionDe: 'Entspannungsverfahren, Stressbewältigung' },
  { code: 'specialist_assessment', group: 'treatment', labelDe: 'Fachärztliche Abklärung', labelEn: 'Specialist assessment', descriptionDe: 'Diagnostik, Begutachtung des Rehabedarfs' },
  { code: 'medical_rehabilitation', group: 'treatment', labelDe: 'Medizinische Rehabilitation', labelEn: 'Medical rehabilitation', descriptionDe: 'Ambulante und stationäre Reha' },
  { code: 'psychotherapy', group: 'treatment', labelDe: 'Psychotherapie', labelEn: 'Psychotherapy', descriptionDe: 'Sprechstunde, Akutbehandlung, Richtlinientherapie' },
  { code: 'psychosocial_counselling', group: 'social', labelDe: 'Psychosoziale Beratung', labelEn: 'Psychosocial counselling', descriptionDe: 'Beratung in Krisen und belastenden Lebenslagen' },
  { code: 'social_participation', group: 'social', labelDe: 'Soziale Teilhabe', labelEn: 'Social participation', descriptionDe: 'Begegnung, Selbsthilfe, Tagesstruktur' },
  { code: 'debt_counselling', group: 'social', labelDe: 'Schuldnerberatung', labelEn: 'Debt counselling', descriptionDe: 'Schulden- und Insolvenzberatung' },
  { code: 'family_couples', group: 'social', labelDe: 'Familie und Partnerschaft', labelEn: 'Family and couples', descriptionDe: 'Familien-, Paar- und Erziehungsberatung' },
  { code: 'employment_qualification', group: 'social', labelDe: 'Beschäftigung und Qualifizierung', labelEn: 'Employment and qualification', descriptionDe: 'Arbeitsgelegenheiten, Qualifizierung, Arbeitserprobung' },
];
