import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One import run: who ran what, when, and the counts (never the file's contents). Written by ImportRepository's SQL. */
@Entity({ name: 'import_run' })
@Index('idx_import_run_source', ['source', 'startedAt'])
export class ImportRunEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_import_run' }) id: string;
  @Column({ type: 'varchar', length: 100 }) source: string;
  @Column({ type: 'varchar', length: 30 }) format: string;
  @Column({ name: 'file_name', type: 'varchar', length: 300 }) fileName: string;
  @Column({ name: 'dry_run', type: 'boolean' }) dryRun: boolean;
  @Column({ name: 'actor_name', type: 'varchar', length: 200 }) actorName: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' }) finishedAt: Date;
  @Column({ type: 'jsonb' }) counts: unknown;
  @Column({ name: 'problem_count', type: 'integer' }) problemCount: number;
}
