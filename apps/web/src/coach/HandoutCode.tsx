import { useState } from 'react';
import { gql } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert } from '../components/Alert';
import { CoachServiceDocument } from '../graphql/generated/graphql';
import { Link } from '../router';
import { t } from '../texts';
import { shortlistEntryOfService } from './offer';
import type { ReferralService } from './ReferralForm';
import { shortlist, useShortlist } from './shortlist';

/**
 * Puts a referral's code on the participant's hand-out: the offer's shortlist entry (added when it
 * is not on the list) carries the code, in this browser only. Or takes it off again.
 */
export function HandoutCode({ code, serviceId, locationId, service }: { code: string; serviceId: string; locationId: string; service?: ReferralService }) {
  const entries = useShortlist();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = `${serviceId}@${locationId}`;
  const entry = entries.find((e) => e.key === key);
  const onHandout = entry?.referralCode === code;

  async function put() {
    setBusy(true);
    setError(undefined);
    try {
      if (entry) shortlist.setCode(entry, code);
      else {
        const s = service ?? (await gql(CoachServiceDocument, { id: serviceId })).service;
        const fresh = shortlistEntryOfService(s, locationId);
        if (!fresh) throw new ApiError('NOT_FOUND', t.errors.notFound);
        shortlist.setCode(fresh, code);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t.errors.server);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kern-stack">
      {onHandout ? (
        <>
          <p className="kern-body" role="status">
            {t.referral.onHandout}
          </p>
          <div className="lotse-actions">
            <Link className="kern-btn kern-btn--primary" href="/merkliste/druck">
              <span className="kern-label">{t.referral.toPrint}</span>
            </Link>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => entry && shortlist.setCode(entry, undefined)}>
              <span className="kern-label">{t.referral.removeFromHandout}</span>
            </button>
          </div>
        </>
      ) : (
        <div className="lotse-actions">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={put} disabled={busy}>
            <span className="kern-icon kern-icon--add kern-icon--small" aria-hidden="true" />
            <span className="kern-label">{t.referral.toHandout}</span>
          </button>
        </div>
      )}
      {error && <Alert kind="danger" title={error} />}
    </div>
  );
}
