import { ReferralReason, ReferralStatus, ReferralSide } from './referral-states';

export enum Urgency {
  ROUTINE = 'routine',
  URGENT = 'urgent',
  ASAP = 'asap',
}

export const URGENCY_LABELS_DE: Record<Urgency, string> = {
  [Urgency.ROUTINE]: 'Normal',
  [Urgency.URGENT]: 'Dringend',
  [Urgency.ASAP]: 'Sehr dringend',
};

/** How the participant and the partner get in touch. Lotse stores no phone number of the participant. */
export enum ContactRoute {
  /** the participant calls the partner, quoting the referral code */
  PARTICIPANT_CALLS = 'participant_calls',
  /** the partner calls the coach back, who passes it on */
  PARTNER_CALLS_COACH = 'partner_calls_coach',
}

export const CONTACT_ROUTE_LABELS_DE: Record<ContactRoute, string> = {
  [ContactRoute.PARTICIPANT_CALLS]: 'Die teilnehmende Person meldet sich beim Partner (mit dem Vermittlungscode)',
  [ContactRoute.PARTNER_CALLS_COACH]: 'Der Partner meldet sich beim Coach',
};

/** What the participant agreed to; a referral is sent only when both were agreed. */
export enum ConsentScope {
  /** the partner organisation receives the referral */
  SHARE_WITH_PARTNER = 'share_with_partner',
  /** the partner reports the referral's status back to the coach */
  STATUS_FEEDBACK = 'status_feedback',
}

export const CONSENT_SCOPE_LABELS_DE: Record<ConsentScope, string> = {
  [ConsentScope.SHARE_WITH_PARTNER]: 'Die Partnerorganisation erhält die Vermittlung',
  [ConsentScope.STATUS_FEEDBACK]: 'Die Partnerorganisation meldet den Stand an den Coach zurück',
};

export const REQUIRED_CONSENT: readonly ConsentScope[] = [ConsentScope.SHARE_WITH_PARTNER, ConsentScope.STATUS_FEEDBACK];

export interface ConsentInput {
  agreed: boolean;
  scopes: ConsentScope[];
  /** when the participant agreed (default: now); not in the future */
  givenAt?: Date;
}

export interface CreateReferralInput {
  serviceId: string;
  locationId: string;
  needs: string[];
  urgency: Urgency;
  languages: string[];
  contactRoute: ContactRoute;
  note?: string | null;
  consent?: ConsentInput | null;
  /** send at once (needs consent) instead of keeping a draft */
  send?: boolean;
}

/** A referral as stored: no participant data, only the pseudonymous code. */
export interface ReferralRecord {
  id: string;
  code: string;
  coachUserId: string;
  organizationId: string;
  serviceId: string;
  locationId: string;
  districtAgs: string | null;
  needs: string[];
  urgency: Urgency;
  languages: string[];
  contactRoute: ContactRoute;
  note: string | null;
  consentScopes: ConsentScope[] | null;
  consentGivenAt: Date | null;
  consentWithdrawnAt: Date | null;
  status: ReferralStatus;
  reason: ReferralReason | null;
  reasonText: string | null;
  sentAt: Date | null;
  seenAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

export interface ReferralEventRecord {
  referralId: string;
  version: number;
  occurredAt: Date;
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus;
  side: ReferralSide;
  reason: ReferralReason | null;
  reasonText: string | null;
}

export interface MoveInput {
  to: ReferralStatus;
  reason?: ReferralReason | null;
  /** only with the decline reason OTHER */
  reasonText?: string | null;
}

/** The answer to a partner's move; a decline for lack of capacity asks to update the listing. */
export interface MoveResult {
  referral: ReferralRecord;
  capacityPrompt: { serviceId: string; message: string } | null;
}

export interface OutcomeCount {
  districtAgs: string | null;
  needCode: string;
  status: ReferralStatus;
  reason: ReferralReason | null;
  /** null when fewer than the suppression threshold */
  count: number | null;
}
