import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: imports are idempotent. An imported organisation, location or service remembers where
 * it came from — the source (a name the coordinator gives, e.g. "netzwerk-meissen.xlsx" or
 * "hsds:landkreis-leipzig") and the record's id there — so importing the same file again updates
 * the record instead of adding a second one. Both are null for records made in Lotse; a unique
 * index per table keys (source, external id) (NULLs never collide).
 *
 * `import_run` records each run (who, when, what, the counts), never the file's contents.
 */
export class ImportKeys1734310000000 implements MigrationInterface {
  name = 'ImportKeys1734310000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['organization', 'location', 'service']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN external_source character varying(100)`);
      await q.query(`ALTER TABLE ${table} ADD COLUMN external_id character varying(200)`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT chk_${table}_external CHECK ((external_source IS NULL) = (external_id IS NULL))`);
      await q.query(`CREATE UNIQUE INDEX uq_${table}_external ON ${table} (external_source, external_id)`);
    }
    await q.query(`
      CREATE TABLE import_run (
        id uuid NOT NULL,
        source character varying(100) NOT NULL,
        format character varying(30) NOT NULL,
        file_name character varying(300) NOT NULL,
        dry_run boolean NOT NULL,
        actor_name character varying(200) NOT NULL,
        started_at TIMESTAMP WITH TIME ZONE NOT NULL,
        finished_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        counts jsonb NOT NULL,
        problem_count integer NOT NULL,
        CONSTRAINT pk_import_run PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX idx_import_run_source ON import_run (source, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_run`);
    for (const table of ['service', 'location', 'organization']) {
      await q.query(`DROP INDEX IF EXISTS uq_${table}_external`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS chk_${table}_external`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS external_id`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS external_source`);
    }
  }
}
