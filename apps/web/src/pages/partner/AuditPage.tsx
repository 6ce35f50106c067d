import '../roles.css';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { OrganizationAuditDocument, type OrganizationAuditQuery } from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { roleLabel, t } from '../../texts';
import type { Role } from '../../graphql/generated/graphql';
import { fieldLabel, readableValue } from './audit';
import { useMyOrganizations } from './usePartnerData';

type Event = OrganizationAuditQuery['auditTrail']['edges'][number]['node'];

/** The audit trail of one of the partner's organisations: who changed what, when, from what to what. */
export function AuditPage() {
  const { search } = useRouter();
  const organizationId = new URLSearchParams(search).get('organisation') ?? '';
  const { organizations } = useMyOrganizations();
  const organization = organizations?.find((o) => o.id === organizationId);
  const [events, setEvents] = useState<Event[]>();
  const [page, setPage] = useState<{ more: boolean; cursor?: string | null; total: number }>({ more: false, total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    async (after?: string) => {
      setLoading(true);
      setError(undefined);
      try {
        const { auditTrail } = await gql(OrganizationAuditDocument, { organizationId, first: 50, after: after ?? null });
        const nodes = auditTrail.edges.map((e) => e.node);
        setEvents((prev) => (after && prev ? [...prev, ...nodes] : nodes));
        setPage({ more: auditTrail.pageInfo.hasNextPage, cursor: auditTrail.pageInfo.endCursor, total: auditTrail.totalCount });
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
      } finally {
        setLoading(false);
      }
    },
    [organizationId],
  );
  useEffect(() => void load(), [load]);

  const names = new Map<string, string>();
  if (organization) {
    names.set(organization.id, organization.name);
    organization.services.forEach((s) => names.set(s.id, s.name));
    organization.locations.forEach((l) => names.set(l.id, l.name ?? `${l.street}, ${l.town}`));
  }

  return (
    <div className="kern-stack">
      <p>
        <Link className="kern-link" href="/partner">
          {t.capacity.back}
        </Link>
      </p>
      <PageTitle>{organization ? t.audit.title(organization.name) : t.audit.titleLoading}</PageTitle>
      <p className="kern-body">{t.audit.intro}</p>
      {error && <Alert kind="danger" title={error.message} />}
      {!events && !error && <Loading label={t.audit.loading} />}
      {events && events.length === 0 && <Alert kind="info" title={t.audit.empty} />}
      {events && events.length > 0 && (
        <>
          <p className="kern-body">{t.audit.count(page.total)}</p>
          <div className="lotse-table-wrap" tabIndex={0} role="region" aria-label={t.audit.tableLabel}>
            <table className="kern-table kern-table--small kern-table--striped">
              <thead className="kern-table__header">
                <tr className="kern-table__row">
                  {[t.audit.when, t.audit.who, t.audit.what, t.audit.field, t.audit.before, t.audit.after].map((c) => (
                    <th key={c} scope="col" className="kern-table__header">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {events.map((e) => (
                  <tr className="kern-table__row" key={e.id}>
                    <td className="kern-table__cell">{formatDateTime(e.occurredAt)}</td>
                    <td className="kern-table__cell">
                      {e.actorName} ({t.roles[e.actorRole.toUpperCase() as Role] ? roleLabel(e.actorRole.toUpperCase() as Role) : e.actorRole})
                    </td>
                    <td className="kern-table__cell">
                      {t.audit.resource[e.resourceType] ?? e.resourceType} „{names.get(e.resourceId) ?? t.audit.unknown}“: {t.audit.action[e.action] ?? e.action}
                    </td>
                    <td className="kern-table__cell">{fieldLabel(e.fieldName)}</td>
                    <td className="kern-table__cell">{readableValue(e.previousValue)}</td>
                    <td className="kern-table__cell">{readableValue(e.replacementValue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.more && (
            <p>
              <button type="button" className="kern-btn kern-btn--secondary" disabled={loading} onClick={() => void load(page.cursor ?? undefined)}>
                <span className="kern-label">{t.audit.more}</span>
              </button>
            </p>
          )}
        </>
      )}
    </div>
  );
}
