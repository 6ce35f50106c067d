import '../roles.css';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { CheckField, SelectField } from '../../components/Field';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import {
  ActivateOrganizationDocument,
  VerificationQueueDocument,
  VerifyOrganizationDocument,
  VerifyServiceDocument,
  type QueueReason,
  type VerificationQueueQuery,
} from '../../graphql/generated/graphql';
import { t } from '../../texts';
import { DatapackageDownload } from './DatapackageDownload';
import { useLookups } from './useLookups';

type Item = VerificationQueueQuery['verificationQueue']['edges'][number]['node'];
const REASONS: QueueReason[] = ['AWAITING_ADMISSION', 'CHANGED_SINCE_VERIFICATION', 'NEVER_VERIFIED', 'STALE_VERIFICATION', 'STALE_CAPACITY'];
const PAGE = 20;

const keyOf = (i: Item) => (i.service ? `s:${i.service.id}` : `o:${i.organization.id}`);
const apiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));

function QueueCard({ item, onDone }: { item: Item; onDone(message: string): void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const name = item.service?.name ?? item.organization.name;
  const admit = item.kind === 'ORGANIZATION' && item.reasons.includes('AWAITING_ADMISSION');
  const verifiedAt = item.service ? item.service.verification.verifiedAt : item.organization.verification.verifiedAt;

  async function act() {
    setBusy(true);
    setError(undefined);
    try {
      if (admit) {
        await gql(ActivateOrganizationDocument, { id: item.organization.id, expectedVersion: item.organization.version });
        onDone(t.queue.activated(name));
      } else if (item.service) {
        await gql(VerifyServiceDocument, { id: item.service.id });
        onDone(t.queue.verified(name));
      } else {
        await gql(VerifyOrganizationDocument, { id: item.organization.id });
        onDone(t.queue.verified(name));
      }
    } catch (e) {
      setError(apiError(e));
      setBusy(false);
    }
  }

  return (
    <li className="kern-card kern-card--small" aria-labelledby={id}>
      <div className="kern-card__container">
        <p className="kern-body kern-body--small">{item.kind === 'SERVICE' ? t.queue.kindService : t.queue.kindOrganization}</p>
        <h2 className="kern-title" id={id}>
          {name}
        </h2>
        {item.service && (
          <p className="kern-body kern-body--small">
            {item.organization.name}
            {item.service.locations.length > 0 && ` · ${[...new Set(item.service.locations.map((l) => l.town))].join(', ')}`}
          </p>
        )}
        <p className="lotse-badges">
          {item.reasons.map((r) => (
            <Badge key={r} kind={r === 'AWAITING_ADMISSION' ? 'warning' : 'info'}>
              {t.queue.reason[r] ?? r}
            </Badge>
          ))}
          {item.service?.locations.some((l) => l.approximate) && <Badge kind="info">{t.queue.approximate}</Badge>}
        </p>
        {item.changedFields.length > 0 && (
          <p className="kern-body kern-body--small">
            {t.queue.changed}: {item.changedFields.map((f) => t.queue.fields[f] ?? f).join(', ')}
          </p>
        )}
        {item.service?.locations.some((l) => l.approximate) && <p className="kern-body kern-body--small">{t.queue.approximateHint}</p>}
        {verifiedAt && <p className="kern-body kern-body--small">{t.queue.lastVerified(formatDate(verifiedAt))}</p>}
        {error && <Alert kind="danger" title={error.message} />}
        <p className="lotse-actions">
          <button type="button" className={`kern-btn ${admit ? 'kern-btn--primary' : 'kern-btn--secondary'}`} disabled={busy} onClick={() => void act()} aria-label={admit ? t.queue.activateLabel(name) : t.queue.verifyLabel(name)}>
            <span className="kern-label">{admit ? t.queue.activate : t.queue.verify}</span>
          </button>
        </p>
      </div>
    </li>
  );
}

/**
 * The coordinator's start page: the verification queue with its filters (district, reasons),
 * admission of new partners and verification of listings — each item says why it is there.
 */
export function CoordinatorHome() {
  const lookups = useLookups();
  const [district, setDistrict] = useState('');
  const [reasons, setReasons] = useState<QueueReason[]>([]);
  const [applied, setApplied] = useState<{ district: string; reasons: QueueReason[] }>({ district: '', reasons: [] });
  const [data, setData] = useState<{ items: Item[]; total: number; cursor?: string | null; more: boolean }>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const latest = useRef(0);
  const load = useCallback(async (filter: typeof applied, after?: string) => {
    const request = ++latest.current;
    setLoading(true);
    setError(undefined);
    try {
      const { verificationQueue: q } = await gql(VerificationQueueDocument, {
        districtAgs: filter.district || null,
        reasons: filter.reasons.length ? filter.reasons : null,
        first: PAGE,
        after: after ?? null,
      });
      if (request !== latest.current) return; // a newer filter was applied meanwhile
      const page = q.edges.map((e) => e.node);
      setData((prev) => ({ items: after && prev ? [...prev.items, ...page] : page, total: q.totalCount, cursor: q.pageInfo.endCursor, more: q.pageInfo.hasNextPage }));
    } catch (e) {
      if (request === latest.current) setError(apiError(e));
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);
  useEffect(() => void load(applied), [applied, load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    setData(undefined);
    setApplied({ district, reasons });
  };

  return (
    <div className="kern-stack">
      <PageTitle>{t.queue.title}</PageTitle>
      <p className="kern-body">{t.queue.intro}</p>
      <form onSubmit={submit} aria-label={t.queue.filters} className="kern-stack">
        <div className="lotse-filters">
          <SelectField label={t.queue.district} value={district} onChange={(e) => setDistrict(e.target.value)} error={error?.fieldMessage('districtAgs')}>
            <option value="">{t.queue.allDistricts}</option>
            {lookups?.districts.map((d) => (
              <option key={d.ags} value={d.ags}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t.queue.reasons}</legend>
          <div className="kern-fieldset__body kern-fieldset__body--horizontal lotse-row">
            {REASONS.map((r) => (
              <CheckField
                key={r}
                label={t.queue.reason[r]}
                checked={reasons.includes(r)}
                onChange={(e) => setReasons(e.target.checked ? [...reasons, r] : reasons.filter((x) => x !== r))}
              />
            ))}
          </div>
        </fieldset>
        <p>
          <button type="submit" className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t.queue.apply}</span>
          </button>
        </p>
      </form>
      {done && <Alert kind="success" title={done} />}
      {error && !error.fieldMessage('districtAgs') && <Alert kind="danger" title={error.message} />}
      {!data && loading && <Loading label={t.queue.loading} />}
      {data && (
        <>
          <p className="kern-body" role="status">
            {t.queue.count(data.total)}
          </p>
          {data.items.length === 0 ? (
            <Alert kind="info" title={t.queue.empty} />
          ) : (
            <ul className="lotse-cards">
              {data.items.map((item) => (
                <QueueCard
                  key={keyOf(item)}
                  item={item}
                  onDone={(message) => {
                    setDone(message);
                    setData((d) => d && { ...d, items: d.items.filter((x) => keyOf(x) !== keyOf(item)), total: d.total - 1 });
                  }}
                />
              ))}
            </ul>
          )}
          {data.more && (
            <p>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={loading} onClick={() => void load(applied, data.cursor ?? undefined)}>
                <span className="kern-label">{t.queue.more}</span>
              </button>
            </p>
          )}
          {loading && <Loading label={t.queue.loading} />}
        </>
      )}
      <DatapackageDownload />
    </div>
  );
}
