import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { gql, setAuthHooks, type Tokens } from '../api/client';
import { LoginDocument, LogoutDocument, MeDocument, RefreshTokenDocument, type Role, type SessionUserFragment } from '../graphql/generated/graphql';

/**
 * The login session. Tokens live in sessionStorage — this tab only, gone when it closes — so a
 * reload keeps the coach logged in while a shared job-centre PC forgets them with the window.
 * When the session runs out mid-work, `expired` is set: the app shows a login dialog above the
 * page (the page stays mounted, so what was typed stays), and the waiting request goes on after.
 */
const STORAGE_KEY = 'lotse.session';

export type SessionUser = SessionUserFragment;

interface Stored extends Tokens {
  user: SessionUser;
}

interface SessionState {
  user: SessionUser | undefined;
  /** true while the stored session is being checked at start */
  restoring: boolean;
  /** the session ran out; a login dialog is shown over the page */
  expired: boolean;
  login(email: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** the user gave up re-login: drop the session */
  abandon(): void;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

function readStored(): Stored | undefined {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

function writeStored(value: Stored | undefined): void {
  try {
    if (value) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {}
}

/** Where each role starts after login. */
export function startPageOf(role: Role): string {
  switch (role) {
    case 'COACH':
      return '/angebote';
    case 'PARTNER':
      return '/partner';
    case 'COORDINATOR':
    case 'ADMIN':
      return '/koordination';
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const stored = useRef<Stored | undefined>(readStored());
  const [user, setUser] = useState<SessionUser | undefined>(stored.current?.user);
  const [restoring, setRestoring] = useState<boolean>(!!stored.current);
  const [expired, setExpired] = useState(false);
  const waiting = useRef<{ resolve: () => void; reject: (e: Error) => void }[]>([]);

  const save = useCallback((value: Stored | undefined) => {
    stored.current = value;
    writeStored(value);
    setUser(value?.user);
  }, []);

  useEffect(() => {
    setAuthHooks({
      tokens: () => stored.current,
      refresh: async () => {
        const current = stored.current;
        if (!current) return false;
        try {
          const { refreshToken: r } = await gql(RefreshTokenDocument, { refreshToken: current.refreshToken }, { anonymous: true });
          save({ accessToken: r.accessToken, refreshToken: r.refreshToken, user: r.user });
          return true;
        } catch {
          return false;
        }
      },
      onSessionExpired: () =>
        new Promise<void>((resolve, reject) => {
          waiting.current.push({ resolve, reject });
          setExpired(true);
        }),
    });
    return () => setAuthHooks(undefined);
  }, [save]);

  // A stored session is checked once at start (the refresh flow renews it when needed).
  useEffect(() => {
    if (!stored.current) return;
    gql(MeDocument)
      .then(({ me }) => stored.current && save({ ...stored.current, user: me }))
      .catch(() => save(undefined))
      .finally(() => setRestoring(false));
  }, [save]);

  const login = useCallback(
    async (email: string, password: string) => {
      const previous = stored.current?.user;
      const { login: r } = await gql(LoginDocument, { email, password }, { anonymous: true });
      save({ accessToken: r.accessToken, refreshToken: r.refreshToken, user: r.user });
      if (expired) {
        setExpired(false);
        const pending = waiting.current.splice(0);
        // Someone else logging in at this screen must not receive the previous user's pending work.
        if (previous && previous.id !== r.user.id) pending.forEach((p) => p.reject(new Error('other user')));
        else pending.forEach((p) => p.resolve());
      }
      return r.user;
    },
    [expired, save],
  );

  const logout = useCallback(async () => {
    try {
      await gql(LogoutDocument, {}, { noRefresh: true });
    } catch {}
    save(undefined);
  }, [save]);

  const abandon = useCallback(() => {
    waiting.current.splice(0).forEach((p) => p.reject(new Error('session abandoned')));
    setExpired(false);
    save(undefined);
  }, [save]);

  const value = useMemo(() => ({ user, restoring, expired, login, logout, abandon }), [user, restoring, expired, login, logout, abandon]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user's role, or undefined (also outside a SessionProvider, as in component tests). */
export function useRole(): Role | undefined {
  return useContext(SessionContext)?.user?.role;
}
