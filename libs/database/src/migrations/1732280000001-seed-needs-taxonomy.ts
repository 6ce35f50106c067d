import { MigrationInterface, QueryRunner } from 'typeorm';
import { NEED_TERMS, NEEDS_TAXONOMY_VERSION } from '@lotse/catalogue';

/** The needs taxonomy is reference data every installation needs, so it ships as a migration. */
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
