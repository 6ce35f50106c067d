import { useEffect, useRef, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { needsText, useNeedLabels } from '../../coach/needLabels';
import { daysSince, referralHref } from '../../coach/referral';
import { ReferralStatusBadges } from '../../coach/ReferralStatusBadges';
import {
  CoachReferralByCodeDocument,
  CoachReferralsDocument,
  type CoachReferralSummaryFragment,
  type CoachReferralsQueryVariables,
  type ReferralStatus,
} from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { formatDateTime } from '../../components/format';
import { t } from '../../texts';
import '../../coach/referral.css';

const OPEN: ReferralStatus[] = ['DRAFT', 'SENT', 'SEEN', 'ACCEPTED', 'WAITING_LIST', 'IN_PROGRESS'];
const ALL: ReferralStatus[] = [...OPEN, 'DECLINED', 'COMPLETED', 'NOT_COME_ABOUT', 'WITHDRAWN'];
const PAGE = 20;

/** the filter's value → the query's arguments */
function filterVariables(filter: string): Pick<CoachReferralsQueryVariables, 'statuses' | 'staleOnly'> {
  if (filter === 'open') return { statuses: OPEN };
  if (filter === 'stale') return { staleOnly: true };
  if (ALL.includes(filter as ReferralStatus)) return { statuses: [filter as ReferralStatus] };
  return {};
}

/** The filter lives in memory for this tab, so coming back from a referral keeps it. */
let memoryFilter = '';

/**
 * "Meine Vermittlungen": the coach's referrals and their team's, last changed first, with status,
 * target, needs, last update and the stale flag ("seit N Tagen keine Rückmeldung"); a filter by
 * status, and opening one by the code noted in the job centre's file.
 */
export function MyReferralsPage({ now = new Date() }: { now?: Date }) {
  const { navigate } = useRouter();
  const [filter, setFilterState] = useState(memoryFilter);
  const [items, setItems] = useState<CoachReferralSummaryFragment[]>();
  const [total, setTotal] = useState(0);
  const [cursor, setCursor] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string>();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const labels = useNeedLabels();
  const seq = useRef(0);

  const setFilter = (f: string) => {
    memoryFilter = f;
    setFilterState(f);
  };

  async function load(after?: string | null) {
    const mine = ++seq.current;
    try {
      const r = await gql(CoachReferralsDocument, { ...filterVariables(filter), first: PAGE, after: after ?? undefined });
      if (mine !== seq.current) return;
      const nodes = r.myReferrals.edges.map((e) => e.node);
      setItems((old) => (after ? [...(old ?? []), ...nodes] : nodes));
      setTotal(r.myReferrals.totalCount);
      setCursor(r.myReferrals.pageInfo.endCursor ?? null);
      setHasMore(r.myReferrals.pageInfo.hasNextPage);
      setError(undefined);
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e.message : t.errors.server);
    }
  }

  useEffect(() => {
    setItems(undefined);
    void load();
  }, [filter]);

  async function openByCode(e: FormEvent) {
    e.preventDefault();
    setCodeError(undefined);
    if (!code.trim()) return;
    try {
      const r = await gql(CoachReferralByCodeDocument, { code: code.trim() });
      navigate(referralHref(r.referralByCode.id));
    } catch (err) {
      setCodeError(err instanceof ApiError && err.code !== 'NOT_FOUND' ? err.message : t.referral.byCodeNotFound);
    }
  }

  return (
    <div className="kern-stack">
      <PageTitle>{t.referral.mineTitle}</PageTitle>
      <p className="kern-body">{t.referral.mineIntro}</p>
      <div className="lotse-row">
        <SelectField label={t.referral.filter} value={filter} onChange={(e) => setFilter(e.target.value)}>
          <option value="">{t.referral.filterAll}</option>
          <option value="open">{t.referral.filterOpen}</option>
          <option value="stale">{t.referral.filterStale}</option>
          {ALL.map((s) => (
            <option key={s} value={s}>
              {t.referral.statuses[s]}
            </option>
          ))}
        </SelectField>
        <form className="kern-stack" role="search" onSubmit={openByCode}>
          <TextField
            label={t.referral.byCode}
            hint={t.referral.byCodeHint}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError}
            autoComplete="off"
            spellCheck={false}
          />
          <p className="lotse-actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-icon kern-icon--search kern-icon--small" aria-hidden="true" />
              <span className="kern-label">{t.referral.byCodeSubmit}</span>
            </button>
          </p>
        </form>
      </div>
      <section className="kern-stack" aria-labelledby="referrals-count" aria-busy={!items}>
        <h2 className="kern-heading-small" id="referrals-count">
          {items ? t.referral.count(total) : t.referral.loading}
        </h2>
        {error && <Alert kind="danger" title={error} />}
        {!items && !error && <Loading label={t.referral.loading} />}
        {items && items.length === 0 && <Alert kind="info" title={t.referral.empty} />}
        {items && items.length > 0 && (
          <ol className="lotse-cards lotse-cards--wide">
            {items.map((r) => (
              <li key={r.id}>
                <article className={`kern-card lotse-card${r.stale ? ' lotse-card--stale' : ''}`} aria-labelledby={`ref-${r.id}`}>
                  <div className="kern-card__container">
                    <header className="kern-card__header">
                      <h3 className="kern-title" id={`ref-${r.id}`}>
                        <Link className="kern-link" href={referralHref(r.id)}>
                          {r.target.serviceName ?? t.errors.notFound}
                        </Link>
                      </h3>
                      <p className="kern-subline">{r.target.organizationName}</p>
                    </header>
                    <div className="kern-card__body">
                      <ReferralStatusBadges referral={r} now={now} />
                      <dl className="lotse-facts">
                        <div>
                          <dt>{t.referral.code}</dt>
                          <dd className="lotse-referral-code-inline">{r.code}</dd>
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
                          <dt>{t.referral.lastUpdate}</dt>
                          <dd>
                            {formatDateTime(r.updatedAt)}
                            {!r.stale && daysSince(r.updatedAt, now) > 0 && <span className="lotse-muted"> ({t.referral.daysAgo(daysSince(r.updatedAt, now))})</span>}
                          </dd>
                        </div>
                        {r.coachContact && (
                          <div>
                            <dt>{t.referral.by}</dt>
                            <dd>{r.coachContact.displayName}</dd>
                          </div>
                        )}
                      </dl>
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ol>
        )}
        {hasMore && (
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void load(cursor)}>
            <span className="kern-label">{t.referral.more}</span>
          </button>
        )}
      </section>
    </div>
  );
}
