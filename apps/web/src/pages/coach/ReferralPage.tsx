import { useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { HandoutCode } from '../../coach/HandoutCode';
import { languageName, needsText, useNeedLabels } from '../../coach/needLabels';
import { daysSince } from '../../coach/referral';
import { ReferralActions } from '../../coach/ReferralActions';
import { ReferralCode } from '../../coach/ReferralCode';
import { ReferralStatusBadges } from '../../coach/ReferralStatusBadges';
import { CoachReferralDocument, type CoachReferralDetailFragment } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';
import '../../coach/referral.css';

const CLOSED = ['DECLINED', 'COMPLETED', 'NOT_COME_ABOUT', 'WITHDRAWN'];

/**
 * One referral of the coach (or their team): the code, where it went and for what, the consent,
 * the full history (when, which side, why) and the moves the coach may make from here.
 */
export function ReferralPage({ now = new Date() }: { now?: Date }) {
  const { search } = useRouter();
  const id = new URLSearchParams(search).get('id') ?? '';
  const [referral, setReferral] = useState<CoachReferralDetailFragment>();
  const [error, setError] = useState<string>();
  const labels = useNeedLabels();

  const reload = async () => (await gql(CoachReferralDocument, { id })).referral;

  useEffect(() => {
    let live = true;
    setReferral(undefined);
    setError(undefined);
    reload()
      .then((r) => live && setReferral(r))
      .catch((e) => live && setError(e instanceof ApiError && e.code !== 'NOT_FOUND' ? e.message : t.referral.notFound));
    return () => {
      live = false;
    };
  }, [id]);

  const back = (
    <p>
      <Link className="kern-link" href="/vermittlungen">
        {t.referral.back}
      </Link>
    </p>
  );

  if (error)
    return (
      <div className="kern-stack">
        <PageTitle>{t.referral.detailTitle}</PageTitle>
        <Alert kind="danger" title={error} />
        {back}
      </div>
    );
  if (!referral) return <Loading label={t.app.loading} />;

  const r = referral;
  const open = !CLOSED.includes(r.status);
  return (
    <div className="kern-stack">
      <PageTitle>
        {t.referral.detailTitle}: {r.target.serviceName ?? t.errors.notFound}
      </PageTitle>
      {back}
      <ReferralStatusBadges referral={r} now={now} />
      {r.stale && (
        <Alert kind="warning" title={t.referral.stale(daysSince(r.updatedAt, now))}>
          <p className="kern-body">{t.referral.staleHint}</p>
        </Alert>
      )}
      <ReferralCode code={r.code} />
      {open && (
        <>
          <p className="kern-body">{t.referral.codeHint}</p>
          <HandoutCode code={r.code} serviceId={r.target.serviceId} locationId={r.target.locationId} />
        </>
      )}
      <dl className="lotse-facts">
        <div>
          <dt>{t.referral.target}</dt>
          <dd>
            {r.target.serviceName}
            {r.target.organizationName && <>, {r.target.organizationName}</>}
            {r.target.locationAddress && <>, {r.target.locationAddress}</>}
          </dd>
        </div>
        <div>
          <dt>{t.referral.status}</dt>
          <dd>
            {r.statusLabel}
            {r.reasonLabel && ` – ${r.reasonLabel}`}
            {r.reasonText && ` („${r.reasonText}“)`}
          </dd>
        </div>
        <div>
          <dt>{t.card.needs}</dt>
          <dd>{needsText(r.needs, labels)}</dd>
        </div>
        <div>
          <dt>{t.referral.urgency}</dt>
          <dd>{r.urgencyLabel}</dd>
        </div>
        <div>
          <dt>{t.referral.languagesShort}</dt>
          <dd>{r.languages.length ? r.languages.map(languageName).join(', ') : t.referral.noLanguages}</dd>
        </div>
        <div>
          <dt>{t.referral.contactRouteShort}</dt>
          <dd>{t.referral.contactRoutes[r.contactRoute] ?? r.contactRouteLabel}</dd>
        </div>
        <div>
          <dt>{t.referral.noteShort}</dt>
          <dd>{r.note ?? t.referral.noNote}</dd>
        </div>
        <div>
          <dt>{t.referral.consent}</dt>
          <dd>
            {r.consent ? t.referral.consentGiven(formatDateTime(r.consent.givenAt)) : t.referral.consentNone}
            {r.consent?.withdrawnAt && (
              <>
                <br />
                {t.referral.consentWithdrawnAt(formatDateTime(r.consent.withdrawnAt))}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.referral.created}</dt>
          <dd>{formatDateTime(r.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.referral.lastUpdate}</dt>
          <dd>{formatDateTime(r.updatedAt)}</dd>
        </div>
        {r.coachContact && (
          <div>
            <dt>{t.referral.by}</dt>
            <dd>{r.coachContact.displayName}</dd>
          </div>
        )}
      </dl>

      <ReferralActions referral={r} onChange={setReferral} reload={reload} />

      <section className="kern-stack" aria-labelledby="referral-history">
        <h2 className="kern-heading-medium" id="referral-history">
          {t.referral.history}
        </h2>
        <div className="kern-table-responsive lotse-history">
          <table className="kern-table kern-table--small">
            <caption className="kern-sr-only">{t.referral.history}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t.referral.historyWhen}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.referral.historyWhat}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.referral.historyWho}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.referral.historyWhy}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {[...r.history]
                .sort((a, b) => a.version - b.version)
                .map((e) => (
                  <tr className="kern-table__row" key={e.version}>
                    <td className="kern-table__cell">{formatDateTime(e.occurredAt)}</td>
                    <td className="kern-table__cell">{e.toStatusLabel}</td>
                    <td className="kern-table__cell">{t.referral.sides[e.side] ?? e.side}</td>
                    <td className="kern-table__cell">
                      {e.reasonLabel ?? '–'}
                      {e.reasonText && ` („${e.reasonText}“)`}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
