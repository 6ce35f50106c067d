import '../roles.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { InboxMoveReferralDocument, InboxReferralDocument, type ReferralStatus } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';
import { languageName } from './inbox';
import { ReferralActions, type InboxReferralDetail, type MoveOutcome } from './ReferralActions';

const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));

export function statusBadgeKind(status: ReferralStatus): 'info' | 'success' | 'warning' | 'danger' {
  if (status === 'SENT') return 'warning';
  if (status === 'DECLINED' || status === 'NOT_COME_ABOUT' || status === 'WITHDRAWN') return 'danger';
  if (status === 'COMPLETED' || status === 'ACCEPTED' || status === 'IN_PROGRESS') return 'success';
  return 'info';
}

/**
 * One referral for the partner: everything the coach passed on (code, needs, urgency, languages,
 * contact route, note — never a name), its history, and the next steps the state machine allows.
 * Opening a new referral marks it seen, so the coach knows it arrived. After a decline for lack of
 * capacity the partner is asked to update the listing's free places.
 */
export function InboxReferralPage() {
  const { search } = useRouter();
  const id = new URLSearchParams(search).get('id');
  const [referral, setReferral] = useState<InboxReferralDetail>();
  const [needLabels, setNeedLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [outcome, setOutcome] = useState<MoveOutcome>({});
  const markedSeen = useRef<string>();

  useEffect(() => {
    if (!id) return;
    let live = true;
    setReferral(undefined);
    setError(undefined);
    setOutcome({});
    (async () => {
      try {
        const data = await gql(InboxReferralDocument, { id });
        if (!live) return;
        setNeedLabels(Object.fromEntries(data.needs.map((n) => [n.code, n.labelDe])));
        let current = data.referral;
        // opening it is seeing it: the API's move SENT → SEEN, once
        if (current.nextStatuses.includes('SEEN') && markedSeen.current !== current.id) {
          markedSeen.current = current.id;
          try {
            current = (await gql(InboxMoveReferralDocument, { id, expectedVersion: current.version, move: { to: 'SEEN' } })).moveReferral.referral;
          } catch {
            // a colleague opened it at the same moment: show what is stored now
            current = (await gql(InboxReferralDocument, { id })).referral;
          }
        }
        if (live) setReferral(current);
      } catch (e) {
        if (live) setError(toApiError(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [id]);

  const back = (
    <p>
      <Link className="kern-link" href="/eingang">
        {t.inbox.back}
      </Link>
    </p>
  );
  if (!id) {
    return (
      <div className="kern-stack">
        {back}
        <PageTitle>{t.inbox.title}</PageTitle>
        <Alert kind="info" title={t.inbox.noId} />
      </div>
    );
  }
  if (!referral) {
    return (
      <div className="kern-stack">
        {back}
        <PageTitle>{t.inbox.title}</PageTitle>
        {error ? <Alert kind="danger" title={error.message} /> : <Loading label={t.inbox.detailLoading} />}
      </div>
    );
  }

  const r = referral;
  const reason = r.reason ? (t.inbox.reasons[r.reason] ?? r.reasonLabel ?? r.reason) : null;
  const facts: [string, ReactNode][] = [
    [t.inbox.status, <>{r.statusLabel}{reason ? ` – ${reason}` : ''}{r.reasonText ? `: ${r.reasonText}` : ''}</>],
    [t.inbox.target, [r.target.serviceName, r.target.organizationName, r.target.locationAddress].filter(Boolean).join(' · ')],
    [t.inbox.needs, r.needs.map((n) => needLabels[n] ?? n).join(', ')],
    [t.inbox.urgency, t.inbox.urgencies[r.urgency] ?? r.urgency],
    [t.inbox.languages, r.languages.length ? r.languages.map(languageName).join(', ') : t.inbox.noLanguages],
    [t.inbox.contactRoute, t.inbox.contactRoutes[r.contactRoute] ?? r.contactRoute],
    ...(r.coachContact
      ? [[t.inbox.coach, <>{r.coachContact.displayName}, <a className="kern-link" href={`mailto:${r.coachContact.email}`}>{r.coachContact.email}</a></>] as [string, ReactNode]]
      : []),
    [t.inbox.note, r.note || t.inbox.noNote],
  ];

  return (
    <div className="kern-stack">
      {back}
      <PageTitle>{t.inbox.detailTitle(r.code)}</PageTitle>
      <p className="lotse-badges">
        <Badge kind={statusBadgeKind(r.status)}>{r.statusLabel}</Badge>
        {r.urgency !== 'ROUTINE' && <Badge kind="warning">{t.inbox.urgencies[r.urgency]}</Badge>}
      </p>
      {outcome.moved && <Alert kind="success" title={t.inbox.moved(r.statusLabel)} />}
      {outcome.capacityPrompt && (
        <Alert kind="warning" title={t.inbox.capacityTitle}>
          <p className="kern-body">{t.inbox.capacityText}</p>
          <p>
            <Link className="kern-link" href={`/partner/plaetze?angebot=${encodeURIComponent(r.target.serviceId)}`}>
              {t.inbox.capacityLink(r.target.serviceName ?? t.inbox.target)}
            </Link>
          </p>
        </Alert>
      )}

      <section className="kern-stack" aria-labelledby="referral-facts">
        <h2 className="kern-heading-medium" id="referral-facts">
          {t.inbox.facts}
        </h2>
        <dl className="kern-description-list">
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t.inbox.code}</dt>
            <dd className="kern-description-list-item__value">
              <span className="lotse-code">{r.code}</span>
              <span className="kern-body kern-body--small"> – {t.inbox.codeHint}</span>
            </dd>
          </div>
          {facts.map(([k, v]) => (
            <div className="kern-description-list-item" key={k}>
              <dt className="kern-description-list-item__key">{k}</dt>
              <dd className="kern-description-list-item__value">{v}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="kern-stack" aria-labelledby="referral-actions">
        <h2 className="kern-heading-medium" id="referral-actions">
          {t.inbox.actions}
        </h2>
        <ReferralActions
          key={r.id}
          referral={r}
          onChanged={(updated, o) => {
            setReferral(updated);
            setOutcome(o);
          }}
        />
      </section>

      <section className="kern-stack" aria-labelledby="referral-history">
        <h2 className="kern-heading-medium" id="referral-history">
          {t.inbox.history}
        </h2>
        <ol className="lotse-list">
          {r.history.map((e) => (
            <li key={e.version} className="kern-body">
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>: {t.inbox.historyEntry(e.toStatusLabel, t.inbox.sides[e.side] ?? e.side)}
              {e.reason ? ` – ${t.inbox.reasons[e.reason] ?? e.reasonLabel ?? e.reason}` : ''}
              {e.reasonText ? `: ${e.reasonText}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
