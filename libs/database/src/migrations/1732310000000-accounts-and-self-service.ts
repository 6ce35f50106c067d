import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (users, memberships, sessions, invitations), the audit trail of catalogue changes, and
 * verification of single services. Auth tables have no TypeORM entities: their SQL lives in the
 * auth repository only.
 */
export class AccountsAndSelfService1732310000000 implements MigrationInterface {
  name = 'AccountsAndSelfService1732310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL,
        email character varying(320) NOT NULL,
        display_name character varying(200) NOT NULL,
        password_hash character varying(200) NOT NULL,
        role character varying(20) NOT NULL,
        status character varying(20) NOT NULL,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until TIMESTAMP WITH TIME ZONE,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_app_user PRIMARY KEY (id),
        CONSTRAINT chk_app_user_role CHECK (role IN ('coach', 'partner', 'coordinator', 'admin')),
        CONSTRAINT chk_app_user_status CHECK (status IN ('active', 'disabled'))
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_app_user_email ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE organization_member (
        user_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        CONSTRAINT pk_organization_member PRIMARY KEY (user_id, organization_id),
        CONSTRAINT fk_organization_member_user FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE,
        CONSTRAINT fk_organization_member_organization FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX idx_organization_member_organization ON organization_member (organization_id)`);

    await q.query(`
      CREATE TABLE auth_session (
        id uuid NOT NULL,
        user_id uuid NOT NULL,
        refresh_token_hash character varying(64) NOT NULL,
        expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
        revoked_at TIMESTAMP WITH TIME ZONE,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_auth_session PRIMARY KEY (id),
        CONSTRAINT fk_auth_session_user FOREIGN KEY (user_id) REFERENCES app_user(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_auth_session_refresh ON auth_session (refresh_token_hash)`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid NOT NULL,
        email character varying(320) NOT NULL,
        role character varying(20) NOT NULL,
        organization_id uuid,
        token_hash character varying(64) NOT NULL,
        expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
        accepted_at TIMESTAMP WITH TIME ZONE,
        created_by uuid,
        created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT pk_invitation PRIMARY KEY (id),
        CONSTRAINT fk_invitation_organization FOREIGN KEY (organization_id) REFERENCES organization(id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_invitation_token ON invitation (token_hash)`);

    // HSDS metadata shape: resource, field, previous and new value, who and when.
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial NOT NULL,
        occurred_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_name character varying(200) NOT NULL,
        actor_role character varying(20) NOT NULL,
        organization_id uuid NOT NULL,
        resource_type character varying(40) NOT NULL,
        resource_id uuid NOT NULL,
        action character varying(20) NOT NULL,
        field_name character varying(100),
        previous_value jsonb,
        replacement_value jsonb,
        CONSTRAINT pk_audit_event PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX idx_audit_event_organization ON audit_event (organization_id, id)`);
    await q.query(`CREATE INDEX idx_audit_event_resource ON audit_event (resource_id, id)`);

    await q.query(`ALTER TABLE service ADD COLUMN verified_at TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE service ADD COLUMN verified_by character varying(200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE service DROP COLUMN verified_by`);
    await q.query(`ALTER TABLE service DROP COLUMN verified_at`);
    for (const table of ['audit_event', 'invitation', 'auth_session', 'organization_member', 'app_user']) await q.query(`DROP TABLE ${table}`);
  }
}
