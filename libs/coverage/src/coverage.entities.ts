import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * People per municipality polygon (of the loaded boundaries), mapped from an imported population
 * table. Deliberately no foreign key to `municipality`: reloading the boundaries replaces those rows
 * and must not wipe the population. Described here so the schema test sees the migration's table;
 * reads and writes go through CoverageRepository.
 */
@Entity({ name: 'municipality_population' })
@Check('chk_municipality_population_ags', `ags ~ '^[0-9]{8}$' AND source_ags ~ '^[0-9]{8}$'`)
@Check('chk_municipality_population_values', `population >= 0 AND area_share > 0 AND area_share <= 1`)
export class MunicipalityPopulationEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'pk_municipality_population' }) ags: string;
  @Column({ type: 'integer' }) population: number;
  @Column({ name: 'reference_date', type: 'date' }) referenceDate: string;
  @Column({ type: 'varchar', length: 300 }) source: string;
  @Column({ name: 'source_ags', type: 'varchar', length: 8 }) sourceAgs: string;
  @Column({ name: 'area_share', type: 'double precision' }) areaShare: number;
  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' }) importedAt: Date;
}
