import { useEffect, useRef, useState, type ReactNode } from 'react';
import { gql } from '../api/client';
import { startPageOf, useSession } from '../auth/session';
import { InboxNewCountDocument } from '../graphql/generated/graphql';
import { Link, useRouter } from '../router';
import { roleLabel, t } from '../texts';

/**
 * The page frame: skip link, header with the role's navigation and logout, main, footer.
 * On every navigation the page's h1 takes the focus, so a screen reader announces the new page.
 */
/** How many referrals wait unopened in a partner's inbox; asked again on every navigation. */
function useNewReferrals(active: boolean): number {
  const { path, search } = useRouter();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!active) return setCount(0);
    let live = true;
    gql(InboxNewCountDocument)
      .then((d) => live && setCount(d.referralInbox.totalCount))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [active, path, search]);
  return count;
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const { navigate } = useRouter();
  const newReferrals = useNewReferrals(user?.role === 'PARTNER');
  const links: { href: string; label: string; count?: string }[] = !user
    ? []
    : user.role === 'COACH'
      ? [
          { href: '/angebote', label: t.nav.find },
          { href: '/suche', label: t.nav.search },
          { href: '/merkliste', label: t.nav.shortlist },
          { href: '/vermittlungen', label: t.nav.myReferrals },
        ]
      : user.role === 'PARTNER'
        ? [
            { href: '/partner', label: t.nav.partnerHome },
            { href: '/partner/plaetze', label: t.nav.partnerCapacity },
            { href: '/eingang', label: t.nav.partnerReferrals, count: newReferrals > 0 ? t.nav.partnerReferralsNew(newReferrals) : undefined },
          ]
        : [
            { href: '/koordination', label: t.nav.coordinatorHome },
            { href: '/koordination/abdeckung', label: t.nav.coverage },
            { href: '/koordination/import', label: t.nav.import },
            { href: '/koordination/vermittlungen', label: t.nav.coordinatorReferrals },
          ];
  return (
    <>
      <a className="lotse-skip kern-link" href="#inhalt">
        {t.app.skipToContent}
      </a>
      <header className="lotse-header">
        <div className="lotse-header__inner">
          <Link className="lotse-brand" href={user ? startPageOf(user.role) : '/anmelden'}>
            <img src="/favicon.svg" alt="" width="32" height="32" />
            <span>
              <span className="lotse-brand__name">{t.app.name}</span>
              <span className="lotse-brand__tagline">{t.app.tagline}</span>
            </span>
          </Link>
          {user && (
            <div className="lotse-user">
              <span className="kern-body kern-body--small">{t.nav.loggedInAs(user.displayName, roleLabel(user.role))}</span>
              <button
                type="button"
                className="kern-btn kern-btn--secondary kern-btn--x-small"
                onClick={async () => {
                  await logout();
                  navigate('/anmelden?abgemeldet', { replace: true });
                }}
              >
                <span className="kern-icon kern-icon--logout kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{t.nav.logout}</span>
              </button>
            </div>
          )}
        </div>
        {links.length > 0 && (
          <nav className="lotse-nav" aria-label={t.app.mainNavigation}>
            <ul>
              {links.map((l) => (
                <li key={l.href}>
                  <Link className="kern-link" href={l.href}>
                    {l.label}
                    {l.count && (
                      <>
                        {' '}
                        <span className="lotse-nav__count">{l.count}</span>
                      </>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="inhalt" className="lotse-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="lotse-footer">
        <p className="kern-body kern-body--small">{t.app.footer}</p>
      </footer>
    </>
  );
}

/** The page's h1; takes the focus when the page is entered by navigation (not on first load). */
let firstPage = true;
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { path } = useRouter();
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus();
  }, [path]);
  return (
    <h1 className="kern-heading-large" ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
