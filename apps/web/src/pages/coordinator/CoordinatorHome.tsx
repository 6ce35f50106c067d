import { Alert } from '../../components/Alert';
import { PageTitle } from '../../components/Layout';
import { t } from '../../texts';
import { DatapackageDownload } from './DatapackageDownload';

/** PLACEHOLDER for i15-roles: verification queue, activation, coverage map. */
export function CoordinatorHome() {
  return (
    <div className="kern-stack">
      <PageTitle>{t.placeholder.coordinatorTitle}</PageTitle>
      <Alert kind="info" title={t.placeholder.comingSoon}>
        <p className="kern-body">{t.placeholder.coordinatorText}</p>
      </Alert>
      <DatapackageDownload />
    </div>
  );
}
