import type { ComponentType } from 'react';
import { SessionExpiredDialog } from './auth/SessionExpiredDialog';
import { startPageOf, useSession } from './auth/session';
import { Loading } from './components/Alert';
import { Layout, PageTitle } from './components/Layout';
import type { Role } from './graphql/generated/graphql';
import { FindPage } from './pages/coach/FindPage';
import { MyReferralsPage } from './pages/coach/MyReferralsPage';
import { PrintPage } from './pages/coach/PrintPage';
import { ReferPage } from './pages/coach/ReferPage';
import { ReferralPage } from './pages/coach/ReferralPage';
import { SearchPage } from './pages/coach/SearchPage';
import { ServicePage } from './pages/coach/ServicePage';
import { ShortlistPage } from './pages/coach/ShortlistPage';
import { CoordinatorHome } from './pages/coordinator/CoordinatorHome';
import { CoveragePage } from './pages/coordinator/CoveragePage';
import { ImportPage } from './pages/coordinator/ImportPage';
import { ReferralAggregatesPage } from './pages/coordinator/ReferralAggregatesPage';
import { LoginPage } from './pages/LoginPage';
import { AuditPage } from './pages/partner/AuditPage';
import { CapacityPage } from './pages/partner/CapacityPage';
import { InboxPage } from './pages/partner/InboxPage';
import { InboxReferralPage } from './pages/partner/InboxReferralPage';
import { LocationEditor } from './pages/partner/LocationEditor';
import { OrganizationEditor } from './pages/partner/OrganizationEditor';
import { PartnerHome } from './pages/partner/PartnerHome';
import { ServiceEditor } from './pages/partner/ServiceEditor';
import { Link, Redirect, useRouter } from './router';
import { t } from './texts';

/**
 * The route table: path → page and the roles that may open it. New screens (partner editors,
 * coordinator queue, referrals) add their rows here; a new first path segment also goes into
 * WEB_ROUTES of apps/api/src/web/web-app.ts.
 */
interface Route {
  path: string;
  page: ComponentType;
  roles: Role[];
}

const ROUTES: Route[] = [
  { path: '/angebote', page: FindPage, roles: ['COACH', 'COORDINATOR', 'ADMIN'] },
  { path: '/angebote/angebot', page: ServicePage, roles: ['COACH', 'COORDINATOR', 'ADMIN'] },
  { path: '/vermittlungen', page: MyReferralsPage, roles: ['COACH'] },
  { path: '/vermittlungen/neu', page: ReferPage, roles: ['COACH'] },
  { path: '/vermittlungen/vermittlung', page: ReferralPage, roles: ['COACH'] },
  { path: '/suche', page: SearchPage, roles: ['COACH', 'COORDINATOR', 'ADMIN'] },
  { path: '/merkliste', page: ShortlistPage, roles: ['COACH', 'COORDINATOR', 'ADMIN'] },
  { path: '/merkliste/druck', page: PrintPage, roles: ['COACH', 'COORDINATOR', 'ADMIN'] },
  { path: '/partner', page: PartnerHome, roles: ['PARTNER', 'ADMIN'] },
  { path: '/partner/plaetze', page: CapacityPage, roles: ['PARTNER', 'ADMIN'] },
  { path: '/partner/angebot', page: ServiceEditor, roles: ['PARTNER', 'ADMIN'] },
  { path: '/partner/protokoll', page: AuditPage, roles: ['PARTNER', 'ADMIN'] },
  { path: '/partner/standort', page: LocationEditor, roles: ['PARTNER', 'ADMIN'] },
  { path: '/partner/organisation', page: OrganizationEditor, roles: ['PARTNER', 'ADMIN'] },
  { path: '/koordination', page: CoordinatorHome, roles: ['COORDINATOR', 'ADMIN'] },
  { path: '/koordination/abdeckung', page: CoveragePage, roles: ['COORDINATOR', 'ADMIN'] },
  { path: '/koordination/import', page: ImportPage, roles: ['COORDINATOR', 'ADMIN'] },
  { path: '/koordination/vermittlungen', page: ReferralAggregatesPage, roles: ['COORDINATOR', 'ADMIN'] },
  // the partner's referral inbox (the link in the e-mail on a new referral); referrals are partners' and coaches' only
  { path: '/eingang', page: InboxPage, roles: ['PARTNER'] },
  { path: '/eingang/vermittlung', page: InboxReferralPage, roles: ['PARTNER'] },
];

function Message({ title, text }: { title: string; text: string }) {
  const { user } = useSession();
  return (
    <div className="kern-stack">
      <PageTitle>{title}</PageTitle>
      <p className="kern-body">{text}</p>
      <p>
        <Link className="kern-link" href={user ? startPageOf(user.role) : '/anmelden'}>
          {t.app.toStart}
        </Link>
      </p>
    </div>
  );
}

function Page() {
  const { path } = useRouter();
  const { user, restoring } = useSession();
  if (restoring) return <Loading label={t.app.loading} />;
  if (path === '/anmelden') return user ? <Redirect to={startPageOf(user.role)} /> : <LoginPage />;
  if (!user) return <Redirect to="/anmelden" />;
  if (path === '/' || path === '/index.html') return <Redirect to={startPageOf(user.role)} />;
  const route = ROUTES.find((r) => r.path === path);
  if (!route) return <Message title={t.app.notFoundTitle} text={t.app.notFoundText} />;
  if (!route.roles.includes(user.role)) return <Message title={t.app.forbiddenTitle} text={t.app.forbiddenText} />;
  const P = route.page;
  return <P />;
}

export function App() {
  return (
    <Layout>
      <Page />
      <SessionExpiredDialog />
    </Layout>
  );
}
