import { LoginForm } from '../auth/LoginForm';
import { startPageOf } from '../auth/session';
import { Alert } from '../components/Alert';
import { PageTitle } from '../components/Layout';
import { useRouter } from '../router';
import { t } from '../texts';

export function LoginPage() {
  const { navigate, search } = useRouter();
  const loggedOut = new URLSearchParams(search).has('abgemeldet');
  return (
    <div className="lotse-narrow kern-stack">
      <PageTitle>{t.login.title}</PageTitle>
      {loggedOut && <Alert kind="success" title={t.login.loggedOut} />}
      <p className="kern-body">{t.login.intro}</p>
      <LoginForm onLoggedIn={(user) => navigate(startPageOf(user.role), { replace: true })} />
    </div>
  );
}
