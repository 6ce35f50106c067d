import { useId, useState } from 'react';
import { t } from '../texts';
import { codeGroups, spellCode } from './referral';
import './referral.css';

/**
 * The referral code, big and readable: its three groups apart, in a monospace face, spelled sign by
 * sign for screen readers, with a copy button. The code is never logged or sent anywhere from here.
 */
export function ReferralCode({ code, small, copy = true }: { code: string; small?: boolean; copy?: boolean }) {
  const labelId = useId();
  const [message, setMessage] = useState('');
  const groups = codeGroups(code);

  async function copyCode() {
    try {
      await navigator.clipboard.writeText(code);
      setMessage(t.referral.copied);
    } catch {
      setMessage(t.referral.copyFailed);
    }
  }

  return (
    <div className={`lotse-code${small ? ' lotse-code--small' : ''}`} role="group" aria-labelledby={labelId}>
      <p className="kern-label" id={labelId}>
        {t.referral.code}
      </p>
      <p className="lotse-code__value" data-referral-code={code}>
        <span aria-hidden="true" className="lotse-code__visual">
          {groups.map((g, i) => (
            <span key={i}>
              {i > 0 && <span className="lotse-code__sep">-</span>}
              <span className="lotse-code__group">{g}</span>
            </span>
          ))}
        </span>
        <span className="kern-sr-only">{t.referral.codeSpelled(spellCode(code))}</span>
      </p>
      {copy && (
        <div className="lotse-actions">
          <button type="button" className="kern-btn kern-btn--secondary" onClick={copyCode}>
            <span className="kern-icon kern-icon--content-copy kern-icon--small" aria-hidden="true" />
            <span className="kern-label">{t.referral.copy}</span>
          </button>
          <span className="kern-body kern-body--small" role="status">
            {message}
          </span>
        </div>
      )}
    </div>
  );
}
