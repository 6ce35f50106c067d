import { useId, useState } from 'react';
import { useRole } from '../auth/session';
import type { TargetCardFragment } from '../graphql/generated/graphql';
import { Link } from '../router';
import { formatCost, formatDate, formatHours, t } from '../texts';
import { addressOf, distanceText, entryKey, needMatchText, nextSession, phonesOf, sessionText, shortlistEntryOf, todaysHours, travelText } from './offer';
import { referHref, referralStart, serviceHref } from './referral';
import { shortlist, useShortlist } from './shortlist';

interface Props {
  target: TargetCardFragment;
  /** 1-based rank in the list, when it is one */
  rank?: number;
  headingLevel?: 3 | 4;
  now?: Date;
  onAnnounce?: (message: string) => void;
  /** highlighted because it is selected on the map */
  active?: boolean;
  /** show "Vermitteln" (default: when a coach is logged in) */
  canRefer?: boolean;
}

/**
 * One referral target: what a coach needs to say to the participant at a glance (name, who runs
 * it, where, phone, today's hours, next course, capacity with its date, the trip, when it was last
 * checked), the reasons for its rank, the shortlist button and, for coaches, "Vermitteln" (the
 * matched needs go to the form through memory). Details fold open.
 */
export function TargetCard({ target, rank, headingLevel = 3, now = new Date(), onAnnounce, active, canRefer }: Props) {
  const entries = useShortlist();
  const role = useRole();
  const refer = canRefer ?? role === 'COACH';
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { service, location } = target;
  const key = entryKey(target);
  const onList = entries.some((e) => e.key === key);
  const today = todaysHours(service.openingHours, now);
  const next = nextSession(service.sessions, now);
  const cap = service.capacity;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const phones = phonesOf(target);

  return (
    <article className={`kern-card lotse-card${active ? ' lotse-card--active' : ''}`} aria-labelledby={`${detailsId}-title`} data-target-key={key}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          {rank !== undefined && <p className="kern-preline lotse-rank">{t.results.rank(rank)}</p>}
          <H className="kern-title" id={`${detailsId}-title`}>
            {service.name}
          </H>
          <p className="kern-subline">
            {service.organization.name}
            {service.organization.fictitious && <span className="kern-badge kern-badge--warning lotse-badge">{t.card.fictitious}</span>}
          </p>
        </header>
        <div className="kern-card__body">
          <dl className="lotse-facts">
            <div>
              <dt>{t.card.kind}</dt>
              <dd>
                {target.partnerKind.labelDe}
                {target.preferredKind && ` (${t.card.preferredKind})`}
              </dd>
            </div>
            <div>
              <dt>{t.card.needs}</dt>
              <dd>{target.needMatches.map(needMatchText).join(', ')}</dd>
            </div>
            <div>
              <dt>{t.card.address}</dt>
              <dd>
                {location.name && location.name !== service.organization.name && <>{location.name}, </>}
                {addressOf(location)}
              </dd>
            </div>
            <div>
              <dt>{t.card.phone}</dt>
              <dd>
                {phones.length
                  ? phones.map((p, i) => (
                      <span key={p} className="lotse-phone">
                        {i > 0 && ' · '}
                        <a className="kern-link" href={`tel:${p.replace(/^.*: /, '').replace(/[^+\d]/g, '')}`}>
                          {p}
                        </a>
                      </span>
                    ))
                  : '–'}
              </dd>
            </div>
            <div>
              <dt>{t.card.hoursToday}</dt>
              <dd>{service.openingHours.length === 0 ? t.card.noHours : today ?? t.card.closedToday}</dd>
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
              <dt>{t.card.travel}</dt>
              <dd>
                {travelText(target)}
                {!target.comesToPerson && <span className="lotse-muted">, {distanceText(target.distanceMeters)}</span>}
              </dd>
            </div>
            <div>
              <dt>{t.card.cost}</dt>
              <dd>{formatCost(service.cost)}</dd>
            </div>
            <div>
              <dt>{t.card.verifiedLabel}</dt>
              <dd>{service.verification.verifiedAt ? t.card.verified(formatDate(service.verification.verifiedAt)) : t.card.neverVerified}</dd>
            </div>
          </dl>
          <details className="lotse-reasons">
            <summary>{t.card.reasons}</summary>
            <ul className="kern-list">
              {[...target.reasons]
                .sort((a, b) => b.contribution - a.contribution)
                .map((r) => (
                  <li key={r.factor}>{r.explanation}</li>
                ))}
            </ul>
          </details>
          {(
            <div id={detailsId} className="lotse-details kern-stack" hidden={!open}>
              {service.description && <p className="kern-body">{service.description}</p>}
              {service.openingHours.length > 0 && (
                <div>
                  <p className="kern-body kern-body--bold">{t.card.allHours}</p>
                  <ul className="kern-list">
                    {formatHours(service.openingHours).map((h) => (
                      <li key={h}>{h}</li>
                    ))}
                  </ul>
                </div>
              )}
              {service.sessions.length > 0 && (
                <div>
                  <p className="kern-body kern-body--bold">{t.card.courses}</p>
                  <ul className="kern-list">
                    {service.sessions.map((s) => (
                      <li key={s.id}>{sessionText(s)}</li>
                    ))}
                  </ul>
                </div>
              )}
              {service.languageNames.length > 0 && (
                <p className="kern-body">
                  {t.card.languages}: {service.languageNames.map((l) => l.nameDe).join(', ')}
                </p>
              )}
              {service.accessibility.length > 0 && (
                <p className="kern-body">
                  {t.card.accessibility}: {service.accessibility.map((a) => t.accessibility[a] ?? a).join(', ')}
                </p>
              )}
              <p className="kern-body">
                <Link className="kern-link" href={serviceHref(service.id, location.id)}>
                  {t.referral.openServiceNamed(service.name)}
                </Link>
              </p>
              {(service.organization.email || service.organization.website) && (
                <p className="kern-body">
                  {service.organization.email && (
                    <>
                      {t.card.email}:{' '}
                      <a className="kern-link" href={`mailto:${service.organization.email}`}>
                        {service.organization.email}
                      </a>{' '}
                    </>
                  )}
                  {service.organization.website && (
                    <>
                      {t.card.website}: <span>{service.organization.website}</span>
                    </>
                  )}
                </p>
              )}
            </div>
          )}
        </div>
        <footer className="kern-card__footer lotse-card__actions">
          <button type="button" className="kern-btn kern-btn--tertiary" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
            <span className="kern-label">{open ? t.card.hideDetails : t.card.details}</span>
          </button>
          {refer && (
            <Link
              className="kern-btn kern-btn--secondary"
              href={referHref(service.id, location.id)}
              onClick={() =>
                referralStart.set(
                  service.id,
                  location.id,
                  target.needMatches.map((m) => m.need.code),
                )
              }
            >
              <span className="kern-icon kern-icon--arrow-forward kern-icon--small" aria-hidden="true" />
              <span className="kern-label">
                {t.referral.refer}
                <span className="kern-sr-only">: {service.name}</span>
              </span>
            </Link>
          )}
          <button
            type="button"
            className={`kern-btn ${onList ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
            onClick={() => {
              if (onList) {
                shortlist.remove(key);
                onAnnounce?.(t.shortlist.removed(service.name));
              } else {
                shortlist.add(shortlistEntryOf(target, now));
                onAnnounce?.(t.shortlist.added(service.name));
              }
            }}
          >
            <span className={`kern-icon kern-icon--${onList ? 'check' : 'add'} kern-icon--small`} aria-hidden="true" />
            <span className="kern-label">{onList ? t.card.removeFromShortlist : t.card.addToShortlist}</span>
          </button>
        </footer>
      </div>
    </article>
  );
}
