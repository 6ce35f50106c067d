import '../roles.css';
import { useEffect, useRef, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { CAPACITY_STALE_DAYS, formatDate, formatDateTime, isStale } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import {
  PartnerLocationByIdDocument,
  PartnerServiceByIdDocument,
  RetirePartnerLocationDocument,
  RetirePartnerServiceDocument,
  type PartnerLocationFragment,
  type PartnerServiceFragment,
} from '../../graphql/generated/graphql';
import { Link } from '../../router';
import { formatNumber, t } from '../../texts';
import { capacitySummary } from './CapacityForm';
import { RetireDialog, type RetireTarget } from './RetireDialog';
import { useMyOrganizations, type PartnerOrganization } from './usePartnerData';

const statusKind = { ACTIVE: 'success', PENDING: 'warning', INACTIVE: 'danger' } as const;

/** undefined when the record is gone (a retired location is deleted; NOT_FOUND) */
async function unlessGone<R>(load: () => Promise<R | undefined>): Promise<R | undefined> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

function serviceTarget(s: PartnerServiceFragment): RetireTarget<PartnerServiceFragment> {
  return {
    kind: 'service',
    name: s.name,
    record: s,
    facts: (x) => [
      { label: t.editor.name, value: x.name },
      { label: t.editor.description, value: x.description },
      { label: t.partner.capacity, value: capacitySummary(x.capacity) },
      { label: t.partner.locations, value: x.locations.map((l) => `${l.street}, ${l.town}`).join('; ') },
    ],
    retire: (version) => gql(RetirePartnerServiceDocument, { id: s.id, expectedVersion: version }),
    reload: () => unlessGone(async () => {
      const { service } = await gql(PartnerServiceByIdDocument, { id: s.id });
      return service.status === 'INACTIVE' ? undefined : service;
    }),
  };
}

function locationTarget(l: PartnerLocationFragment, o: PartnerOrganization): RetireTarget<PartnerLocationFragment> {
  const services = o.services.filter((s) => s.locations.some((x) => x.id === l.id)).map((s) => `„${s.name}“`);
  return {
    kind: 'location',
    name: l.name ?? l.street,
    record: l,
    facts: (x) => [
      { label: t.location.name, value: x.name ?? '' },
      { label: t.retire.address, value: `${x.street}, ${x.postcode} ${x.town}` },
      { label: t.location.point, value: t.retire.point(formatNumber(x.latitude, 5), formatNumber(x.longitude, 5)) },
    ],
    consequences: services.length ? [t.retire.locationServices(services.join(', '))] : [],
    retire: (version) => gql(RetirePartnerLocationDocument, { id: l.id, expectedVersion: version }),
    reload: () => unlessGone(async () => (await gql(PartnerLocationByIdDocument, { id: l.id })).location),
  };
}

type Retiring = { service: RetireTarget<PartnerServiceFragment> } | { location: RetireTarget<PartnerLocationFragment> };

function OrganizationSection({ organization: o, onRetire }: { organization: PartnerOrganization; onRetire(r: Retiring): void }) {
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
        <Link className="kern-link" href={`/partner/organisation?id=${o.id}`} aria-label={t.organization.editLabel(o.name)}>
          {t.organization.editLink}
        </Link>
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
            const retired = s.status === 'INACTIVE';
            const stale = !retired && isStale(s.capacity.updatedAt);
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
                    {retired ? (
                      <Badge kind="info">{t.retire.retiredBadge}</Badge>
                    ) : visible && s.status === 'ACTIVE' ? (
                      <Badge kind="success">{t.partner.visible}</Badge>
                    ) : (
                      <Badge kind="warning">{t.partner.hidden}</Badge>
                    )}{' '}
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
                    {!retired && (
                      <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" aria-label={t.retire.serviceLabel(s.name)} onClick={() => onRetire({ service: serviceTarget(s) })}>
                        <span className="kern-label">{t.retire.service}</span>
                      </button>
                    )}
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
              </Link>{' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--x-small"
                aria-label={t.retire.locationLabel(l.name ?? l.street)}
                onClick={() => onRetire({ location: locationTarget(l, o) })}
              >
                <span className="kern-label">{t.retire.location}</span>
              </button>
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
  const { organizations, error, reload } = useMyOrganizations();
  const [retiring, setRetiring] = useState<Retiring>();
  const [done, setDone] = useState<string>();
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const finish = (message: string) => {
    setRetiring(undefined);
    setDone(message);
    void reload();
  };
  const dialogProps = { onDone: finish, onClose: () => setRetiring(undefined), onChanged: () => void reload() };
  const stale = organizations?.flatMap((o) => o.services).filter((s) => s.status !== 'INACTIVE' && isStale(s.capacity.updatedAt)) ?? [];
  return (
    <div className="kern-stack">
      <PageTitle>{t.partner.title}</PageTitle>
      <p className="kern-body">{t.partner.intro}</p>
      {error && <Alert kind="danger" title={error.message} />}
      {done && (
        <div ref={doneRef} tabIndex={-1}>
          <Alert kind="success" title={done} />
        </div>
      )}
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
      {organizations?.map((o) => (
        <OrganizationSection
          key={o.id}
          organization={o}
          onRetire={(r) => {
            setDone(undefined);
            setRetiring(r);
          }}
        />
      ))}
      {retiring && 'service' in retiring && <RetireDialog target={retiring.service} {...dialogProps} />}
      {retiring && 'location' in retiring && <RetireDialog target={retiring.location} {...dialogProps} />}
    </div>
  );
}
