import { DomainError, ErrorCode } from '@lotse/common';

/** Why a referral action failed; sent as `extensions.reason` beside the general `extensions.code`. */
export enum ReferralErrorReason {
  NOT_FOUND = 'REFERRAL_NOT_FOUND',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  MOVE_NOT_ALLOWED = 'MOVE_NOT_ALLOWED',
  OTHER_SIDE = 'MOVE_BY_OTHER_SIDE',
  NOT_YOURS = 'NOT_YOUR_REFERRAL',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  TARGET_NOT_AVAILABLE = 'TARGET_NOT_AVAILABLE',
}

/** The one mapping of referral failures to the API's error codes. */
const CODE_OF: Record<ReferralErrorReason, ErrorCode> = {
  [ReferralErrorReason.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [ReferralErrorReason.CONSENT_REQUIRED]: ErrorCode.BAD_USER_INPUT,
  [ReferralErrorReason.MOVE_NOT_ALLOWED]: ErrorCode.CONFLICT,
  [ReferralErrorReason.OTHER_SIDE]: ErrorCode.FORBIDDEN,
  [ReferralErrorReason.NOT_YOURS]: ErrorCode.FORBIDDEN,
  [ReferralErrorReason.VERSION_CONFLICT]: ErrorCode.CONFLICT,
  [ReferralErrorReason.TARGET_NOT_AVAILABLE]: ErrorCode.BAD_USER_INPUT,
};

/**
 * A referral action that cannot be done. Details never carry the referral's code or note. Reading a
 * referral the caller may not see is NOT_FOUND, exactly like one that does not exist; acting on one
 * is FORBIDDEN, as every write of the API.
 */
export class ReferralError extends DomainError {
  constructor(readonly reason: ReferralErrorReason, message: string, details: Record<string, unknown> = {}) {
    super(CODE_OF[reason], message, { reason, ...details });
  }

  static notFound(id: string): ReferralError {
    return new ReferralError(ReferralErrorReason.NOT_FOUND, `Referral ${id} not found`, { entity: 'Referral', id });
  }
}
