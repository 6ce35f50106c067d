import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useRole } from '../../auth/session';
import { Alert, Loading } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { nextSession, sessionText, shortlistEntryOfService } from '../../coach/offer';
import { referHref } from '../../coach/referral';
import type { ReferralService } from '../../coach/ReferralForm';
import { shortlist, useShortlist } from '../../coach/shortlist';
import { CoachServiceDocument } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { formatCost, formatDate, formatHours, t } from '../../texts';

/**
 * One service's page (from a search hit or a result card): everything about the offer, each of its
 * locations with its phone, "Vermitteln" for coaches and the shortlist button per location.
 */
export function ServicePage() {
  const { search } = useRouter();
  const params = new URLSearchParams(search);
  const id = params.get('id') ?? '';
  const preferred = params.get('standort');
  const role = useRole();
  const entries = useShortlist();
  const [service, setService] = useState<ReferralService>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!id) {
      setError(t.errors.notFound);
      return;
    }
    let live = true;
    gql(CoachServiceDocument, { id })
      .then((r) => live && setService(r.service))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : t.errors.server));
    return () => {
      live = false;
    };
  }, [id]);

  if (error)
    return (
      <div className="kern-stack">
        <PageTitle>{t.referral.openService}</PageTitle>
        <Alert kind="danger" title={error} />
      </div>
    );
  if (!service) return <Loading label={t.referral.loadingService} />;

  const locations = [...service.locations].sort((a, b) => (a.id === preferred ? -1 : b.id === preferred ? 1 : 0));
  const next = nextSession(service.sessions, new Date());
  const cap = service.capacity;

  return (
    <div className="kern-stack">
      <PageTitle>{service.name}</PageTitle>
      <p className="kern-body">
        {service.organization.name}
        {service.organization.fictitious && <span className="kern-badge kern-badge--warning lotse-badge">{t.card.fictitious}</span>}
      </p>
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
      {service.description && <p className="kern-body">{service.description}</p>}
      <dl className="lotse-facts">
        <div>
          <dt>{t.card.kind}</dt>
          <dd>{t.categories[service.category] ?? service.category}</dd>
        </div>
        <div>
          <dt>{t.card.needs}</dt>
          <dd>{service.needs.map((n) => n.labelDe).join(', ') || '–'}</dd>
        </div>
        <div>
          <dt>{t.card.allHours}</dt>
          <dd>{formatHours(service.openingHours).join('; ') || t.card.noHours}</dd>
        </div>
        {service.category === 'COURSE' && (
          <div>
            <dt>{t.card.nextCourse}</dt>
            <dd>{next ? sessionText(next) : t.card.noCourse}</dd>
          </div>
        )}
        <div>
          <dt>{t.card.capacity}</dt>
          <dd>
            {cap.acceptingNewClients ? t.card.acceptsNew : t.card.acceptsNoNew}
            {cap.freeSeats != null && `, ${t.card.freeSeats(cap.freeSeats)}`}
            {cap.waitingDays != null && `, ${t.card.waiting(cap.waitingDays)}`} <span className="lotse-muted">({t.card.asOf(formatDate(cap.updatedAt))})</span>
          </dd>
        </div>
        <div>
          <dt>{t.card.cost}</dt>
          <dd>{formatCost(service.cost)}</dd>
        </div>
        {service.languageNames.length > 0 && (
          <div>
            <dt>{t.card.languages}</dt>
            <dd>{service.languageNames.map((l) => l.nameDe).join(', ')}</dd>
          </div>
        )}
        {service.accessibility.length > 0 && (
          <div>
            <dt>{t.card.accessibility}</dt>
            <dd>{service.accessibility.map((a) => t.accessibility[a] ?? a).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t.card.verifiedLabel}</dt>
          <dd>{service.verification.verifiedAt ? t.card.verified(formatDate(service.verification.verifiedAt)) : t.card.neverVerified}</dd>
        </div>
        {service.organization.email && (
          <div>
            <dt>{t.card.email}</dt>
            <dd>
              <a className="kern-link" href={`mailto:${service.organization.email}`}>
                {service.organization.email}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <section className="kern-stack" aria-labelledby="service-locations">
        <h2 className="kern-heading-medium" id="service-locations">
          {t.search.locations}
        </h2>
        <ul className="lotse-cards">
          {locations.map((l) => {
            const key = `${service.id}@${l.id}`;
            const onList = entries.some((e) => e.key === key);
            const phones = (l.phones.length ? l.phones : service.organization.phones).map((p) => (p.label ? `${p.label}: ${p.number}` : p.number));
            const place = `${l.street}, ${l.postcode} ${l.town}`;
            return (
              <li key={l.id}>
                <article className="kern-card lotse-card" aria-labelledby={`loc-${l.id}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`loc-${l.id}`}>
                        {l.name ? `${l.name}, ${place}` : place}
                      </h3>
                    </header>
                    <div className="kern-card__body">
                      <dl className="lotse-facts">
                        <div>
                          <dt>{t.card.phone}</dt>
                          <dd>{phones.join(' · ') || '–'}</dd>
                        </div>
                      </dl>
                    </div>
                    <footer className="kern-card__footer lotse-card__actions">
                      {role === 'COACH' && (
                        <Link className="kern-btn kern-btn--primary" href={referHref(service.id, l.id)}>
                          <span className="kern-label">
                            {t.referral.refer}
                            <span className="kern-sr-only">: {place}</span>
                          </span>
                        </Link>
                      )}
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary"
                        onClick={() => {
                          if (onList) {
                            shortlist.remove(key);
                            setAnnouncement(t.shortlist.removed(service.name));
                          } else {
                            const entry = shortlistEntryOfService(service, l.id);
                            if (entry) shortlist.add(entry);
                            setAnnouncement(t.shortlist.added(service.name));
                          }
                        }}
                      >
                        <span className="kern-label">
                          {onList ? t.card.removeFromShortlist : t.card.addToShortlist}
                          <span className="kern-sr-only">: {place}</span>
                        </span>
                      </button>
                    </footer>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
