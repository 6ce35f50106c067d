import '../roles.css';
import { Alert, Loading } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { CAPACITY_STALE_DAYS, formatDate, formatDateTime, isStale } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { Link } from '../../router';
import { t } from '../../texts';
import { capacitySummary } from './CapacityForm';
import { useMyOrganizations, type PartnerOrganization } from './usePartnerData';

const statusKind = { ACTIVE: 'success', PENDING: 'warning', INACTIVE: 'danger' } as const;

function OrganizationSection({ organization: o }: { organization: PartnerOrganization }) {
  const visible = o.status === 'ACTIVE';
  return (
    <section className="kern-stack lotse-org" aria-labelledby={`org-${o.id}`}>
      <div className="lotse-org__header">
        <h2 className="kern-heading-medium" id={`org-${o.id}`}>
          {o.name}
        </h2>
        <p className="lotse-badges">
          <Badge kind={statusKind[o.status]}>{t.partner.orgStatus[o.status]}</Badge>{' '}
          <span className="kern-body kern-body--small">{o.verification.verifiedAt ? t.partner.verifiedOn(formatDate(o.verification.verifiedAt)) : t.partner.neverVerified}</span>
        </p>
      </div>
      {o.status === 'PENDING' && <p className="kern-body">{t.partner.orgPendingText}</p>}
      <p className="lotse-actions">
        <Link className="kern-link" href={`/partner/protokoll?organisation=${o.id}`}>
          {t.partner.auditLink}
        </Link>
      </p>

      <h3 className="kern-heading-small">{t.partner.services}</h3>
      {o.services.length === 0 ? (
        <p className="kern-body">{t.partner.noServices}</p>
      ) : (
        <ul className="lotse-cards">
          {o.services.map((s) => {
            const stale = isStale(s.capacity.updatedAt);
            return (
              <li key={s.id} className="kern-card kern-card--small">
                <div className="kern-card__container">
                  <h4 className="kern-title">{s.name}</h4>
                  <dl className="kern-description-list">
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{t.partner.category}</dt>
                      <dd className="kern-description-list-item__value">{t.categories[s.category] ?? s.category}</dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{t.partner.at}</dt>
                      <dd className="kern-description-list-item__value">{s.locations.map((l) => `${l.street}, ${l.town}`).join('; ') || '–'}</dd>
                    </div>
                    <div className="kern-description-list-item">
                      <dt className="kern-description-list-item__key">{t.partner.capacity}</dt>
                      <dd className="kern-description-list-item__value">
                        {capacitySummary(s.capacity)} ({t.capacity.asOf(formatDateTime(s.capacity.updatedAt))})
                      </dd>
                    </div>
                  </dl>
                  <p className="lotse-badges">
                    {visible && s.status === 'ACTIVE' ? <Badge kind="success">{t.partner.visible}</Badge> : <Badge kind="warning">{t.partner.hidden}</Badge>}{' '}
                    {s.verification.verifiedAt ? (
                      <span className="kern-body kern-body--small">{t.partner.verifiedOn(formatDate(s.verification.verifiedAt))}</span>
                    ) : (
                      <Badge kind="info">{t.partner.pendingVerification}</Badge>
                    )}{' '}
                    {stale && <Badge kind="warning">{t.capacity.staleBadge}</Badge>}
                  </p>
                  <p className="lotse-actions">
                    <Link className="kern-link" href={`/partner/angebot?id=${s.id}`} aria-label={t.partner.editService(s.name)}>
                      {t.partner.edit}
                    </Link>
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <h3 className="kern-heading-small">{t.partner.locations}</h3>
      {o.locations.length === 0 ? (
        <p className="kern-body">{t.partner.noLocations}</p>
      ) : (
        <ul className="lotse-list">
          {o.locations.map((l) => (
            <li key={l.id}>
              <span className="kern-body">
                {l.name ? `${l.name}: ` : ''}
                {l.street}, {l.postcode} {l.town}
              </span>{' '}
              <Link className="kern-link" href={`/partner/standort?id=${l.id}`} aria-label={t.partner.editLocation(l.name ?? l.street)}>
                {t.partner.edit}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="kern-link" href={`/partner/standort?organisation=${o.id}`}>
          {t.partner.addLocation}
        </Link>
      </p>
    </section>
  );
}

/** The partner's start page: organisations, services and locations, with what is visible and what is pending. */
export function PartnerHome() {
  const { organizations, error } = useMyOrganizations();
  const stale = organizations?.flatMap((o) => o.services).filter((s) => isStale(s.capacity.updatedAt)) ?? [];
  return (
    <div className="kern-stack">
      <PageTitle>{t.partner.title}</PageTitle>
      <p className="kern-body">{t.partner.intro}</p>
      {error && <Alert kind="danger" title={error.message} />}
      {!organizations && !error && <Loading label={t.partner.loading} />}
      {organizations?.length === 0 && <Alert kind="info" title={t.partner.none} />}
      {stale.length > 0 && (
        <Alert kind="warning" title={t.partner.staleTitle}>
          <p className="kern-body">
            {t.partner.staleText(stale.length, CAPACITY_STALE_DAYS)}{' '}
            <Link className="kern-link" href="/partner/plaetze">
              {t.partner.capacityLink}
            </Link>
          </p>
        </Alert>
      )}
      {organizations && organizations.length > 0 && (
        <p>
          <Link className="kern-btn kern-btn--primary" href="/partner/plaetze">
            <span className="kern-label">{t.partner.capacityLink}</span>
          </Link>
        </p>
      )}
      {organizations?.map((o) => <OrganizationSection key={o.id} organization={o} />)}
    </div>
  );
}
