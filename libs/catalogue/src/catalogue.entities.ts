import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/*
 * Entities describe the schema the migrations create (a test asserts TypeORM sees no difference);
 * reads and writes go through CatalogueRepository's SQL. Constraint and index names match the
 * migrations so the schema diff stays empty.
 */

@Entity({ name: 'need_term' })
@Check('chk_need_term_parent', 'parent_code IS NULL OR parent_code <> code')
export class NeedTermEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_need_term' }) code: string;
  @Column({ name: 'label_de', type: 'varchar', length: 200 }) labelDe: string;
  @Column({ name: 'label_en', type: 'varchar', length: 200 }) labelEn: string;
  @Column({ type: 'varchar', length: 32 }) group: string;
  @Column({ name: 'description_de', type: 'text' }) descriptionDe: string;
  @Column({ name: 'taxonomy_version', type: 'varchar', length: 20 }) taxonomyVersion: string;
  @Column({ name: 'sort_order', type: 'integer' }) sortOrder: number;
  /** the broader need (taxonomy 2026.2) */
  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true }) parentCode: string | null;
  @ManyToOne(() => NeedTermEntity)
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_need_term_parent' })
  parent?: NeedTermEntity;
}

@Index('uq_organization_external', ['externalSource', 'externalId'], { unique: true })
@Check('chk_organization_external', '(external_source IS NULL) = (external_id IS NULL)')
@Entity({ name: 'organization' })
@Index('idx_organization_name', ['name', 'id'])
export class OrganizationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_organization' }) id: string;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'varchar', length: 40 }) kind: string;
  @Column({ type: 'jsonb' }) identifiers: { scheme: string; value: string }[];
  @Column({ type: 'varchar', length: 500, nullable: true }) website: string | null;
  @Column({ type: 'varchar', length: 320, nullable: true }) email: string | null;
  @Column({ type: 'jsonb' }) phones: { number: string; label?: string }[];
  @Index('idx_organization_status') @Column({ type: 'varchar', length: 20 }) status: string;
  @Column({ type: 'boolean' }) fictitious: boolean;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ name: 'verified_by', type: 'varchar', length: 200, nullable: true }) verifiedBy: string | null;
  /** where an imported record came from: the import's source and the record's id there (both null for records made in Lotse) */
  @Column({ name: 'external_source', type: 'varchar', length: 100, nullable: true }) externalSource: string | null;
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true }) externalId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Index('uq_location_external', ['externalSource', 'externalId'], { unique: true })
@Check('chk_location_external', '(external_source IS NULL) = (external_id IS NULL)')
@Entity({ name: 'location' })
@Check('chk_location_geocode_precision', `geocode_precision IN ('exact', 'street', 'postcode', 'locality')`)
export class LocationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_location' }) id: string;
  @Index('idx_location_organization') @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_location_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'varchar', length: 300, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 300 }) street: string;
  @Column({ type: 'varchar', length: 5 }) postcode: string;
  @Column({ type: 'varchar', length: 200 }) town: string;
  @Index('idx_location_point', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  point: unknown;
  /** how exact `point` is (GeocodePrecision): typed or placed coordinates are exact, a geocoded address may be approximate */
  @Column({ name: 'geocode_precision', type: 'varchar', length: 20, default: 'exact' }) geocodePrecision: string;
  /** derived from `point` by a database trigger */
  @Index('idx_location_district') @Column({ name: 'district_ags', type: 'varchar', length: 5, nullable: true }) districtAgs: string | null;
  @Index('idx_location_municipality') @Column({ name: 'municipality_ags', type: 'varchar', length: 8, nullable: true }) municipalityAgs: string | null;
  /** the phones of this place, each labelled ("Anmeldung", "Sekretariat") */
  @Column({ type: 'jsonb', default: () => "'[]'" }) phones: { number: string; label: string }[];
  /** where an imported record came from: the import's source and the record's id there (both null for records made in Lotse) */
  @Column({ name: 'external_source', type: 'varchar', length: 100, nullable: true }) externalSource: string | null;
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true }) externalId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Index('uq_service_external', ['externalSource', 'externalId'], { unique: true })
@Check('chk_service_external', '(external_source IS NULL) = (external_id IS NULL)')
@Entity({ name: 'service' })
@Index('idx_service_name', ['name', 'id'])
@Check('chk_service_ages', 'min_age IS NULL OR max_age IS NULL OR min_age <= max_age')
@Check('chk_service_area', 'cardinality(service_area) <= 100')
@Check('chk_service_capacity', '(free_seats IS NULL OR free_seats >= 0) AND (waiting_days IS NULL OR waiting_days >= 0)')
export class ServiceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_service' }) id: string;
  @Index('idx_service_organization') @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_service_organization' })
  organization?: OrganizationEntity;
  @Column({ type: 'varchar', length: 300 }) name: string;
  @Column({ type: 'text' }) description: string;
  @Index('idx_service_category') @Column({ type: 'varchar', length: 40 }) category: string;
  @Column({ type: 'varchar', length: 60, nullable: true }) specialty: string | null;
  @Column({ name: 'min_age', type: 'smallint', nullable: true }) minAge: number | null;
  @Column({ name: 'max_age', type: 'smallint', nullable: true }) maxAge: number | null;
  @Column({ name: 'insurance_requirement', type: 'varchar', length: 30 }) insuranceRequirement: string;
  @Column({ name: 'eligibility_note', type: 'text', nullable: true }) eligibilityNote: string | null;
  @Index('idx_service_languages', { synchronize: false }) @Column({ type: 'text', array: true }) languages: string[];
  @Index('idx_service_accessibility', { synchronize: false }) @Column({ type: 'text', array: true }) accessibility: string[];
  @Column({ name: 'delivery_modes', type: 'text', array: true }) deliveryModes: string[];
  /** districts (5-digit AGS) and municipalities (8-digit AGS) an outreach or online service serves (HSDS service_area) */
  /** rooms: what the room offers (RoomEquipment codes) */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) equipment: string[];
  @Column({ name: 'service_area', type: 'varchar', length: 8, array: true, default: () => "'{}'" }) serviceArea: string[];
  @Column({ name: 'cost_type', type: 'varchar', length: 30 }) costType: string;
  @Column({ name: 'fee_amount', type: 'numeric', precision: 10, scale: 2, nullable: true }) feeAmount: string | null;
  @Column({ name: 'cost_note', type: 'text', nullable: true }) costNote: string | null;
  @Column({ name: 'accepting_new_clients', type: 'boolean' }) acceptingNewClients: boolean;
  @Column({ name: 'free_seats', type: 'integer', nullable: true }) freeSeats: number | null;
  @Column({ name: 'waiting_days', type: 'integer', nullable: true }) waitingDays: number | null;
  @Column({ name: 'capacity_updated_at', type: 'timestamptz' }) capacityUpdatedAt: Date;
  @Column({ type: 'varchar', length: 20 }) status: string;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ name: 'verified_by', type: 'varchar', length: 200, nullable: true }) verifiedBy: string | null;
  /** where an imported record came from: the import's source and the record's id there (both null for records made in Lotse) */
  @Column({ name: 'external_source', type: 'varchar', length: 100, nullable: true }) externalSource: string | null;
  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true }) externalId: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'service_need' })
