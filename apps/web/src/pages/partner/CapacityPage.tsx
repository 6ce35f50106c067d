import '../roles.css';
import { Alert, Loading } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';
import { CapacityForm } from './CapacityForm';
import { useMyOrganizations } from './usePartnerData';

/**
 * Capacity in one screen: every service of every organisation of the partner, each its own small
 * form. `?angebot=<id>` (the link after a referral declined for lack of capacity) puts that service first.
 */
export function CapacityPage() {
  const { organizations, setOrganizations, error } = useMyOrganizations();
  const first = new URLSearchParams(useRouter().search).get('angebot');
  const services = (organizations?.flatMap((o) => o.services.map((s) => ({ s, o }))) ?? []).sort((a, b) => Number(b.s.id === first) - Number(a.s.id === first));
  return (
    <div className="kern-stack">
      <p>
        <Link className="kern-link" href="/partner">
          {t.capacity.back}
        </Link>
      </p>
      <PageTitle>{t.capacity.title}</PageTitle>
      <p className="kern-body">{t.capacity.intro}</p>
      {error && <Alert kind="danger" title={error.message} />}
      {!organizations && !error && <Loading label={t.capacity.loading} />}
      {organizations && services.length === 0 && <Alert kind="info" title={t.capacity.none} />}
      <div className="lotse-cards lotse-cards--wide">
        {services.map(({ s, o }) => (
          <CapacityForm
            key={s.id}
            service={s}
            organizationName={organizations && organizations.length > 1 ? o.name : undefined}
            onSaved={(updated) =>
              setOrganizations((all) => all?.map((org) => (org.id !== o.id ? org : { ...org, services: org.services.map((x) => (x.id === updated.id ? updated : x)) })))
            }
          />
        ))}
      </div>
    </div>
  );
}
