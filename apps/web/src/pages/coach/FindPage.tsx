import { PageTitle } from '../../components/Layout';
import { t } from '../../texts';

export function FindPage() {
  return (
    <div className="kern-stack">
      <PageTitle>{t.nav.find}</PageTitle>
    </div>
  );
}