@Index('idx_service_need_code', ['needCode', 'serviceId'])
export class ServiceNeedEntity {
  @PrimaryColumn({ name: 'service_id', type: 'uuid', primaryKeyConstraintName: 'pk_service_need' }) serviceId: string;
  @PrimaryColumn({ name: 'need_code', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_service_need' }) needCode: string;
  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_service_need_service' })
  service?: ServiceEntity;
  @ManyToOne(() => NeedTermEntity)
  @JoinColumn({ name: 'need_code', foreignKeyConstraintName: 'fk_service_need_term' })
  need?: NeedTermEntity;
}

@Entity({ name: 'service_location' })
@Index('idx_service_location_location', ['locationId', 'serviceId'])
export class ServiceLocationEntity {
  @PrimaryColumn({ name: 'service_id', type: 'uuid', primaryKeyConstraintName: 'pk_service_location' }) serviceId: string;
  @PrimaryColumn({ name: 'location_id', type: 'uuid', primaryKeyConstraintName: 'pk_service_location' }) locationId: string;
  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_service_location_service' })
  service?: ServiceEntity;
  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'location_id', foreignKeyConstraintName: 'fk_service_location_location' })
  location?: LocationEntity;
}

@Entity({ name: 'opening_hours' })
@Check('chk_opening_hours', 'weekday BETWEEN 1 AND 7 AND opens_at < closes_at')
export class OpeningHoursEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_opening_hours' }) id: string;
  @Index('idx_opening_hours_service') @Column({ name: 'service_id', type: 'uuid' }) serviceId: string;
  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_opening_hours_service' })
  service?: ServiceEntity;
  @Column({ type: 'smallint' }) weekday: number;
  @Column({ name: 'opens_at', type: 'time' }) opensAt: string;
  @Column({ name: 'closes_at', type: 'time' }) closesAt: string;
}

@Entity({ name: 'course_session' })
@Index('idx_course_session_service', ['serviceId', 'startsOn'])
@Check('chk_course_session', 'starts_on <= ends_on AND weekday BETWEEN 1 AND 7 AND start_time < end_time AND seats >= 0 AND free_seats BETWEEN 0 AND seats')
export class CourseSessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_course_session' }) id: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId: string;
  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id', foreignKeyConstraintName: 'fk_course_session_service' })
  service?: ServiceEntity;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @Column({ type: 'smallint' }) weekday: number;
  @Column({ name: 'start_time', type: 'time' }) startTime: string;
  @Column({ name: 'end_time', type: 'time' }) endTime: string;
  @Column({ type: 'integer' }) seats: number;
  @Column({ name: 'free_seats', type: 'integer' }) freeSeats: number;
}

export const CATALOGUE_ENTITIES = [
  NeedTermEntity,
  OrganizationEntity,
  LocationEntity,
  ServiceEntity,
  ServiceNeedEntity,
  ServiceLocationEntity,
  OpeningHoursEntity,
  CourseSessionEntity,
];
