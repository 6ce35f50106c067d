import '../roles.css';
import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { InboxReferralByCodeDocument, InboxReferralsDocument, type InboxReferralSummaryFragment } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';
import { FILTER_PARAM, filterFromSearch, INBOX_FILTERS, looksLikeReferralCode, STATUSES_OF, type InboxFilter } from './inbox';
import { statusBadgeKind } from './InboxReferralPage';

const PAGE = 20;
const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
export const referralHref = (id: string) => `/eingang/vermittlung?id=${encodeURIComponent(id)}`;

/** Finds a referral by the code a participant reads out on the phone and opens it. */
function ByCode() {
  const { navigate } = useRouter();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!looksLikeReferralCode(code)) return setError(t.inbox.byCodeInvalid);
    setBusy(true);
    setError(undefined);
    try {
      const { referralByCode } = await gql(InboxReferralByCodeDocument, { code });
      navigate(referralHref(referralByCode.id));
    } catch (err) {
      const apiError = toApiError(err);
      setError(apiError.code === 'NOT_FOUND' ? t.inbox.byCodeNotFound : apiError.code === 'BAD_USER_INPUT' ? t.inbox.byCodeInvalid : apiError.message);
      setBusy(false);
    }
  }
  return (
    <section className="kern-stack" aria-labelledby="inbox-by-code">
      <h2 className="kern-heading-small" id="inbox-by-code">
        {t.inbox.byCodeTitle}
      </h2>
      <p className="kern-body">{t.inbox.byCodeText}</p>
      <form className="lotse-filters" onSubmit={submit} noValidate>
        <TextField label={t.inbox.byCode} hint={t.inbox.byCodeHint} value={code} error={error} autoComplete="off" spellCheck={false} onChange={(e) => setCode(e.target.value)} />
        <p>
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={busy}>
            <span className="kern-label">{t.inbox.byCodeSubmit}</span>
          </button>
        </p>
      </form>
    </section>
  );
}

/**
 * The partner's referrals: new (not yet opened), open, closed — the newest change first. Each
 * shows only what the coach passed on (code, needs, urgency) and opens to the detail.
 */
export function InboxPage() {
  const { search, navigate } = useRouter();
  const filter = filterFromSearch(search);
  const [items, setItems] = useState<InboxReferralSummaryFragment[]>();
  const [total, setTotal] = useState(0);
  const [after, setAfter] = useState<string | null>(null);
  const [needLabels, setNeedLabels] = useState<Record<string, string>>({});
  const [error, setError] = useState<ApiError>();
  const [loadingMore, setLoadingMore] = useState(false);

  async function load(f: InboxFilter, cursor: string | null) {
    const data = await gql(InboxReferralsDocument, { statuses: STATUSES_OF[f], first: PAGE, after: cursor });
    setNeedLabels(Object.fromEntries(data.needs.map((n) => [n.code, n.labelDe])));
    setTotal(data.referralInbox.totalCount);
    setAfter(data.referralInbox.pageInfo.hasNextPage ? (data.referralInbox.pageInfo.endCursor ?? null) : null);
    return data.referralInbox.edges.map((e) => e.node);
  }

  useEffect(() => {
    let live = true;
    setItems(undefined);
    setError(undefined);
    load(filter, null)
      .then((nodes) => live && setItems(nodes))
      .catch((e) => live && setError(toApiError(e)));
    return () => {
      live = false;
    };
  }, [filter]);

  return (
    <div className="kern-stack">
      <PageTitle>{t.inbox.title}</PageTitle>
      <p className="kern-body">{t.inbox.intro}</p>
      <ByCode />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t.inbox.filter}</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {INBOX_FILTERS.map((f) => (
            <div className="kern-form-check" key={f}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`inbox-filter-${f}`}
                name="inbox-filter"
                checked={filter === f}
                onChange={() => navigate(`/eingang?ansicht=${FILTER_PARAM[f]}`, { replace: true })}
              />
              <label className="kern-label" htmlFor={`inbox-filter-${f}`}>
                {t.inbox.filters[f]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {error && <Alert kind="danger" title={error.message} />}
      {!items && !error && <Loading label={t.inbox.loading} />}
      {items && (
        <section className="kern-stack" aria-labelledby="inbox-list">
          <h2 className="kern-heading-medium" id="inbox-list">
            {t.inbox.filters[filter]}: {t.inbox.count(total)}
          </h2>
          {items.length === 0 ? (
            <p className="kern-body">{t.inbox.empty[filter]}</p>
          ) : (
            <ul className="lotse-cards lotse-cards--wide">
              {items.map((r) => (
                <li key={r.id} className="kern-card">
                  <div className="kern-card__container">
                    <div className="kern-card__header">
                      <h3 className="kern-heading-small">
                        <Link className="kern-link" href={referralHref(r.id)} aria-label={t.inbox.open(r.code)}>
                          <span className="lotse-code">{r.code}</span>
                        </Link>
                      </h3>
                      <p className="lotse-badges">
                        <Badge kind={statusBadgeKind(r.status)}>{r.statusLabel}</Badge>
                        {r.urgency !== 'ROUTINE' && <Badge kind="warning">{t.inbox.urgencies[r.urgency]}</Badge>}
                      </p>
                    </div>
                    <div className="kern-card__body">
                      <p className="kern-body">
                        {t.inbox.needs}: {r.needs.map((n) => needLabels[n] ?? n).join(', ')}
                      </p>
                      <p className="kern-body kern-body--small">
                        {t.inbox.target}: {r.target.serviceName}
                      </p>
                      <p className="kern-body kern-body--small">{t.inbox.contactRoutes[r.contactRoute]}</p>
                      <p className="kern-body kern-body--small">
                        {r.sentAt && filter === 'NEW' ? t.inbox.sentOn(formatDateTime(r.sentAt)) : t.inbox.updatedOn(formatDateTime(r.updatedAt))}
                        {r.reason && ` · ${t.inbox.reasons[r.reason] ?? r.reasonLabel}`}
                      </p>
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {after && (
            <p>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                disabled={loadingMore}
                onClick={async () => {
                  setLoadingMore(true);
                  try {
                    const more = await load(filter, after);
                    setItems((all) => [...(all ?? []), ...more]);
                  } catch (e) {
                    setError(toApiError(e));
                  } finally {
                    setLoadingMore(false);
                  }
                }}
              >
                <span className="kern-label">{t.inbox.more}</span>
              </button>
            </p>
          )}
        </section>
      )}
    </div>
  );
}
