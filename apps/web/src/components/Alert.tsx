import type { ReactNode } from 'react';

type Kind = 'info' | 'success' | 'warning' | 'danger';

/** A KERN alert. Errors and confirmations are announced (role alert / status). */
export function Alert({ kind = 'info', title, children }: { kind?: Kind; title: string; children?: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' || kind === 'warning' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${kind === 'danger' ? 'danger' : kind === 'success' ? 'success' : kind === 'warning' ? 'warning' : 'info'}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children && <div className="kern-alert__body">{children}</div>}
    </div>
  );
}

export function Loading({ label }: { label: string }) {
  return (
    <div className="lotse-loading" role="status" aria-live="polite">
      <span className="kern-loader" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
