import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { t } from '../../texts';

/** PLACEHOLDER for i15-roles: the partner's organisations, services, capacity and editors. */
export function PartnerHome() {
  return (
    <div className="kern-stack">
      <PageTitle>{t.placeholder.partnerTitle}</PageTitle>
      <Alert kind="info" title={t.placeholder.comingSoon}>
        <p className="kern-body">{t.placeholder.partnerText}</p>
      </Alert>
    </div>
  );
}
