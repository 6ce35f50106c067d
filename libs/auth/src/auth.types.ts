import { Role } from '@lotse/common';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  status: 'active' | 'disabled';
  failedLogins: number;
  lockedUntil: Date | null;
  organizationIds: string[];
}

export interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

export interface InvitationRecord {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  role: Role;
}
