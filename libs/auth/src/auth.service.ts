import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { Actor, InvalidInputError, Role, UnauthenticatedError } from '@lotse/common';
import { Environment } from '@lotse/config';
import { AuthRepository } from './auth.repository';
import { AccessTokenClaims, TokenPair, UserRecord } from './auth.types';
import { RateLimiter } from './rate-limiter';

/** After this many consecutive failures an account is locked, 30 s doubling per failure, at most 15 min. */
export const LOCKOUT = { threshold: 5, baseSeconds: 30, maxSeconds: 900 };
const INVITATION_DAYS = 14;
const INVALID_LOGIN = 'E-mail or password is wrong';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');
const opaqueToken = () => randomBytes(32).toString('base64url');

/**
 * Accounts and sessions. Access tokens are short-lived JWTs naming a session; refresh tokens are
 * opaque, stored only as hashes and rotated on use. Logout revokes the session, which also makes
 * its access tokens invalid at once (every request checks the session).
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  readonly limiter = new RateLimiter();
  /** argon2 of a random password: compared against when the e-mail is unknown, so timing does not tell. */
  private readonly dummyHash = argon2.hash(randomBytes(16).toString('hex'));

  constructor(
    private readonly repository: AuthRepository,
    private readonly jwt: JwtService,
    private readonly env: Environment,
  ) {}

  async login(email: string, password: string, clientKey: string): Promise<TokenPair & { user: UserRecord }> {
    this.limiter.hit(`login:${clientKey}`, this.env.RATE_LIMIT_LOGIN_PER_MINUTE);
    const user = await this.repository.findUserByEmail(email);
    if (!user || user.status !== 'active') {
      await argon2.verify(await this.dummyHash, password);
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      // Checked before the password, so guessing during the lock learns nothing.
      throw new UnauthenticatedError('Too many failed logins; try again later', { retryAfterSeconds: Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000) });
    }
    if (!(await argon2.verify(user.passwordHash, password))) {
      const state = await this.repository.recordFailedLogin(user.id, LOCKOUT.threshold, LOCKOUT.baseSeconds, LOCKOUT.maxSeconds);
      this.logger.warn({ msg: 'failed login', userId: user.id, failedLogins: state.failedLogins });
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    if (user.failedLogins > 0) await this.repository.resetFailedLogins(user.id);
    const sessionId = randomUUID();
    const refreshToken = opaqueToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.repository.insertSession({ id: sessionId, userId: user.id, refreshTokenHash: sha256(refreshToken), expiresAt: refreshTokenExpiresAt });
    return { ...this.accessToken(user, sessionId), refreshToken, refreshTokenExpiresAt, user };
  }

  async refresh(refreshToken: string): Promise<TokenPair & { user: UserRecord }> {
    const next = opaqueToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const session = await this.repository.rotateRefreshToken(sha256(refreshToken), sha256(next), refreshTokenExpiresAt);
    if (!session) throw new UnauthenticatedError('Refresh token is invalid, used or expired');
    const user = await this.repository.findUserById(session.userId);
    if (!user || user.status !== 'active') throw new UnauthenticatedError('Account is not active');
    return { ...this.accessToken(user, session.id), refreshToken: next, refreshTokenExpiresAt, user };
  }

  async logout(actorSessionId: string): Promise<void> {
    await this.repository.revokeSession(actorSessionId);
  }

  /** The actor behind an access token; throws UNAUTHENTICATED for expired, tampered or revoked tokens. */
  async authenticate(token: string): Promise<Actor & { sessionId: string }> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (e) {
      throw new UnauthenticatedError((e as Error).name === 'TokenExpiredError' ? 'Access token expired' : 'Access token is invalid');
    }
    const session = await this.repository.findSession(claims.sid);
    if (!session || session.revokedAt || session.userId !== claims.sub) throw new UnauthenticatedError('Session has ended; please log in again');
    const user = await this.repository.findUserById(claims.sub);
    if (!user || user.status !== 'active') throw new UnauthenticatedError('Account is not active');
    return { userId: user.id, role: user.role, organizationIds: user.organizationIds, displayName: user.displayName, sessionId: session.id };
  }

  async createUser(input: { email: string; password: string; displayName: string; role: Role; organizationIds?: string[] }): Promise<string> {
    assertStrongPassword(input.password, 'password');
    const id = randomUUID();
    const created = await this.repository.insertUser({
      id,
      email: input.email.trim(),
      displayName: input.displayName,
      passwordHash: await argon2.hash(input.password, { type: argon2.argon2id }),
      role: input.role,
      organizationIds: input.organizationIds ?? [],
    });
    if (!created) throw InvalidInputError.of('email', 'an account with this e-mail exists');
    return id;
  }

  /**
   * Creates an invitation and "sends" it: no mail server is configured, so in development the
   * message is logged; in production it is returned only to the inviting coordinator.
   */
  async invite(input: { email: string; role: Role; organizationId: string | null }, invitedBy: Actor | null): Promise<{ token: string; expiresAt: Date }> {
    const token = opaqueToken();
    const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
    await this.repository.insertInvitation({ id: randomUUID(), email: input.email.trim(), role: input.role, organizationId: input.organizationId, tokenHash: sha256(token), expiresAt, createdBy: invitedBy?.userId ?? null });
    if (this.env.NODE_ENV === 'development') {
      this.logger.log({ msg: 'invitation e-mail (development: not sent)', to: input.email, body: `Sie wurden zu Lotse eingeladen. Einladungscode: ${token} (gültig bis ${expiresAt.toISOString()}). Mutation acceptInvitation(token, password, displayName).` });
    }
    return { token, expiresAt };
  }

  async acceptInvitation(token: string, password: string, displayName: string): Promise<string> {
    assertStrongPassword(password, 'password');
    const result = await this.repository.acceptInvitation(sha256(token), {
      id: randomUUID(),
      displayName,
      passwordHash: await argon2.hash(password, { type: argon2.argon2id }),
    });
    if (result === null) throw InvalidInputError.of('token', 'invitation is unknown, already used or expired');
    if (result === 'conflict') throw InvalidInputError.of('token', 'this e-mail already has an account with another role');
    return result.userId;
  }

  async findUser(id: string): Promise<UserRecord | null> {
    return this.repository.findUserById(id);
  }

  /** The coaches whose referrals this coach follows: their team mates and themselves. */
  teamMateIds(userId: string): Promise<string[]> {
    return this.repository.findTeamMateIds(userId);
  }

  /** Adds a coach to a team (created on first use); coaches of one team see each other's referrals. */
  async addToTeam(email: string, teamName: string): Promise<void> {
    const user = await this.repository.findUserByEmail(email);
    if (!user) throw InvalidInputError.of('email', 'no account has this e-mail');
    if (user.role !== Role.COACH) throw InvalidInputError.of('email', 'only coaches are members of teams');
    const name = teamName.trim();
    if (name.length < 2 || name.length > 200) throw InvalidInputError.of('team', 'a team name has 2–200 characters');
    await this.repository.addTeamMember(name, user.id, randomUUID());
  }

  async removeFromTeam(email: string, teamName: string): Promise<boolean> {
    const user = await this.repository.findUserByEmail(email);
    return user ? this.repository.removeTeamMember(teamName.trim(), user.id) : false;
  }

  private accessToken(user: UserRecord, sessionId: string): { accessToken: string; accessTokenExpiresAt: Date } {
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId, role: user.role };
    const accessToken = this.jwt.sign(claims, { expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' });
    return { accessToken, accessTokenExpiresAt: new Date(Date.now() + this.env.ACCESS_TOKEN_TTL_SECONDS * 1000) };
  }
}

/** At least 10 characters with letters and digits, or 16+ characters of anything (a passphrase). */
export function assertStrongPassword(password: string, field: string): void {
  const ok = password.length >= 16 || (password.length >= 10 && /[A-Za-zÄÖÜäöüß]/.test(password) && /\d/.test(password));
  if (!ok || password.length > 200) {
    throw InvalidInputError.of(field, 'use at least 10 characters with letters and digits, or a passphrase of 16 characters');
  }
}
