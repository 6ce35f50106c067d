import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '@lotse/common';
import { NOTE_WARNING_DE } from '../domain/note';
import { CompletionOutcome, DeclineReason, FailureReason, ReferralSide, ReferralStatus, WithdrawalReason } from '../domain/referral-states';
import { ConsentScope, ContactRoute, Urgency } from '../domain/referral.types';

/** One GraphQL enum of every reason a move can carry (decline, outcome, failure, withdrawal). */
export const ReferralReasonEnum = { ...DeclineReason, ...CompletionOutcome, ...FailureReason, ...WithdrawalReason };
export type ReferralReasonValue = (typeof ReferralReasonEnum)[keyof typeof ReferralReasonEnum];

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: 'Entwurf → Gesendet → Gesehen → Angenommen | Warteliste | Abgelehnt → In Betreuung → Abgeschlossen | Nicht zustande gekommen; Zurückgezogen (FHIR Task status in fhirTaskStatus)',
});
registerEnumType(ReferralSide, { name: 'ReferralSide', description: 'Who made a move: the referring coach or the receiving partner' });
registerEnumType(ReferralReasonEnum, {
  name: 'ReferralReason',
  description: 'Declined: NO_CAPACITY, NOT_RESPONSIBLE, OUTSIDE_SERVICE_AREA, REQUIREMENTS_NOT_MET, OTHER (with text). Completed: GOT_HELP, REFERRED_ON. Not come about: NOT_REACHABLE, MISSED_APPOINTMENT, NO_LONGER_INTERESTED. Withdrawn: BY_COACH, CONSENT_WITHDRAWN.',
});
registerEnumType(Urgency, { name: 'ReferralUrgency', description: 'ROUTINE (normal), URGENT (dringend), ASAP (sehr dringend) — FHIR ServiceRequest.priority routine | urgent | asap' });
registerEnumType(ContactRoute, { name: 'ContactRoute', description: 'PARTICIPANT_CALLS: the participant calls the partner quoting the code; PARTNER_CALLS_COACH: the partner calls the coach back' });
registerEnumType(ConsentScope, { name: 'ConsentScope', description: 'SHARE_WITH_PARTNER: the partner receives the referral; STATUS_FEEDBACK: the partner reports its status back. Both are needed to send.' });

@ObjectType('ReferralConsent', { description: 'What the participant agreed to and when' })
export class ReferralConsentType {
  @Field(() => [ConsentScope]) scopes: ConsentScope[];
  @Field() givenAt: Date;
  @Field(() => Date, { nullable: true, description: 'when the participant withdrew it (the referral was withdrawn with it)' }) withdrawnAt: Date | null;
}

@ObjectType('ReferralTarget', { description: 'The listing referred to' })
export class ReferralTargetType {
  @Field(() => ID) organizationId: string;
  @Field(() => String, { nullable: true }) organizationName: string | null;
  @Field(() => ID) serviceId: string;
  @Field(() => String, { nullable: true }) serviceName: string | null;
  @Field(() => ID) locationId: string;
  @Field(() => String, { nullable: true, description: 'street, postcode and town' }) locationAddress: string | null;
  @Field(() => String, { nullable: true, description: 'AGS of the location’s district' }) districtAgs: string | null;
}

@ObjectType('ReferralEvent', { description: 'One move in a referral’s history' })
export class ReferralEventType {
  @Field(() => Int, { description: 'the referral’s version after this move' }) version: number;
  @Field() occurredAt: Date;
  @Field(() => ReferralStatus, { nullable: true }) fromStatus: ReferralStatus | null;
  @Field(() => ReferralStatus) toStatus: ReferralStatus;
  @Field() toStatusLabel: string;
  @Field(() => ReferralSide) side: ReferralSide;
  @Field(() => ReferralReasonEnum, { nullable: true }) reason: ReferralReasonValue | null;
  @Field(() => String, { nullable: true }) reasonLabel: string | null;
  @Field(() => String, { nullable: true, description: 'the partner’s words for a decline with reason OTHER' }) reasonText: string | null;
}

@ObjectType('CoachContact', { description: 'How the partner reaches the referring coach (contact route PARTNER_CALLS_COACH)' })
export class CoachContactType {
  @Field() displayName: string;
  @Field() email: string;
}

