import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returnedRows, Role } from '@lotse/common';
import { SessionRecord, UserRecord } from './auth.types';

const USER_COLUMNS = `u.id, u.email, u.display_name AS "displayName", u.password_hash AS "passwordHash", u.role, u.status,
  u.failed_logins AS "failedLogins", u.locked_until AS "lockedUntil",
  ARRAY(SELECT m.organization_id::text FROM organization_member m WHERE m.user_id = u.id ORDER BY 1) AS "organizationIds"`;

/** All SQL of accounts, sessions and invitations. */
@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findUserByEmail(email: string): Promise<UserRecord | null> {
    const [row] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE lower(u.email) = lower($1)`, [email]);
    return row ?? null;
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const [row] = await this.db.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
    return row ?? null;
  }

  /** Creates the user (and memberships); false when the e-mail is taken. */
  async insertUser(user: { id: string; email: string; displayName: string; passwordHash: string; role: Role; organizationIds: string[] }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(
        `INSERT INTO app_user (id, email, display_name, password_hash, role, status) VALUES ($1, $2, $3, $4, $5, 'active')
         ON CONFLICT DO NOTHING RETURNING id`,
        [user.id, user.email, user.displayName, user.passwordHash, user.role],
      );
      if (rows.length === 0) return false;
      for (const organizationId of user.organizationIds) {
        await tx.query(`INSERT INTO organization_member (user_id, organization_id) VALUES ($1, $2)`, [user.id, organizationId]);
      }
      return true;
    });
  }

  async addMembership(userId: string, organizationId: string): Promise<void> {
    await this.db.query(`INSERT INTO organization_member (user_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, organizationId]);
  }

  /** Counts a failed login and, from the threshold on, locks for an exponentially growing time. */
  async recordFailedLogin(userId: string, threshold: number, baseSeconds: number, maxSeconds: number): Promise<{ failedLogins: number; lockedUntil: Date | null }> {
    const [row] = returnedRows<{ failedLogins: number; lockedUntil: Date | null }>(await this.db.query(
      `UPDATE app_user SET failed_logins = failed_logins + 1,
         locked_until = CASE WHEN failed_logins + 1 >= $2
           THEN now() + make_interval(secs => LEAST($4::float8, $3::float8 * power(2, failed_logins + 1 - $2)))
           ELSE locked_until END
       WHERE id = $1 RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`,
      [userId, threshold, baseSeconds, maxSeconds],
    ));
    return row;
  }

  async resetFailedLogins(userId: string): Promise<void> {
    await this.db.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [userId]);
  }

  async insertSession(session: { id: string; userId: string; refreshTokenHash: string; expiresAt: Date }): Promise<void> {
    await this.db.query(`INSERT INTO auth_session (id, user_id, refresh_token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      session.id, session.userId, session.refreshTokenHash, session.expiresAt,
    ]);
  }

  async findSession(id: string): Promise<SessionRecord | null> {
    const [row] = await this.db.query(
      `SELECT id, user_id AS "userId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM auth_session WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Rotates a refresh token atomically: only one caller can swap a given token, so a stolen and
   * replayed token fails once the owner has used it.
   */
  async rotateRefreshToken(oldHash: string, newHash: string, expiresAt: Date): Promise<SessionRecord | null> {
    const [row] = returnedRows<SessionRecord>(await this.db.query(
      `UPDATE auth_session SET refresh_token_hash = $2, expires_at = $3
       WHERE refresh_token_hash = $1 AND revoked_at IS NULL AND expires_at > now()
       RETURNING id, user_id AS "userId", expires_at AS "expiresAt", revoked_at AS "revokedAt"`,
      [oldHash, newHash, expiresAt],
    ));
    return row ?? null;
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.query(`UPDATE auth_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  async insertInvitation(invitation: { id: string; email: string; role: Role; organizationId: string | null; tokenHash: string; expiresAt: Date; createdBy: string | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO invitation (id, email, role, organization_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [invitation.id, invitation.email, invitation.role, invitation.organizationId, invitation.tokenHash, invitation.expiresAt, invitation.createdBy],
    );
  }

  /**
   * Accepts an open invitation in one transaction: the user is created (or, when the invited
   * e-mail already has an account of the same role, joins the organization) and the invitation
   * is used up. Returns null when the token is unknown, used or expired, 'conflict' when the e-mail
   * belongs to an account of another role.
   */
  async acceptInvitation(
    tokenHash: string,
    user: { id: string; displayName: string; passwordHash: string },
  ): Promise<{ userId: string; email: string } | 'conflict' | null> {
    return this.db.transaction(async (tx) => {
      const [invitation] = returnedRows(await tx.query(
        `UPDATE invitation SET accepted_at = now() WHERE token_hash = $1 AND accepted_at IS NULL AND expires_at > now()
         RETURNING email, role, organization_id AS "organizationId"`,
        [tokenHash],
      ));
      if (!invitation) return null;
      const [existing] = await tx.query(`SELECT id, role FROM app_user WHERE lower(email) = lower($1) FOR UPDATE`, [invitation.email]);
      let userId: string;
      if (existing) {
        if (existing.role !== invitation.role) return 'conflict';
        userId = existing.id;
      } else {
        userId = user.id;
        await tx.query(
          `INSERT INTO app_user (id, email, display_name, password_hash, role, status) VALUES ($1, $2, $3, $4, $5, 'active')`,
          [userId, invitation.email, user.displayName, user.passwordHash, invitation.role],
        );
      }
      if (invitation.organizationId) {
        await tx.query(`INSERT INTO organization_member (user_id, organization_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userId, invitation.organizationId]);
      }
      return { userId, email: invitation.email };
    });
  }

  /**
   * Coach teams: the users who share a team with this one, the user included. A coach in no team
   * is a team of one.
   */
  async findTeamMateIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT $1::uuid::text AS id UNION SELECT m2.user_id::text FROM coach_team_member m1 JOIN coach_team_member m2 ON m2.team_id = m1.team_id WHERE m1.user_id = $1`,
      [userId],
    );
    return rows.map((r) => r.id).sort();
  }

  /** Puts the user into the named team, creating the team on first use. */
  async addTeamMember(teamName: string, userId: string, newTeamId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO coach_team (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [newTeamId, teamName]);
      const [team] = await tx.query(`SELECT id FROM coach_team WHERE lower(name) = lower($1)`, [teamName]);
      await tx.query(`INSERT INTO coach_team_member (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [team.id, userId]);
    });
  }

  async removeTeamMember(teamName: string, userId: string): Promise<boolean> {
    const rows = returnedRows(await this.db.query(
      `DELETE FROM coach_team_member m USING coach_team t WHERE t.id = m.team_id AND lower(t.name) = lower($1) AND m.user_id = $2 RETURNING m.user_id`,
      [teamName, userId],
    ));
    return rows.length > 0;
  }
}
