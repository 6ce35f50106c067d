import { useId, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { ConflictNotice } from '../../components/ConflictNotice';
import { SelectField } from '../../components/Field';
import { TextAreaField } from '../../components/TextArea';
import {
  InboxMoveReferralDocument,
  InboxReferralDocument,
  type InboxReferralDetailFragment,
  type ReferralMoveInput,
  type ReferralReason,
  type ReferralStatus,
} from '../../graphql/generated/graphql';
import { t } from '../../texts';
import { REASONS_FOR_MOVE } from './inbox';

export type InboxReferralDetail = InboxReferralDetailFragment;

/** the button of each move the partner can make (SEEN happens on opening, WITHDRAWN is the coach's) */
const MOVE_LABEL: Partial<Record<ReferralStatus, string>> = {
  ACCEPTED: t.inbox.accept,
  WAITING_LIST: t.inbox.waitingList,
  IN_PROGRESS: t.inbox.start,
  DECLINED: t.inbox.decline,
  COMPLETED: t.inbox.complete,
  NOT_COME_ABOUT: t.inbox.fail,
};
const FORM_TEXT: Partial<Record<ReferralStatus, { title: string; reason: string }>> = {
  DECLINED: { title: t.inbox.declineTitle, reason: t.inbox.declineReason },
  COMPLETED: { title: t.inbox.completeTitle, reason: t.inbox.completeReason },
  NOT_COME_ABOUT: { title: t.inbox.failTitle, reason: t.inbox.failReason },
};
const ORDER: ReferralStatus[] = ['ACCEPTED', 'WAITING_LIST', 'IN_PROGRESS', 'COMPLETED', 'DECLINED', 'NOT_COME_ABOUT'];

export interface MoveOutcome {
  /** the status the partner moved to (absent when the referral was only reloaded after a conflict) */
  moved?: ReferralStatus;
  /** the API asks to update the listing's capacity (a decline for lack of capacity) */
  capacityPrompt?: boolean;
}

const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));

/**
 * The partner's next steps for one referral: exactly the moves the API offers from here
 * (`nextStatuses`, the state machine's table) — accept, waiting list, in progress at one click;
 * decline, completed and not come about with their reason ("Sonstiges" needs a few words).
 * When someone else moved the referral first (CONFLICT), the new state is shown beside the step
 * the partner wanted, which is offered again only if it is still allowed from there.
 */
export function ReferralActions({ referral, onChanged }: { referral: InboxReferralDetail; onChanged(r: InboxReferralDetail, outcome: MoveOutcome): void }) {
  const formId = useId();
  const [form, setForm] = useState<ReferralStatus>();
  const [reason, setReason] = useState<ReferralReason | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [missing, setMissing] = useState<{ reason?: boolean; reasonText?: boolean }>({});
  const [conflict, setConflict] = useState<ReferralMoveInput>();

  const moves = ORDER.filter((s) => referral.nextStatuses.includes(s));

  async function move(m: ReferralMoveInput, version: number) {
    setBusy(true);
    setError(undefined);
    try {
      const { moveReferral } = await gql(InboxMoveReferralDocument, { id: referral.id, expectedVersion: version, move: m });
      setConflict(undefined);
      setForm(undefined);
      setReason('');
      setReasonText('');
      onChanged(moveReferral.referral, { moved: m.to, capacityPrompt: !!moveReferral.capacityPrompt });
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.code === 'CONFLICT') {
        try {
          const { referral: current } = await gql(InboxReferralDocument, { id: referral.id });
          setConflict(m);
          onChanged(current, {});
        } catch (reload) {
          setError(toApiError(reload));
        }
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  function submitReason(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const needsText = reason === 'OTHER' && reasonText.trim() === '';
    setMissing({ reason: !reason, reasonText: needsText });
    if (!reason || needsText) return;
    void move({ to: form, reason, reasonText: reason === 'OTHER' ? reasonText.trim() : null }, referral.version);
  }

  if (conflict) {
    const wanted = MOVE_LABEL[conflict.to] ?? conflict.to;
    if (referral.nextStatuses.includes(conflict.to)) {
      return (
        <div className="kern-stack">
          <ConflictNotice
            title={t.inbox.conflictTitle}
            busy={busy}
            rows={[{ label: t.inbox.conflictStatus, theirs: referral.statusLabel, yours: wanted }]}
            onReapply={() => void move(conflict, referral.version)}
            onDiscard={() => setConflict(undefined)}
          />
          <p className="kern-body">{t.inbox.conflictStill}</p>
          {error && <Alert kind="danger" title={error.message} />}
        </div>
      );
    }
    return (
      <div className="kern-stack">
        <Alert kind="warning" title={t.inbox.conflictTitle}>
          <p className="kern-body">{t.inbox.conflictGone(wanted)}</p>
        </Alert>
        <p>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setConflict(undefined)}>
            <span className="kern-label">{t.inbox.conflictDismiss}</span>
          </button>
        </p>
      </div>
    );
  }

  if (moves.length === 0) return <p className="kern-body">{t.inbox.noActions}</p>;

  const reasonError = missing.reason ? t.inbox.chooseError : error?.fieldMessage('reason');
  const textError = missing.reasonText ? t.inbox.otherTextError : error?.fieldMessage('reasonText');
  const pageError = error && !error.fieldMessage('reason', 'reasonText') ? error.message : undefined;
  const formText = form ? FORM_TEXT[form] : undefined;

  return (
    <div className="kern-stack">
      <div className="lotse-actions">
        {moves.map((to) =>
          REASONS_FOR_MOVE[to] ? (
            <button
              key={to}
              type="button"
              className={`kern-btn ${form === to ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
              aria-expanded={form === to}
              aria-controls={form === to ? formId : undefined}
              disabled={busy}
              onClick={() => {
                setForm(form === to ? undefined : to);
                setReason('');
                setReasonText('');
                setMissing({});
                setError(undefined);
              }}
            >
              <span className="kern-label">{MOVE_LABEL[to]} …</span>
            </button>
          ) : (
            <button key={to} type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void move({ to }, referral.version)}>
              <span className="kern-label">{MOVE_LABEL[to]}</span>
            </button>
          ),
        )}
      </div>
      {form && formText && (
        <form id={formId} className="kern-stack lotse-move-form" onSubmit={submitReason} noValidate aria-label={formText.title}>
          <SelectField
            label={formText.reason}
            value={reason}
            error={reasonError}
            required
            onChange={(e) => {
              setReason(e.target.value as ReferralReason | '');
              setMissing((m) => ({ ...m, reason: false }));
            }}
          >
            <option value="">{t.inbox.choose}</option>
            {REASONS_FOR_MOVE[form]!.map((r) => (
              <option key={r} value={r}>
                {t.inbox.reasons[r]}
              </option>
            ))}
          </SelectField>
          {reason === 'OTHER' && (
            <TextAreaField
              label={t.inbox.otherText}
              hint={t.inbox.otherTextHint}
              value={reasonText}
              maxLength={300}
              rows={3}
              required
              error={textError}
              onChange={(e) => {
                setReasonText(e.target.value);
                setMissing((m) => ({ ...m, reasonText: false }));
              }}
            />
          )}
          <div className="lotse-actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
              <span className="kern-label">{busy ? t.inbox.saving : MOVE_LABEL[form]}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setForm(undefined)}>
              <span className="kern-label">{t.inbox.cancel}</span>
            </button>
          </div>
        </form>
      )}
      {!form && busy && <p className="kern-body" role="status">{t.inbox.saving}</p>}
      {pageError && <Alert kind="danger" title={pageError} />}
    </div>
  );
}
