import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Landkreis or kreisfreie Stadt, keyed by its 5-digit AGS. */
@Entity({ name: 'district' })
@Check('chk_district_ags', `ags ~ '^[0-9]{5}$'`)
export class DistrictEntity {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'pk_district' })
  ags: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  kind: string;

  @Index('idx_district_boundary', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326, select: false })
  boundary: unknown;
}

/** Gemeinde, keyed by its 8-digit AGS; the first five digits are its district. */
@Entity({ name: 'municipality' })
@Check('chk_municipality_ags', `ags ~ '^[0-9]{8}$'`)
export class MunicipalityEntity {
  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'pk_municipality' })
  ags: string;

  @Index('idx_municipality_district')
  @Column({ name: 'district_ags', type: 'varchar', length: 5 })
  districtAgs: string;

  @ManyToOne(() => DistrictEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'district_ags', foreignKeyConstraintName: 'fk_municipality_district' })
  district?: DistrictEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  kind: string;

  @Index('idx_municipality_boundary', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326, select: false })
  boundary: unknown;
}

@Entity({ name: 'postcode' })
@Check('chk_postcode_code', `code ~ '^[0-9]{5}$'`)
export class PostcodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 5, primaryKeyConstraintName: 'pk_postcode' })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  place: string;

  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, select: false })
  point: unknown;

  @Column({ type: 'varchar', length: 100 })
  source: string;
}
