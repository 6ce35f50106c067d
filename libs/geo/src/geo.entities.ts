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

  @Column({ name: 'place_id', type: 'varchar', length: 80, nullable: true })
  placeId: string | null;

  @Column({ name: 'municipality_ags', type: 'varchar', length: 8, nullable: true })
  municipalityAgs: string | null;

  @Column({ name: 'district_ags', type: 'varchar', length: 5, nullable: true })
  districtAgs: string | null;

  @Column({ type: 'varchar', length: 8, array: true, default: () => "'{}'" })
  municipalities: string[];
}

/** A municipality or locality of Saxony (bundled reference data, see libs/geo/data/SOURCE.md). */
@Entity({ name: 'place' })
@Check('chk_place_kind', `kind IN ('municipality', 'locality')`)
@Check('chk_place_ags', `municipality_ags ~ '^[0-9]{8}$' AND district_ags ~ '^[0-9]{5}$'`)
@Check('chk_place_population', `population IS NULL OR population >= 0`)
export class PlaceEntity {
  @PrimaryColumn({ type: 'varchar', length: 80, primaryKeyConstraintName: 'pk_place' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: string;

  @Index('idx_place_municipality')
  @Column({ name: 'municipality_ags', type: 'varchar', length: 8 })
  municipalityAgs: string;

  @Column({ name: 'district_ags', type: 'varchar', length: 5 })
  districtAgs: string;

  @Index('idx_place_point', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, select: false })
  point: unknown;

  @Column({ type: 'integer', nullable: true })
  population: number | null;

  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  postcodes: string[];

  @Column({ type: 'varchar', length: 100 })
  source: string;
}

/** Which version of each bundled reference table is loaded. */
@Entity({ name: 'geo_reference_data' })
export class GeoReferenceDataEntity {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'pk_geo_reference_data' })
  name: string;

  @Column({ type: 'varchar', length: 64 })
  version: string;

  @Column({ name: 'loaded_at', type: 'timestamptz', default: () => 'now()' })
  loadedAt: Date;
}
