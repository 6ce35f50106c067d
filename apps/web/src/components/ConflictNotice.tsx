import { Alert } from './Alert';
import { t } from '../texts';

export interface ConflictRow {
  label: string;
  /** what is saved now (someone else's version) */
  theirs: string;
  /** what this user typed */
  yours: string;
}

/** The words of the notice; an edit form keeps the defaults, a confirmation (retire) names its own. */
export interface ConflictWording {
  text?: string;
  unchanged?: string;
  yoursHeading?: string;
  reapply?: string;
  discard?: string;
}

/**
 * Someone else saved first (CONFLICT): what is stored now beside what this user typed, for every
 * field that differs, and the choice to save the own input again on top of the new version or to
 * drop it. Rows that are equal are left out, so the eye goes to what changed.
 */
export function ConflictNotice({
  title = t.conflict.title,
  rows,
  onReapply,
  onDiscard,
  busy,
  wording = {},
}: {
  title?: string;
  rows: ConflictRow[];
  onReapply(): void;
  onDiscard(): void;
  busy?: boolean;
  wording?: ConflictWording;
}) {
  const changed = rows.filter((r) => r.theirs !== r.yours);
  return (
    <div className="lotse-conflict">
      <Alert kind="warning" title={title}>
        <p className="kern-body">{wording.text ?? t.conflict.text}</p>
      </Alert>
      {changed.length === 0 && <p className="kern-body">{wording.unchanged ?? t.conflict.unchanged}</p>}
      {changed.length > 0 && (
        <div className="kern-table-responsive">
          <table className="kern-table kern-table--small">
            <caption className="kern-title kern-title--small">{t.conflict.caption}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t.conflict.field}
                </th>
                <th scope="col" className="kern-table__header">
                  {t.conflict.theirs}
                </th>
                <th scope="col" className="kern-table__header">
                  {wording.yoursHeading ?? t.conflict.yours}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {changed.map((r) => (
                <tr className="kern-table__row" key={r.label}>
                  <th scope="row" className="kern-table__cell">
                    {r.label}
                  </th>
                  <td className="kern-table__cell">{r.theirs || t.conflict.empty}</td>
                  <td className="kern-table__cell">{r.yours || t.conflict.empty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="lotse-actions">
        <button type="button" className="kern-btn kern-btn--primary" onClick={onReapply} disabled={busy}>
          <span className="kern-label">{wording.reapply ?? t.conflict.reapply}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onDiscard} disabled={busy}>
          <span className="kern-label">{wording.discard ?? t.conflict.discard}</span>
        </button>
      </div>
    </div>
  );
}
