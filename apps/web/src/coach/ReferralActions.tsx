import { useId, useState } from 'react';
import { gql } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert } from '../components/Alert';
import { CheckField, FieldError } from '../components/Field';
import {
  CoachRecordReferralConsentDocument,
  CoachSendReferralDocument,
  CoachWithdrawReferralDocument,
  type CoachReferralDetailFragment,
  type ReferralStatus,
} from '../graphql/generated/graphql';
import { t } from '../texts';
import { shortlist } from './shortlist';

type Referral = CoachReferralDetailFragment;
type Step = { to: 'SENT' } | { to: 'WITHDRAWN'; consentWithdrawn: boolean };

interface Props {
  referral: Referral;
  onChange(referral: Referral): void;
  /** the referral as stored now (after a CONFLICT) */
  reload(): Promise<Referral>;
}

/**
 * The coach's moves on a referral, as the state machine allows them (`nextStatuses`): send a draft
 * (recording the participant's consent first if it is missing) and withdraw — also because the
 * participant withdrew their consent. When someone else moved the referral first (CONFLICT), the
 * current state is loaded and shown beside the step that was not done, and the step can be
 * repeated on the new state if it is still possible there.
 */
export function ReferralActions({ referral, onChange, reload }: Props) {
  const headingId = useId();
  const [withdrawing, setWithdrawing] = useState(false);
  const [consentWithdrawn, setConsentWithdrawn] = useState(false);
  const [share, setShare] = useState(false);
  const [feedback, setFeedback] = useState(false);
  const [consentError, setConsentError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [conflict, setConflict] = useState<{ step: Step; current: Referral }>();

  const can = (to: ReferralStatus, r: Referral = referral) => r.nextStatuses.includes(to);

  async function perform(step: Step, r: Referral) {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      let current = r;
      if (step.to === 'SENT') {
        if (!current.consent) {
          current = (await gql(CoachRecordReferralConsentDocument, { id: current.id, expectedVersion: current.version, consent: { agreed: true, scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] } }))
            .recordReferralConsent;
        }
        current = (await gql(CoachSendReferralDocument, { id: current.id, expectedVersion: current.version })).sendReferral;
        setDone(t.referral.sentNow);
      } else {
        current = (await gql(CoachWithdrawReferralDocument, { id: current.id, expectedVersion: current.version, consentWithdrawn: step.consentWithdrawn })).withdrawReferral;
        shortlist.forgetCode(current.code);
        setWithdrawing(false);
        setDone(t.referral.withdrawn);
      }
      setConflict(undefined);
      onChange(current);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
      if (apiError.code === 'CONFLICT') {
        try {
          const current = await reload();
          onChange(current);
          setConflict({ step, current });
        } catch (again) {
          setError(again instanceof ApiError ? again.message : t.errors.server);
        }
      } else if (apiError.fieldMessage('consent', 'agreed', 'scopes')) setConsentError(apiError.fieldMessage('consent', 'agreed', 'scopes'));
      else setError(apiError.message);
    } finally {
      setBusy(false);
    }
  }

  function send() {
    if (!referral.consent && !(share && feedback)) {
      setConsentError(t.referral.consentMissing);
      return;
    }
    setConsentError(undefined);
    void perform({ to: 'SENT' }, referral);
  }

  const stepLabel = (step: Step) => (step.to === 'SENT' ? t.referral.sendDraft : t.referral.withdraw);

  if (conflict) {
    const possible = can(conflict.step.to, conflict.current);
    return (
      <section className="kern-stack lotse-conflict" aria-labelledby={headingId}>
        <h2 className="kern-heading-medium" id={headingId}>
          {t.referral.actions}
        </h2>
        <Alert kind="warning" title={t.referral.conflictTitle}>
          <p className="kern-body">{t.referral.conflictText}</p>
        </Alert>
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-title kern-title--small">{t.conflict.caption}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t.conflict.field}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.conflict.theirs}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.conflict.yours}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              <tr className="kern-table__row">
                <th scope="row" className="kern-table__cell">
                  {t.referral.conflictStatus}
                </th>
                <td className="kern-table__cell">{conflict.current.statusLabel}</td>
                <td className="kern-table__cell">{stepLabel(conflict.step)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        {!possible && <p className="kern-body">{t.referral.conflictNotPossible}</p>}
        {error && <Alert kind="danger" title={error} />}
        <div className="lotse-actions">
          {possible && (
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void perform(conflict.step, conflict.current)}>
              <span className="kern-label">{t.referral.conflictRetry}</span>
            </button>
          )}
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setConflict(undefined)}>
            <span className="kern-label">{t.referral.conflictDismiss}</span>
          </button>
        </div>
      </section>
    );
  }

  const canSend = can('SENT');
  const canWithdraw = can('WITHDRAWN');
  return (
    <section className="kern-stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {t.referral.actions}
      </h2>
      {done && <Alert kind="success" title={done} />}
      {error && <Alert kind="danger" title={error} />}
      {!canSend && !canWithdraw && <p className="kern-body">{t.referral.noActions}</p>}
      {canSend && (
        <div className="kern-stack">
          {!referral.consent && (
            <fieldset className={`kern-fieldset${consentError ? ' kern-fieldset--error' : ''}`}>
              <legend className="kern-label">{t.referral.consent}</legend>
              <p className="kern-body">{t.referral.consentIntro}</p>
              <div className="kern-fieldset__body">
                <CheckField label={t.referral.consentShare} checked={share} onChange={(e) => setShare(e.target.checked)} />
                <CheckField label={t.referral.consentFeedback} checked={feedback} onChange={(e) => setFeedback(e.target.checked)} />
              </div>
              <p className="kern-hint">{t.referral.consentWhen}</p>
              {consentError && <FieldError>{consentError}</FieldError>}
            </fieldset>
          )}
          <p className="lotse-actions">
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={send}>
              <span className="kern-label">{busy ? t.referral.sending : t.referral.sendDraft}</span>
            </button>
          </p>
        </div>
      )}
      {canWithdraw && !withdrawing && (
        <p className="lotse-actions">
          <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => setWithdrawing(true)}>
            <span className="kern-label">{t.referral.withdraw}</span>
          </button>
        </p>
      )}
      {canWithdraw && withdrawing && (
        <div className="kern-stack lotse-warning-box" role="group" aria-labelledby={`${headingId}-withdraw`}>
          <h3 className="kern-heading-small" id={`${headingId}-withdraw`}>
            {t.referral.withdrawTitle}
          </h3>
          <p className="kern-body">{t.referral.withdrawText}</p>
          <CheckField label={t.referral.withdrawConsent} checked={consentWithdrawn} onChange={(e) => setConsentWithdrawn(e.target.checked)} />
          <div className="lotse-actions">
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void perform({ to: 'WITHDRAWN', consentWithdrawn }, referral)}>
              <span className="kern-label">{t.referral.withdrawConfirm}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--tertiary" disabled={busy} onClick={() => setWithdrawing(false)}>
              <span className="kern-label">{t.referral.withdrawCancel}</span>
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
