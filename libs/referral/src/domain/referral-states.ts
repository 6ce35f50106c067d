/**
 * The life of a referral: German labels for the screens, FHIR R4 Task statuses behind them (with
 * `businessStatus` where FHIR has no status of its own, as for "seen"), and the one table of moves
 * that decides which side may make which step.
 */
export enum ReferralStatus {
  DRAFT = 'draft',
  SENT = 'sent',
  SEEN = 'seen',
  ACCEPTED = 'accepted',
  WAITING_LIST = 'waiting_list',
  DECLINED = 'declined',
  IN_PROGRESS = 'in_progress',
  COMPLETED = 'completed',
  NOT_COME_ABOUT = 'not_come_about',
  WITHDRAWN = 'withdrawn',
}

/** Who makes a move: the referring coach (or their team), or a member of the receiving organisation. */
export enum ReferralSide {
  COACH = 'coach',
  PARTNER = 'partner',
}

export enum DeclineReason {
  NO_CAPACITY = 'no_capacity',
  NOT_RESPONSIBLE = 'not_responsible',
  OUTSIDE_SERVICE_AREA = 'outside_service_area',
  REQUIREMENTS_NOT_MET = 'requirements_not_met',
  OTHER = 'other',
}

export enum CompletionOutcome {
  GOT_HELP = 'got_help',
  REFERRED_ON = 'referred_on',
}

export enum FailureReason {
  NOT_REACHABLE = 'not_reachable',
  MISSED_APPOINTMENT = 'missed_appointment',
  NO_LONGER_INTERESTED = 'no_longer_interested',
}

export enum WithdrawalReason {
  BY_COACH = 'by_coach',
  CONSENT_WITHDRAWN = 'consent_withdrawn',
}

export type ReferralReason = DeclineReason | CompletionOutcome | FailureReason | WithdrawalReason;

export interface StatusInfo {
  labelDe: string;
  /** FHIR R4 Task.status */
  fhirStatus: 'draft' | 'requested' | 'accepted' | 'on-hold' | 'rejected' | 'in-progress' | 'completed' | 'failed' | 'cancelled';
  /** FHIR Task.businessStatus text where the status alone does not say it */
  fhirBusinessStatus: string | null;
  closed: boolean;
}

export const STATUS_INFO: Record<ReferralStatus, StatusInfo> = {
  [ReferralStatus.DRAFT]: { labelDe: 'Entwurf', fhirStatus: 'draft', fhirBusinessStatus: null, closed: false },
  [ReferralStatus.SENT]: { labelDe: 'Gesendet', fhirStatus: 'requested', fhirBusinessStatus: null, closed: false },
  [ReferralStatus.SEEN]: { labelDe: 'Vom Partner gesehen', fhirStatus: 'requested', fhirBusinessStatus: 'seen', closed: false },
  [ReferralStatus.ACCEPTED]: { labelDe: 'Angenommen', fhirStatus: 'accepted', fhirBusinessStatus: null, closed: false },
  [ReferralStatus.WAITING_LIST]: { labelDe: 'Warteliste', fhirStatus: 'on-hold', fhirBusinessStatus: 'waiting-list', closed: false },
  [ReferralStatus.DECLINED]: { labelDe: 'Abgelehnt', fhirStatus: 'rejected', fhirBusinessStatus: null, closed: true },
  [ReferralStatus.IN_PROGRESS]: { labelDe: 'In Betreuung', fhirStatus: 'in-progress', fhirBusinessStatus: null, closed: false },
  [ReferralStatus.COMPLETED]: { labelDe: 'Abgeschlossen', fhirStatus: 'completed', fhirBusinessStatus: null, closed: true },
  [ReferralStatus.NOT_COME_ABOUT]: { labelDe: 'Nicht zustande gekommen', fhirStatus: 'failed', fhirBusinessStatus: null, closed: true },
  [ReferralStatus.WITHDRAWN]: { labelDe: 'Zurückgezogen', fhirStatus: 'cancelled', fhirBusinessStatus: null, closed: true },
};

