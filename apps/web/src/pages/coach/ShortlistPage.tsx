import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { shortlist, useShortlist } from '../../coach/shortlist';
import { Link } from '../../router';
import { t } from '../../texts';
import '../../coach/referral.css';

/** The shortlist: kept in this browser only; from here to the print view and the PDF. */
export function ShortlistPage() {
  const entries = useShortlist();
  const [announcement, setAnnouncement] = useState('');
  return (
    <div className="kern-stack">
      <PageTitle>{t.shortlist.title}</PageTitle>
      <p className="kern-body">{t.shortlist.intro}</p>
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
      {entries.length === 0 ? (
        <Alert kind="info" title={t.shortlist.empty}>
          <p className="kern-body">
            <Link className="kern-link" href="/angebote">
              {t.nav.find}
            </Link>
          </p>
        </Alert>
      ) : (
        <>
          <p className="kern-body">{t.shortlist.count(entries.length)}</p>
          <ol className="lotse-cards">
            {entries.map((e) => (
              <li key={e.key}>
                <article className="kern-card lotse-card" aria-labelledby={`sl-${e.key}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h2 className="kern-title" id={`sl-${e.key}`}>
                        {e.serviceName}
                      </h2>
                      <p className="kern-subline">{e.organizationName}</p>
                    </header>
                    <div className="kern-card__body">
                      <dl className="lotse-facts">
                        {e.referralCode && (
                          <div>
                            <dt>{t.referral.code}</dt>
                            <dd className="lotse-referral-code-inline">{e.referralCode}</dd>
                          </div>
                        )}
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
                    </div>
                    <footer className="kern-card__footer">
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary"
                        onClick={() => {
                          shortlist.remove(e.key);
                          setAnnouncement(t.shortlist.removed(e.serviceName));
                        }}
                      >
                        <span className="kern-icon kern-icon--delete kern-icon--small" aria-hidden="true" />
                        <span className="kern-label">
                          {t.shortlist.remove}
                          <span className="kern-sr-only">: {e.serviceName}</span>
                        </span>
                      </button>
                    </footer>
                  </div>
                </article>
              </li>
            ))}
          </ol>
          <div className="lotse-actions">
            <Link className="kern-btn kern-btn--primary" href="/merkliste/druck">
              <span className="kern-label">{t.shortlist.printView}</span>
            </Link>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => shortlist.clear()}>
              <span className="kern-label">{t.shortlist.clear}</span>
            </button>
          </div>
        </>
      )}
    </div>
  );
}
