/**
 * The needs taxonomy (Bedarfe). Codes are stable and never reused; a change of meaning gets a new
 * code and a new taxonomy version. Each version is seeded by a migration that holds a frozen copy of
 * its terms (1732280000001: 2026.1; 1733250000000: 2026.2), so a new version means a new migration.
 *
 * 2026.2 keeps every code of 2026.1 with its meaning, adds the needs the model projects' target groups
 * have (relatives and carers, crisis intervention, psychiatric treatment, smoking cessation, chronic
 * pain, weight, self-help) and gives needs a parent: a need asked for also finds services of its
 * narrower needs ("Psychische Gesundheit" finds psychotherapy, psychosocial counselling, crisis
 * intervention and psychiatric treatment), never the other way round.
 */
export const NEEDS_TAXONOMY_VERSION = '2026.2';

export interface NeedTermDefinition {
  code: string;
  labelDe: string;
  labelEn: string;
  /** groups terms for display: health condition, prevention, treatment, social */
  group: 'condition' | 'prevention' | 'treatment' | 'social';
  descriptionDe: string;
  /** the broader need this one narrows; a request for the parent also finds this one's services */
  parent?: string;
  /** the taxonomy version that added the code */
  since: '2026.1' | '2026.2';
}

export const NEED_TERMS: readonly NeedTermDefinition[] = [
  { code: 'musculoskeletal', group: 'condition', labelDe: 'Muskel-Skelett-Erkrankungen', labelEn: 'Musculoskeletal conditions', descriptionDe: 'Rücken, Gelenke, Bewegungsapparat', since: '2026.1' },
  { code: 'cardiovascular', group: 'condition', labelDe: 'Herz-Kreislauf-Erkrankungen', labelEn: 'Cardiovascular conditions', descriptionDe: 'Bluthochdruck, Herzerkrankungen', since: '2026.1' },
  { code: 'metabolic', group: 'condition', labelDe: 'Stoffwechselerkrankungen', labelEn: 'Metabolic conditions', descriptionDe: 'Diabetes, Adipositas, Fettstoffwechsel', since: '2026.1' },
  { code: 'mental_health', group: 'condition', labelDe: 'Psychische Gesundheit', labelEn: 'Mental health', descriptionDe: 'Depression, Angst, psychische Belastungen', since: '2026.1' },
  { code: 'addiction', group: 'condition', labelDe: 'Sucht', labelEn: 'Addiction', descriptionDe: 'Alkohol, Drogen, Medikamente, Glücksspiel', since: '2026.1' },
  { code: 'primary_care', group: 'treatment', labelDe: 'Hausärztliche Versorgung', labelEn: 'Primary care', descriptionDe: 'Hausarzt als erste Anlaufstelle', since: '2026.1' },
  { code: 'exercise', group: 'prevention', labelDe: 'Bewegung', labelEn: 'Exercise', descriptionDe: 'Bewegungs- und Sportangebote, Präventionskurse', since: '2026.1' },
  { code: 'nutrition', group: 'prevention', labelDe: 'Ernährung', labelEn: 'Nutrition', descriptionDe: 'Ernährungsberatung und -kurse', since: '2026.1' },
  { code: 'stress_relaxation', group: 'prevention', labelDe: 'Stressbewältigung und Entspannung', labelEn: 'Stress management and relaxation', descriptionDe: 'Entspannungsverfahren, Stressbewältigung', since: '2026.1' },
  { code: 'specialist_assessment', group: 'treatment', labelDe: 'Fachärztliche Abklärung', labelEn: 'Specialist assessment', descriptionDe: 'Diagnostik, Begutachtung des Rehabedarfs', since: '2026.1' },
  { code: 'medical_rehabilitation', group: 'treatment', labelDe: 'Medizinische Rehabilitation', labelEn: 'Medical rehabilitation', descriptionDe: 'Ambulante und stationäre Reha', since: '2026.1' },
  { code: 'psychotherapy', group: 'treatment', labelDe: 'Psychotherapie', labelEn: 'Psychotherapy', descriptionDe: 'Sprechstunde, Akutbehandlung, Richtlinientherapie', parent: 'mental_health', since: '2026.1' },
  { code: 'psychosocial_counselling', group: 'social', labelDe: 'Psychosoziale Beratung', labelEn: 'Psychosocial counselling', descriptionDe: 'Beratung in Krisen und belastenden Lebenslagen', parent: 'mental_health', since: '2026.1' },
  { code: 'social_participation', group: 'social', labelDe: 'Soziale Teilhabe', labelEn: 'Social participation', descriptionDe: 'Begegnung, Selbsthilfe, Tagesstruktur', since: '2026.1' },
  { code: 'debt_counselling', group: 'social', labelDe: 'Schuldnerberatung', labelEn: 'Debt counselling', descriptionDe: 'Schulden- und Insolvenzberatung', since: '2026.1' },
  { code: 'family_couples', group: 'social', labelDe: 'Familie und Partnerschaft', labelEn: 'Family and couples', descriptionDe: 'Familien-, Paar- und Erziehungsberatung', since: '2026.1' },
  { code: 'employment_qualification', group: 'social', labelDe: 'Beschäftigung und Qualifizierung', labelEn: 'Employment and qualification', descriptionDe: 'Arbeitsgelegenheiten, Qualifizierung, Arbeitserprobung', since: '2026.1' },
  // 2026.2
  { code: 'psychiatric_treatment', group: 'treatment', labelDe: 'Psychiatrische Behandlung', labelEn: 'Psychiatric treatment', descriptionDe: 'Fachärztliche psychiatrische Diagnostik und Behandlung, Psychiatrische Institutsambulanz (PIA)', parent: 'mental_health', since: '2026.2' },
  { code: 'crisis_intervention', group: 'treatment', labelDe: 'Krisenintervention', labelEn: 'Crisis intervention', descriptionDe: 'Sofortige Hilfe in akuten seelischen Krisen: Krisendienst, Sozialpsychiatrischer Dienst, Akutsprechstunde', parent: 'mental_health', since: '2026.2' },
  { code: 'relatives_carers', group: 'social', labelDe: 'Angehörige und Pflegende', labelEn: 'Relatives and carers', descriptionDe: 'Beratung und Gruppen für Angehörige psychisch oder suchtkranker Menschen und für pflegende Angehörige', since: '2026.2' },
  { code: 'self_help', group: 'social', labelDe: 'Selbsthilfe', labelEn: 'Self-help', descriptionDe: 'Selbsthilfegruppen und Selbsthilfekontaktstellen', parent: 'social_participation', since: '2026.2' },
  { code: 'smoking_cessation', group: 'prevention', labelDe: 'Rauchentwöhnung', labelEn: 'Smoking cessation', descriptionDe: 'Rauchfrei-Kurse, Tabakentwöhnung, Beratung zum Rauchstopp', since: '2026.2' },
  { code: 'chronic_pain', group: 'condition', labelDe: 'Chronische Schmerzen', labelEn: 'Chronic pain', descriptionDe: 'Lang anhaltende Schmerzen: Schmerztherapie und Schmerzbewältigung', since: '2026.2' },
  { code: 'weight_management', group: 'condition', labelDe: 'Gewicht', labelEn: 'Weight management', descriptionDe: 'Übergewicht und Adipositas: Gewichtsreduktion mit Ernährung und Bewegung', parent: 'metabolic', since: '2026.2' },
];

const TERMS_BY_CODE = new Map(NEED_TERMS.map((t) => [t.code, t]));

/** The need and every narrower need below it (children, their children, …), the need first. */
export function needWithNarrower(code: string): string[] {
  const found = [code];
  for (let i = 0; i < found.length; i++) {
    for (const term of NEED_TERMS) if (term.parent === found[i] && !found.includes(term.code)) found.push(term.code);
  }
  return found;
}

/** The need and every broader need above it (its parent, the parent's parent, …), the need first. */
export function needWithBroader(code: string): string[] {
  const found = [code];
  for (let p = TERMS_BY_CODE.get(code)?.parent; p && !found.includes(p); p = TERMS_BY_CODE.get(p)?.parent) found.push(p);
  return found;
}

/** The needs of a list and every narrower need below each of them, once each (for filters over tagged services). */
export function needsWithNarrower(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap(needWithNarrower))];
}

export function needTermDefinition(code: string): NeedTermDefinition | undefined {
  return TERMS_BY_CODE.get(code);
}
