import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals (#16): pseudonymous referrals with consent, their history and the coordinators'
 * counters, plus coach teams (who may follow whose referrals). A referral holds no participant
 * data: a random code, the needs, urgency, languages, the contact route and an optional short note
 * — all deleted with the referral. The counters keep only district × need × outcome and survive it.
 * No foreign keys to the catalogue or to accounts: a referral names the listing and the coach by id
 * (the referral lib reaches other capabilities through their services, not their tables).
 */
export class Referrals1734200000000 implements MigrationInterface {
  name = 'Referrals1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral (
        id uuid NOT NULL,
        code character varying(14) NOT NULL,
        coach_user_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        service_id uuid NOT NULL,
        location_id uuid NOT NULL,
        district_ags character varying(5),
        needs text array NOT NULL,
        urgency character varying(10) NOT NULL,
        languages text array NOT NULL,
        contact_route character varying(30) NOT NULL,
        note character varying(500),
        consent_scopes text array,
        consent_given_at TIMESTAMP WITH TIME ZONE,
        consent_withdrawn_at TIMESTAMP WITH TIME ZONE,
        status character varying(20) NOT NULL,
        reason character varying(30),
        reason_text character varying(300),
        sent_at TIMESTAMP WITH TIME ZONE,
        seen_at TIMESTAMP WITH TIME ZONE,
        closed_at TIMESTAMP WITH TIME ZONE,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL,
        updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
        version integer NOT NULL,
        CONSTRAINT pk_referral PRIMARY KEY (id),
        CONSTRAINT chk_referral_status CHECK (status IN ('draft', 'sent', 'seen', 'accepted', 'waiting_list', 'declined', 'in_progress', 'completed', 'not_come_about', 'withdrawn')),
        CONSTRAINT chk_referral_urgency CHECK (urgency IN ('routine', 'urgent', 'asap')),
        CONSTRAINT chk_referral_consent CHECK (status = 'draft' OR consent_given_at IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_referral_code ON referral (code)`);
    await q.query(`CREATE INDEX idx_referral_coach ON referral (coach_user_id, updated_at)`);
    await q.query(`CREATE INDEX idx_referral_organization ON referral (organization_id, updated_at)`);
    await q.query(`CREATE INDEX idx_referral_closed ON referral (closed_at)`);

    await q.query(`
      CREATE TABLE referral_event (
        referral_id uuid NOT NULL,
        version integer NOT NULL,
        occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
        from_status character varying(20),
        to_status character varying(20) NOT NULL,
        side character varying(10) NOT NULL,
        reason character varying(30),
        reason_text character varying(300),
        CONSTRAINT pk_referral_event PRIMARY KEY (referral_id, version),
        CONSTRAINT fk_referral_event_referral FOREIGN KEY (referral_id) REFERENCES referral(id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE referral_outcome_count (
        district_ags character varying(5) NOT NULL,
        need_code character varying(64) NOT NULL,
        status character varying(20) NOT NULL,
        reason character varying(30) NOT NULL,
        count integer NOT NULL,
        CONSTRAINT pk_referral_outcome_count PRIMARY KEY (district_ags, need_code, status, reason),
        CONSTRAINT chk_referral_outcome_count CHECK (count >= 0)
      )`);

    await q.query(`
      CREATE TABLE coach_team (
        id uuid NOT NULL,
        name character varying(200) NOT NULL,
        CONSTRAINT pk_coach_team PRIMARY KEY (id)
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_coach_team_name ON coach_team (lower(name))`);
    await q.query(`
      CREATE TABLE coach_team_member (
        team_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT pk_coach_team_member PRIMARY KEY (team_id, user_id),
        CONSTRAINT fk_coach_team_member_team FOREIGN KEY (team_id) REFERENCES coach_team(id) ON DELETE CASCADE,
        CONSTRAINT fk_coach_team_member_user FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_coach_team_member_user ON coach_team_member (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['coach_team_member', 'coach_team', 'referral_outcome_count', 'referral_event', 'referral']) await q.query(`DROP TABLE ${table}`);
  }
}
