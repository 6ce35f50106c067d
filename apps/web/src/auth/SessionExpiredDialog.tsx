import { useEffect, useRef } from 'react';
import { t } from '../texts';
import { LoginForm } from './LoginForm';
import { useSession } from './session';

/**
 * Shown over the page when the session ran out and could not be renewed. A modal <dialog>: focus
 * is trapped inside, the page behind keeps its state, and the interrupted request continues after
 * the login.
 */
export function SessionExpiredDialog() {
  const { expired, user, abandon } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (expired && !d.open) d.showModal?.();
    if (!expired && d.open) d.close();
  }, [expired]);
  if (!expired) return null;
  return (
    <dialog ref={ref} className="kern-dialog lotse-dialog" aria-labelledby="expired-title" onCancel={(e) => e.preventDefault()}>
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id="expired-title">
          {t.login.expiredTitle}
        </h2>
      </header>
      <section className="kern-dialog__body kern-stack">
        <p className="kern-body">{t.login.expiredText}</p>
        <LoginForm initialEmail={user?.email} autoFocus />
      </section>
      <footer className="kern-dialog__footer">
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={abandon}>
          <span className="kern-label">{t.login.cancelExpired}</span>
        </button>
      </footer>
    </dialog>
  );
}
