import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { spellCode } from '../../coach/referral';
import { useShortlist } from '../../coach/shortlist';
import { Link } from '../../router';
import { formatDate, t } from '../../texts';
import '../../coach/referral.css';

/**
 * The hand-out for the participant: an A4 page (print stylesheet hides the app's frame) and the
 * same as a PDF made in the browser (pdf-lib, loaded only on demand). The note field is for the
 * coach to add e.g. an appointment; it lives only on this page and is never stored or sent.
 */
export function PrintPage() {
  const entries = useShortlist();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const today = formatDate(new Date().toISOString());

  async function downloadPdf() {
    setBusy(true);
    try {
      const { handoutPdf } = await import('../../coach/handoutPdf');
      const bytes = await handoutPdf(entries, { date: today, note });
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = t.shortlist.pdfFile;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kern-stack lotse-print">
      <div className="lotse-noprint kern-stack">
        <PageTitle>{t.shortlist.printView}</PageTitle>
        <p>
          <Link className="kern-link" href="/merkliste">
            {t.shortlist.back}
          </Link>
        </p>
        {entries.length === 0 && <Alert kind="info" title={t.shortlist.empty} />}
        {entries.length > 0 && (
          <>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="handout-note">
                {t.shortlist.noteLabel}
              </label>
              <textarea id="handout-note" className="kern-form-input__input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="lotse-actions">
              <button type="button" className="kern-btn kern-btn--primary" onClick={() => window.print()}>
                <span className="kern-label">{t.shortlist.print}</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={downloadPdf} disabled={busy}>
                <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{busy ? t.shortlist.pdfBusy : t.shortlist.pdf}</span>
              </button>
            </div>
          </>
        )}
      </div>
      {entries.length > 0 && (
        <section className="lotse-handout" aria-labelledby="handout-title">
          <h2 className="kern-heading-medium" id="handout-title">
            {t.shortlist.handoutTitle}
          </h2>
          <p className="kern-body">{t.shortlist.handoutDate(today)}</p>
          <p className="kern-body">{t.shortlist.handoutIntro}</p>
          {note && <p className="kern-body lotse-handout__note">{note}</p>}
          <ol className="lotse-handout__list">
            {entries.map((e) => (
              <li key={e.key}>
                <h3 className="kern-title">{e.serviceName}</h3>
                <p className="kern-body">{e.organizationName}</p>
                {e.referralCode && (
                  <div className="lotse-handout__code">
                    <p className="kern-body">
                      <strong>{t.referral.handoutCode}: </strong>
                      <span className="lotse-referral-code-inline" aria-hidden="true">
                        {e.referralCode}
                      </span>
                      <span className="kern-sr-only">{spellCode(e.referralCode)}</span>
                    </p>
                    <p className="kern-body kern-body--small">{t.referral.handoutCodeHint}</p>
                  </div>
                )}
                <dl className="lotse-facts">
                  <div>
                    <dt>{t.card.address}</dt>
                    <dd>{e.address}</dd>
                  </div>
                  <div>
                    <dt>{t.card.phone}</dt>
                    <dd>{e.phones.join(' · ') || '–'}</dd>
                  </div>
                  <div>
                    <dt>{t.shortlist.hours}</dt>
                    <dd>{e.hours.join('; ') || t.card.noHours}</dd>
                  </div>
                  {e.nextCourse && (
                    <div>
                      <dt>{t.card.nextCourse}</dt>
                      <dd>{e.nextCourse}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t.card.cost}</dt>
                    <dd>{e.cost}</dd>
                  </div>
                  <div>
                    <dt>{t.shortlist.howToGetThere}</dt>
                    <dd>{e.travel}</dd>
                  </div>
                </dl>
                {e.fictitious && <p className="kern-body kern-body--small">{t.card.fictitious}</p>}
              </li>
            ))}
          </ol>
          <p className="kern-body kern-body--small">{t.shortlist.handoutFooter}</p>
        </section>
      )}
    </div>
  );
}
