import { createContext, useContext, useEffect, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A small history router: a handful of routes do not need a library. Paths are German and
 * readable (/angebote, /merkliste); the API serves index.html for their first segments
 * (WEB_ROUTES in apps/api/src/web/web-app.ts — add new top-level segments there).
 */
interface RouterState {
  path: string;
  search: string;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState>({ path: '/', search: '', navigate: () => undefined });

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = (to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation({ path: window.location.pathname, search: window.location.search });
    window.scrollTo?.(0, 0);
  };
  return <RouterContext.Provider value={{ ...location, navigate }}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  return useContext(RouterContext);
}

/** An ordinary link that navigates without a page load (modifier clicks still open a new tab). */
export function Link({ href, children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { navigate, path } = useRouter();
  return (
    <a
      href={href}
      aria-current={path === href ? 'page' : undefined}
      {...rest}
      onClick={(e) => {
        rest.onClick?.(e);
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

export function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  // once per target: navigate is a new function on every render
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