export const REASON_LABELS_DE: Record<ReferralReason, string> = {
  [DeclineReason.NO_CAPACITY]: 'Keine Kapazität',
  [DeclineReason.NOT_RESPONSIBLE]: 'Nicht zuständig',
  [DeclineReason.OUTSIDE_SERVICE_AREA]: 'Außerhalb des Einzugsgebiets',
  [DeclineReason.REQUIREMENTS_NOT_MET]: 'Voraussetzungen nicht erfüllt',
  [DeclineReason.OTHER]: 'Anderer Grund',
  [CompletionOutcome.GOT_HELP]: 'Hilfe erhalten',
  [CompletionOutcome.REFERRED_ON]: 'Weitervermittelt',
  [FailureReason.NOT_REACHABLE]: 'Nicht erreichbar',
  [FailureReason.MISSED_APPOINTMENT]: 'Termin nicht wahrgenommen',
  [FailureReason.NO_LONGER_INTERESTED]: 'Kein Interesse mehr',
  [WithdrawalReason.BY_COACH]: 'Vom Coach zurückgezogen',
  [WithdrawalReason.CONSENT_WITHDRAWN]: 'Einwilligung widerrufen',
};

/** The reasons a move to this status needs (one of them is required), or none. */
export const REASONS_FOR: Partial<Record<ReferralStatus, readonly ReferralReason[]>> = {
  [ReferralStatus.DECLINED]: Object.values(DeclineReason),
  [ReferralStatus.COMPLETED]: Object.values(CompletionOutcome),
  [ReferralStatus.NOT_COME_ABOUT]: Object.values(FailureReason),
  [ReferralStatus.WITHDRAWN]: Object.values(WithdrawalReason),
};

const S = ReferralStatus;
const OPEN = [S.DRAFT, S.SENT, S.SEEN, S.ACCEPTED, S.WAITING_LIST, S.IN_PROGRESS];

/**
 * Every allowed move: from → to, by whom. Anything not listed is refused. The coach sends and
 * withdraws; everything in between is the partner's to say. Accepting, the waiting list or a
 * decline may come straight after sending (a partner who answers has seen it).
 */
export const MOVES: readonly { from: ReferralStatus; to: ReferralStatus; side: ReferralSide }[] = [
  { from: S.DRAFT, to: S.SENT, side: ReferralSide.COACH },
  ...OPEN.map((from) => ({ from, to: S.WITHDRAWN, side: ReferralSide.COACH })),
  { from: S.SENT, to: S.SEEN, side: ReferralSide.PARTNER },
  ...[S.SENT, S.SEEN].flatMap((from) => [S.ACCEPTED, S.WAITING_LIST, S.DECLINED].map((to) => ({ from, to, side: ReferralSide.PARTNER }))),
  { from: S.WAITING_LIST, to: S.ACCEPTED, side: ReferralSide.PARTNER },
  { from: S.WAITING_LIST, to: S.DECLINED, side: ReferralSide.PARTNER },
  { from: S.WAITING_LIST, to: S.NOT_COME_ABOUT, side: ReferralSide.PARTNER },
  { from: S.ACCEPTED, to: S.IN_PROGRESS, side: ReferralSide.PARTNER },
  { from: S.ACCEPTED, to: S.NOT_COME_ABOUT, side: ReferralSide.PARTNER },
  { from: S.IN_PROGRESS, to: S.COMPLETED, side: ReferralSide.PARTNER },
  { from: S.IN_PROGRESS, to: S.NOT_COME_ABOUT, side: ReferralSide.PARTNER },
];

export type MoveVerdict = 'allowed' | 'not_allowed' | 'other_side';

/** Whether `side` may move a referral from `from` to `to`; 'other_side' when only the other side may. */
export function judgeMove(from: ReferralStatus, to: ReferralStatus, side: ReferralSide): MoveVerdict {
  const moves = MOVES.filter((m) => m.from === from && m.to === to);
  if (moves.some((m) => m.side === side)) return 'allowed';
  return moves.length > 0 ? 'other_side' : 'not_allowed';
}

/** The statuses a side may move to from here (for the screens' buttons). */
export function nextStatuses(from: ReferralStatus, side: ReferralSide): ReferralStatus[] {
  return MOVES.filter((m) => m.from === from && m.side === side).map((m) => m.to);
}

export const isClosed = (status: ReferralStatus) => STATUS_INFO[status].closed;
