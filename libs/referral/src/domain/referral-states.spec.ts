import {
  CompletionOutcome,
  DeclineReason,
  FailureReason,
  judgeMove,
  MOVES,
  nextStatuses,
  REASON_LABELS_DE,
  ReferralSide,
  ReferralStatus,
  STATUS_INFO,
} from './referral-states';

const S = ReferralStatus;
const { COACH, PARTNER } = ReferralSide;

describe('the referral state machine', () => {
  it('allows exactly the documented moves, each by one side', () => {
    const expected: [ReferralStatus, ReferralStatus, ReferralSide][] = [
      [S.DRAFT, S.SENT, COACH],
      [S.SENT, S.SEEN, PARTNER],
      [S.SENT, S.ACCEPTED, PARTNER], [S.SENT, S.WAITING_LIST, PARTNER], [S.SENT, S.DECLINED, PARTNER],
      [S.SEEN, S.ACCEPTED, PARTNER], [S.SEEN, S.WAITING_LIST, PARTNER], [S.SEEN, S.DECLINED, PARTNER],
      [S.WAITING_LIST, S.ACCEPTED, PARTNER], [S.WAITING_LIST, S.DECLINED, PARTNER], [S.WAITING_LIST, S.NOT_COME_ABOUT, PARTNER],
      [S.ACCEPTED, S.IN_PROGRESS, PARTNER], [S.ACCEPTED, S.NOT_COME_ABOUT, PARTNER],
      [S.IN_PROGRESS, S.COMPLETED, PARTNER], [S.IN_PROGRESS, S.NOT_COME_ABOUT, PARTNER],
      ...[S.DRAFT, S.SENT, S.SEEN, S.ACCEPTED, S.WAITING_LIST, S.IN_PROGRESS].map((from) => [from, S.WITHDRAWN, COACH] as [ReferralStatus, ReferralStatus, ReferralSide]),
    ];
    const key = ([f, t, s]: [string, string, string]) => `${f}→${t} by ${s}`;
    expect(MOVES.map((m) => key([m.from, m.to, m.side])).sort()).toEqual(expected.map(key).sort());
  });

  it('judges every pair of statuses for both sides: allowed, the other side’s, or not allowed at all', () => {
    const all = Object.values(ReferralStatus);
    for (const from of all) {
      for (const to of all) {
        for (const side of [COACH, PARTNER]) {
          const mine = MOVES.some((m) => m.from === from && m.to === to && m.side === side);
          const theirs = MOVES.some((m) => m.from === from && m.to === to && m.side !== side);
          expect(judgeMove(from, to, side)).toBe(mine ? 'allowed' : theirs ? 'other_side' : 'not_allowed');
        }
      }
    }
    expect(judgeMove(S.SENT, S.ACCEPTED, COACH)).toBe('other_side');
    expect(judgeMove(S.SENT, S.WITHDRAWN, PARTNER)).toBe('other_side');
    expect(judgeMove(S.COMPLETED, S.IN_PROGRESS, PARTNER)).toBe('not_allowed');
    expect(judgeMove(S.DRAFT, S.ACCEPTED, PARTNER)).toBe('not_allowed');
  });

  it('leaves closed referrals closed', () => {
    for (const status of Object.values(ReferralStatus).filter((s) => STATUS_INFO[s].closed)) {
      expect(nextStatuses(status, COACH)).toEqual([]);
      expect(nextStatuses(status, PARTNER)).toEqual([]);
    }
  });

  it('maps to FHIR Task statuses with German labels and reasons', () => {
    expect(STATUS_INFO[S.SEEN]).toMatchObject({ fhirStatus: 'requested', fhirBusinessStatus: 'seen' });
    expect(STATUS_INFO[S.WAITING_LIST].fhirStatus).toBe('on-hold');
    expect(STATUS_INFO[S.NOT_COME_ABOUT]).toMatchObject({ fhirStatus: 'failed', labelDe: 'Nicht zustande gekommen' });
    expect(STATUS_INFO[S.WITHDRAWN].fhirStatus).toBe('cancelled');
    for (const reason of [...Object.values(DeclineReason), ...Object.values(CompletionOutcome), ...Object.values(FailureReason)]) expect(REASON_LABELS_DE[reason]).toBeTruthy();
  });
});
