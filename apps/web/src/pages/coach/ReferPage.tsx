import { useEffect, useRef, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { HandoutCode } from '../../coach/HandoutCode';
import { useNeedLabels } from '../../coach/needLabels';
import { referralHref, referralStart, serviceHref } from '../../coach/referral';
import { ReferralCode } from '../../coach/ReferralCode';
import { ReferralForm, type ReferralService } from '../../coach/ReferralForm';
import { CoachServiceDocument, type CoachReferralDetailFragment } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';

/**
 * "Vermitteln": the referral form for one service (at the location the coach came from), then the
 * referral code, big, with what to do with it. The URL names the listing only (?angebot=…&standort=…);
 * the needs preselected from a match come through memory, never the URL.
 */
export function ReferPage() {
  const { search } = useRouter();
  const params = new URLSearchParams(search);
  const serviceId = params.get('angebot') ?? '';
  const locationId = params.get('standort') ?? undefined;
  const [service, setService] = useState<ReferralService>();
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<CoachReferralDetailFragment>();
  const labels = useNeedLabels();
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!serviceId) {
      setError(t.errors.notFound);
      return;
    }
    let live = true;
    gql(CoachServiceDocument, { id: serviceId })
      .then((r) => live && setService(r.service))
      .catch((e) => live && setError(e instanceof ApiError ? e.message : t.errors.server));
    return () => {
      live = false;
    };
  }, [serviceId]);

  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);

  const location = service?.locations.find((l) => l.id === (created?.target.locationId ?? locationId)) ?? service?.locations[0];

  return (
    <div className="kern-stack">
      <PageTitle>{service ? t.referral.referService(service.name) : t.referral.newTitle}</PageTitle>
      {error && <Alert kind="danger" title={error} />}
      {!service && !error && <Loading label={t.referral.loadingService} />}
      {service && !created && (
        <>
          <p className="kern-body">{t.referral.newIntro}</p>
          <section className="kern-card lotse-card" aria-labelledby="refer-target">
            <div className="kern-card__container">
              <header className="kern-card__header">
                <p className="kern-preline">{t.referral.target}</p>
                <h2 className="kern-title" id="refer-target">
                  {service.name}
                </h2>
                <p className="kern-subline">
                  {service.organization.name}
                  {service.organization.fictitious && <span className="kern-badge kern-badge--warning lotse-badge">{t.card.fictitious}</span>}
                </p>
              </header>
              <div className="kern-card__body">
                {service.locations.length === 1 && location && (
                  <p className="kern-body">
                    {location.street}, {location.postcode} {location.town}
                  </p>
                )}
                <p className="kern-body">
                  <Link className="kern-link" href={serviceHref(service.id, location?.id)}>
                    {t.referral.openService}
                  </Link>
                </p>
              </div>
            </div>
          </section>
          <ReferralForm
            service={service}
            locationId={locationId}
            preselectedNeeds={locationId ? referralStart.get(service.id, locationId) : undefined}
            preselectedLanguages={locationId ? referralStart.languages(service.id, locationId) : undefined}
            needLabels={labels}
            onCreated={setCreated}
          />
        </>
      )}
      {service && created && (
        <section className="kern-stack" aria-labelledby="refer-done">
          <h2 className="kern-heading-medium" id="refer-done" ref={doneRef} tabIndex={-1}>
            {created.status === 'DRAFT' ? t.referral.draftTitle : t.referral.sentTitle}
          </h2>
          {created.status === 'DRAFT' && <p className="kern-body">{t.referral.draftText}</p>}
          <ReferralCode code={created.code} />
          <p className="kern-body">{t.referral.codeHint}</p>
          {created.contactRoute === 'PARTICIPANT_CALLS' && <p className="kern-body">{t.referral.codeHintCall}</p>}
          <HandoutCode code={created.code} serviceId={created.target.serviceId} locationId={created.target.locationId} service={service} />
          <div className="lotse-actions">
            <Link className="kern-link" href={referralHref(created.id)}>
              {t.referral.toDetail}
            </Link>
            <Link className="kern-link" href="/vermittlungen">
              {t.referral.toMine}
            </Link>
          </div>
        </section>
      )}
    </div>
  );
}
