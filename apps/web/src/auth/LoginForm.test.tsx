import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginForm } from './LoginForm';
import { SessionProvider } from './session';

afterEach(() => vi.unstubAllGlobals());

function answer(body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
}

describe('LoginForm', () => {
  it('labels its fields and says a failed login in German', async () => {
    vi.stubGlobal('fetch', vi.fn(() => answer({ errors: [{ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } }] })));
    render(
      <SessionProvider>
        <LoginForm />
      </SessionProvider>,
    );
    await userEvent.type(screen.getByLabelText('E-Mail-Adresse'), 'coach@lotse.example');
    await userEvent.type(screen.getByLabelText('Passwort'), 'falsch');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByText('E-Mail-Adresse oder Passwort ist falsch.')).toBeTruthy();
    expect(screen.queryByText(/Invalid/)).toBeNull();
  });

  it('calls back with the user after a successful login and keeps the tokens for this tab only', async () => {
    const user = { id: 'u1', email: 'coach@lotse.example', displayName: 'Coach', role: 'COACH', organizationIds: [] };
    vi.stubGlobal('fetch', vi.fn(() => answer({ data: { login: { accessToken: 'A', accessTokenExpiresAt: '', refreshToken: 'R', refreshTokenExpiresAt: '', user } } })));
    const onLoggedIn = vi.fn();
    render(
      <SessionProvider>
        <LoginForm onLoggedIn={onLoggedIn} />
      </SessionProvider>,
    );
    await userEvent.type(screen.getByLabelText('E-Mail-Adresse'), 'coach@lotse.example');
    await userEvent.type(screen.getByLabelText('Passwort'), 'lotse-demo-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    await vi.waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(user));
    expect(JSON.parse(window.sessionStorage.getItem('lotse.session')!).refreshToken).toBe('R');
    expect(window.localStorage.length).toBe(0);
  });
});
