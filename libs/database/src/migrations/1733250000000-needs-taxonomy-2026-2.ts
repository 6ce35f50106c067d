import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs taxonomy 2026.2. Frozen: the terms as they were on the day (see 1732280000001 for why).
 *
 * Every code of 2026.1 keeps its meaning; seven codes are added (psychiatric treatment, crisis
 * intervention, relatives and carers, self-help, smoking cessation, chronic pain, weight) and a need
 * may name a broader one as its parent (`parent_code`): a request for the parent also finds the
 * services of its narrower needs. All rows carry the version of the taxonomy they belong to.
 */
const NEEDS_TAXONOMY_VERSION = '2026.2';

const NEED_TERMS: readonly { code: string; labelDe: string; labelEn: string; group: string; descriptionDe: string; parent?: string }[] = [
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
  { code: 'psychotherapy', group: 'treatment', labelDe: 'Psychotherapie', labelEn: 'Psychotherapy', descriptionDe: 'Sprechstunde, Akutbehandlung, Richtlinientherapie', parent: 'mental_health' },
  { code: 'psychosocial_counselling', group: 'social', labelDe: 'Psychosoziale Beratung', labelEn: 'Psychosocial counselling', descriptionDe: 'Beratung in Krisen und belastenden Lebenslagen', parent: 'mental_health' },
  { code: 'social_participation', group: 'social', labelDe: 'Soziale Teilhabe', labelEn: 'Social participation', descriptionDe: 'Begegnung, Selbsthilfe, Tagesstruktur' },
  { code: 'debt_counselling', group: 'social', labelDe: 'Schuldnerberatung', labelEn: 'Debt counselling', descriptionDe: 'Schulden- und Insolvenzberatung' },
  { code: 'family_couples', group: 'social', labelDe: 'Familie und Partnerschaft', labelEn: 'Family and couples', descriptionDe: 'Familien-, Paar- und Erziehungsberatung' },
  { code: 'employment_qualification', group: 'social', labelDe: 'Beschäftigung und Qualifizierung', labelEn: 'Employment and qualification', descriptionDe: 'Arbeitsgelegenheiten, Qualifizierung, Arbeitserprobung' },
  { code: 'psychiatric_treatment', group: 'treatment', labelDe: 'Psychiatrische Behandlung', labelEn: 'Psychiatric treatment', descriptionDe: 'Fachärztliche psychiatrische Diagnostik und Behandlung, Psychiatrische Institutsambulanz (PIA)', parent: 'mental_health' },
  { code: 'crisis_intervention', group: 'treatment', labelDe: 'Krisenintervention', labelEn: 'Crisis intervention', descriptionDe: 'Sofortige Hilfe in akuten seelischen Krisen: Krisendienst, Sozialpsychiatrischer Dienst, Akutsprechstunde', parent: 'mental_health' },
  { code: 'relatives_carers', group: 'social', labelDe: 'Angehörige und Pflegende', labelEn: 'Relatives and carers', descriptionDe: 'Beratung und Gruppen für Angehörige psychisch oder suchtkranker Menschen und für pflegende Angehörige' },
  { code: 'self_help', group: 'social', labelDe: 'Selbsthilfe', labelEn: 'Self-help', descriptionDe: 'Selbsthilfegruppen und Selbsthilfekontaktstellen', parent: 'social_participation' },
  { code: 'smoking_cessation', group: 'prevention', labelDe: 'Rauchentwöhnung', labelEn: 'Smoking cessation', descriptionDe: 'Rauchfrei-Kurse, Tabakentwöhnung, Beratung zum Rauchstopp' },
  { code: 'chronic_pain', group: 'condition', labelDe: 'Chronische Schmerzen', labelEn: 'Chronic pain', descriptionDe: 'Lang anhaltende Schmerzen: Schmerztherapie und Schmerzbewältigung' },
  { code: 'weight_management', group: 'condition', labelDe: 'Gewicht', labelEn: 'Weight management', descriptionDe: 'Übergewicht und Adipositas: Gewichtsreduktion mit Ernährung und Bewegung', parent: 'metabolic' },
];

export class NeedsTaxonomyParents1733250000000 implements MigrationInterface {
  name = 'NeedsTaxonomyParents1733250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need_term ADD COLUMN parent_code character varying(64)`);
    for (const [index, term] of NEED_TERMS.entries()) {
      await q.query(
        `INSERT INTO need_term (code, label_de, label_en, "group", description_de, taxonomy_version, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET label_de = EXCLUDED.label_de, label_en = EXCLUDED.label_en,
           "group" = EXCLUDED."group", description_de = EXCLUDED.description_de,
           taxonomy_version = EXCLUDED.taxonomy_version, sort_order = EXCLUDED.sort_order`,
        [term.code, term.labelDe, term.labelEn, term.group, term.descriptionDe, NEEDS_TAXONOMY_VERSION, index],
      );
    }
    // parents after all codes exist (the foreign key checks them)
    for (const term of NEED_TERMS) {
      if (term.parent) await q.query(`UPDATE need_term SET parent_code = $2 WHERE code = $1`, [term.code, term.parent]);
    }
    await q.query(`ALTER TABLE need_term ADD CONSTRAINT fk_need_term_parent FOREIGN KEY (parent_code) REFERENCES need_term(code)`);
    await q.query(`ALTER TABLE need_term ADD CONSTRAINT chk_need_term_parent CHECK (parent_code IS NULL OR parent_code <> code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE need_term DROP CONSTRAINT chk_need_term_parent`);
    await q.query(`ALTER TABLE need_term DROP CONSTRAINT fk_need_term_parent`);
    await q.query(`ALTER TABLE need_term DROP COLUMN parent_code`);
    await q.query(`DELETE FROM need_term WHERE code = ANY($1::varchar[])`, [['psychiatric_treatment', 'crisis_intervention', 'relatives_carers', 'self_help', 'smoking_cessation', 'chronic_pain', 'weight_management']]);
    await q.query(`UPDATE need_term SET taxonomy_version = '2026.1'`);
  }
}
