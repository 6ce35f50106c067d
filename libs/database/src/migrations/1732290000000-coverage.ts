import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Population per municipality polygon for the coverage analysis (libs/coverage). Filled by
 * `import-population`; one vintage at a time. No foreign key to `municipality` on purpose:
 * reloading the boundaries deletes and re-inserts those rows and must keep the population.
 */
export class Coverage1732290000000 implements MigrationInterface {
  name = 'Coverage1732290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality_population (
        ags character varying(8) NOT NULL,
        population integer NOT NULL,
        reference_date date NOT NULL,
        source character varying(300) NOT NULL,
        source_ags character varying(8) NOT NULL,
        area_share double precision NOT NULL,
        imported_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_municipality_population PRIMARY KEY (ags),
        CONSTRAINT chk_municipality_population_ags CHECK (ags ~ '^[0-9]{8}$' AND source_ags ~ '^[0-9]{8}$'),
        CONSTRAINT chk_municipality_population_values CHECK (population >= 0 AND area_share > 0 AND area_share <= 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS municipality_population`);
  }
}
