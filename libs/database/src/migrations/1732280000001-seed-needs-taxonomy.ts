import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The needs taxonomy is reference data every installation needs, so it ships as a migration. Frozen:
 * the terms of version 2026.1 as they were on the day, not the catalogue's live list (a migration that
 * read live code would change what an old database was migrated to, and made `database` depend on
 * `catalogue`).
 */
const NEEDS_TAXONOMY_VERSION = '2026.1';

const NEED_TERMS: readonly { code: string; labelDe: string; labelEn: string; group: string; descriptionDe: string }[] = [
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

export class SeedNeedsTaxonomy1732280000001 implements MigrationInterface {
  name = 'SeedNeedsTaxonomy1732280000001';

  async up(q: QueryRunner): Promise<void> {
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM need_term WHERE taxonomy_version = $1`, [NEEDS_TAXONOMY_VERSION]);
  }
}
