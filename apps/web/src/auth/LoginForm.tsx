import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import { Alert } from '../components/Alert';
import { TextField } from '../components/Field';
import { t } from '../texts';
import { useSession, type SessionUser } from './session';

/** E-mail and password; used by the login page and by the re-login dialog. */
export function LoginForm({ onLoggedIn, initialEmail = '', autoFocus }: { onLoggedIn?: (user: SessionUser) => void; initialEmail?: string; autoFocus?: boolean }) {
  const { login } = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await login(email.trim(), password);
      onLoggedIn?.(user);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
      setBusy(false);
    }
  }

  // A wrong password and an unknown address get the same answer (the API does the same).
  const wrongCredentials = error?.code === 'UNAUTHENTICATED';
  return (
    <form className="kern-stack" onSubmit={submit} noValidate>
      {error && !error.fields.length && <Alert kind="danger" title={wrongCredentials ? t.login.failed : error.message} />}
      <TextField
        label={t.login.email}
        type="email"
        name="email"
        autoComplete="username"
        required
        autoFocus={autoFocus}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={error?.fieldMessage('email')}
      />
      <TextField
        label={t.login.password}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error?.fieldMessage('password')}
      />
      <div>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
          <span className="kern-label">{busy ? t.login.submitting : t.login.submit}</span>
        </button>
      </div>
    </form>
  );
}
