import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';

/*
 * Entities describe the schema of migration 1734200000000 (a test asserts TypeORM sees no
 * difference); reads and writes go through ReferralRepository's SQL. Timestamps are set from the
 * referral clock, not by column defaults, so tests can move time.
 */

@Entity({ name: 'referral' })
@Check('chk_referral_status', `status IN ('draft', 'sent', 'seen', 'accepted', 'waiting_list', 'declined', 'in_progress', 'completed', 'not_come_about', 'withdrawn')`)
@Check('chk_referral_urgency', `urgency IN ('routine', 'urgent', 'asap')`)
@Check('chk_referral_consent', `status = 'draft' OR consent_given_at IS NOT NULL`)
@Index('idx_referral_coach', ['coachUserId', 'updatedAt'])
@Index('idx_referral_organization', ['organizationId', 'updatedAt'])
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_referral' }) id: string;
  @Index('uq_referral_code', { unique: true }) @Column({ type: 'varchar', length: 14 }) code: string;
  @Column({ name: 'coach_user_id', type: 'uuid' }) coachUserId: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId: string;
  @Column({ name: 'location_id', type: 'uuid' }) locationId: string;
  @Column({ name: 'district_ags', type: 'varchar', length: 5, nullable: true }) districtAgs: string | null;
  @Column({ type: 'text', array: true }) needs: string[];
  @Column({ type: 'varchar', length: 10 }) urgency: string;
  @Column({ type: 'text', array: true }) languages: string[];
  @Column({ name: 'contact_route', type: 'varchar', length: 30 }) contactRoute: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ name: 'consent_scopes', type: 'text', array: true, nullable: true }) consentScopes: string[] | null;
  @Column({ name: 'consent_given_at', type: 'timestamptz', nullable: true }) consentGivenAt: Date | null;
  @Column({ name: 'consent_withdrawn_at', type: 'timestamptz', nullable: true }) consentWithdrawnAt: Date | null;
  @Column({ type: 'varchar', length: 20 }) status: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) reason: string | null;
  @Column({ name: 'reason_text', type: 'varchar', length: 300, nullable: true }) reasonText: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'seen_at', type: 'timestamptz', nullable: true }) seenAt: Date | null;
  @Index('idx_referral_closed') @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @VersionColumn() version: number;
  /** when the coach was last reminded that it has had no update (migration 1734200000001) */
  @Column({ name: 'stale_notified_at', type: 'timestamptz', nullable: true }) staleNotifiedAt: Date | null;
}

/** One move in a referral's history; `version` is the referral's version after the move. */
@Entity({ name: 'referral_event' })
export class ReferralEventEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid', primaryKeyConstraintName: 'pk_referral_event' }) referralId: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_referral_event' }) version: number;
  @ManyToOne(() => ReferralEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'referral_id', foreignKeyConstraintName: 'fk_referral_event_referral' })
  referral?: ReferralEntity;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20 }) toStatus: string;
  @Column({ type: 'varchar', length: 10 }) side: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) reason: string | null;
  @Column({ name: 'reason_text', type: 'varchar', length: 300, nullable: true }) reasonText: string | null;
}

/**
 * The coordinators' counters: closed referrals per district × need × outcome (status and reason;
 * '' where there is none). Incremented when a referral closes, never decremented, not deleted with
 * referrals — nothing in a row points back at one.
 */
@Entity({ name: 'referral_outcome_count' })
@Check('chk_referral_outcome_count', 'count >= 0')
export class ReferralOutcomeCountEntity {
  @PrimaryColumn({ name: 'district_ags', type: 'varchar', length: 5, primaryKeyConstraintName: 'pk_referral_outcome_count' }) districtAgs: string;
  @PrimaryColumn({ name: 'need_code', type: 'varchar', length: 64, primaryKeyConstraintName: 'pk_referral_outcome_count' }) needCode: string;
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_referral_outcome_count' }) status: string;
  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_referral_outcome_count' }) reason: string;
  @Column({ type: 'integer' }) count: number;
}

export const REFERRAL_ENTITIES = [ReferralEntity, ReferralEventEntity, ReferralOutcomeCountEntity];
