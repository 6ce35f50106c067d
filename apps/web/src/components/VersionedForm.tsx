import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { t } from '../texts';
import { Alert } from './Alert';
import { ConflictNotice } from './ConflictNotice';

/**
 * A form over one versioned record (optimistic concurrency): it saves with the version the user
 * started from; when the API answers CONFLICT (someone else saved first) it reloads the record,
 * shows what is stored now beside the user's input — field by field, as readable German — and
 * saves the input again on top of the new version if the user wants, or drops it.
 * Errors the API names by field go to `renderFields` (German, beside the field); others above
 * the buttons.
 */
export interface VersionedFormProps<T extends { version: number }, V> {
  title: string;
  record: T;
  valuesOf(record: T): V;
  /** label → readable value, for the comparison after a conflict */
  describe(values: V): { label: string; value: string }[];
  save(values: V, version: number): Promise<T>;
  reload(): Promise<T>;
  onSaved(record: T): void;
  renderFields(values: V, setValues: (v: V) => void, error: ApiError | undefined): ReactNode;
  /** field names whose errors renderFields shows itself (the rest go above the buttons) */
  ownsField(field: string): boolean;
  savedText: string;
  conflictTitle?: string;
  submitLabel?: string;
}

export function VersionedForm<T extends { version: number }, V>(p: VersionedFormProps<T, V>) {
  const headingId = useId();
  const [values, setValues] = useState<V>(() => p.valuesOf(p.record));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<T>();
  const [dirty, setDirty] = useState(false);
  // a save elsewhere on the page (another section of the same record) gives a new version: take
  // the new values unless this section has unsaved input
  useEffect(() => {
    if (!dirty) setValues(p.valuesOf(p.record));
  }, [p.record]);

  async function save(v: V, version: number) {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const record = await p.save(v, version);
      setConflict(undefined);
      setDirty(false);
      setSaved(true);
      p.onSaved(record);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
      if (apiError.code === 'CONFLICT') {
        try {
          setConflict(await p.reload());
        } catch (reload) {
          setError(reload instanceof ApiError ? reload : apiError);
        }
      } else setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(values, p.record.version);
  };
  const pageError = error && !error.fields.some((f) => p.ownsField(f.field)) ? error.message : undefined;

  if (conflict) {
    const theirs = p.describe(p.valuesOf(conflict));
    const yours = p.describe(values);
    return (
      <section className="kern-stack" aria-labelledby={headingId}>
        <h2 className="kern-heading-medium" id={headingId}>
          {p.title}
        </h2>
        <ConflictNotice
          title={p.conflictTitle}
          busy={busy}
          rows={theirs.map((row, i) => ({ label: row.label, theirs: row.value, yours: yours[i]?.value ?? '' }))}
          onReapply={() => void save(values, conflict.version)}
          onDiscard={() => {
            setConflict(undefined);
            setDirty(false);
            setValues(p.valuesOf(conflict));
            p.onSaved(conflict);
          }}
        />
      </section>
    );
  }

  return (
    <section className="kern-stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-medium" id={headingId}>
        {p.title}
      </h2>
      <form className="kern-stack" onSubmit={submit} noValidate>
        {p.renderFields(
          values,
          (v) => {
            setDirty(true);
            setSaved(false);
            setValues(v);
          },
          error,
        )}
        {pageError && <Alert kind="danger" title={pageError} />}
        {saved && <Alert kind="success" title={p.savedText} />}
        <p className="lotse-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{busy ? t.capacity.saving : (p.submitLabel ?? t.capacity.save)}</span>
          </button>
        </p>
      </form>
    </section>
  );
}