@ObjectType('Referral', {
  description: 'A pseudonymous referral: no name, birth date, address, phone or case number of the participant — only the referral code the participant carries',
})
export class ReferralType {
  @Field(() => ID) id: string;
  @Field({ description: 'The referral code (e.g. 7KQM-X4TB-9HZD): on the participant’s hand-out and in the job centre’s file. Never log or e-mail it.' }) code: string;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field({ description: 'German label of the status' }) statusLabel: string;
  @Field({ description: 'FHIR R4 Task.status' }) fhirTaskStatus: string;
  @Field(() => String, { nullable: true, description: 'FHIR Task.businessStatus (e.g. "seen", "waiting-list")' }) fhirBusinessStatus: string | null;
  @Field(() => ReferralReasonEnum, { nullable: true }) reason: ReferralReasonValue | null;
  @Field(() => String, { nullable: true }) reasonLabel: string | null;
  @Field(() => String, { nullable: true }) reasonText: string | null;
  @Field(() => [String], { description: 'need codes addressed (needs taxonomy)' }) needs: string[];
  @Field(() => Urgency) urgency: Urgency;
  @Field() urgencyLabel: string;
  @Field(() => [String], { description: 'languages the participant prefers (ISO 639 codes)' }) languages: string[];
  @Field(() => ContactRoute) contactRoute: ContactRoute;
  @Field() contactRouteLabel: string;
  @Field(() => String, { nullable: true, description: `Short note to the partner. WARNUNG: ${NOTE_WARNING_DE}` }) note: string | null;
  @Field(() => ReferralConsentType, { nullable: true, description: 'null while no consent is recorded (a draft)' }) consent: ReferralConsentType | null;
  @Field(() => ReferralTargetType) target: ReferralTargetType;
  @Field(() => CoachContactType, { nullable: true, description: 'the coach to call back (only with PARTNER_CALLS_COACH, or for the coach’s own side)' }) coachContact?: CoachContactType | null;
  @Field(() => ReferralSide, { description: 'the side the caller is on' }) viewerSide: ReferralSide;
  @Field(() => [ReferralStatus], { description: 'where the caller may move the referral from here' }) nextStatuses: ReferralStatus[];
  @Field({ description: 'open and without an update for REFERRAL_STALE_DAYS days: the coach should ask after it' }) stale: boolean;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => Date, { nullable: true }) seenAt: Date | null;
  @Field(() => Date, { nullable: true }) closedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int, { description: 'pass as expectedVersion with the next move' }) version: number;
  @Field(() => [ReferralEventType]) history?: ReferralEventType[];
}
@ObjectType() export class ReferralConnection extends Connection(ReferralType, 'Referral') {}

@ObjectType('CapacityPrompt', { description: 'Asks the partner to update the listing’s capacity after a decline for lack of capacity' })
export class CapacityPromptType {
  @Field(() => ID) serviceId: string;
  @Field() message: string;
}

@ObjectType('ReferralMoveResult')
export class ReferralMoveResultType {
  @Field(() => ReferralType) referral: ReferralType;
  @Field(() => CapacityPromptType, { nullable: true, description: 'set after a decline with NO_CAPACITY: update the listing (updateCapacity)' }) capacityPrompt: CapacityPromptType | null;
}

@ObjectType('ReferralOutcomeCount', { description: 'Closed referrals of one district, need and outcome; count null when under 5 (withheld)' })
export class ReferralOutcomeCountType {
  @Field(() => String, { nullable: true, description: 'district AGS (null: a location outside the known districts)' }) districtAgs: string | null;
  @Field() needCode: string;
  @Field(() => ReferralStatus) status: ReferralStatus;
  @Field() statusLabel: string;
  @Field(() => ReferralReasonEnum, { nullable: true }) reason: ReferralReasonValue | null;
  @Field(() => String, { nullable: true }) reasonLabel: string | null;
  @Field(() => Int, { nullable: true, description: 'null when fewer than 5: withheld so no single referral can be told' }) count: number | null;
  @Field({ description: 'true when the count is withheld' }) suppressed: boolean;
}

@ObjectType('UnmetReferralDemand', { description: 'Referrals declined for lack of capacity in one district and need: where the network is full' })
export class UnmetReferralDemandType {
  @Field(() => String, { nullable: true }) districtAgs: string | null;
  @Field() needCode: string;
  @Field(() => Int, { nullable: true, description: 'null when fewer than 5 (withheld)' }) declinedForCapacity: number | null;
  @Field() suppressed: boolean;
}
