import type { ReactNode } from 'react';

/** A KERN badge: a short status in words (never colour alone). */
export function Badge({ kind = 'info', children }: { kind?: 'info' | 'success' | 'warning' | 'danger'; children: ReactNode }) {
  return (
    <span className={`kern-badge kern-badge--${kind}`}>
      <span className={`kern-icon kern-icon--${kind}`} aria-hidden="true" />
      <span className="kern-label kern-label--small">{children}</span>
    </span>
  );
}
