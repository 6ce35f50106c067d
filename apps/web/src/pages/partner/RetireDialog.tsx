import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { ConflictNotice } from '../../components/ConflictNotice';
import { t } from '../../texts';

/** What the dialog shows of the record, to compare after a conflict: label → readable value. */
export type Facts = { label: string; value: string }[];

export interface RetireTarget<R extends { version: number }> {
  kind: 'service' | 'location';
  name: string;
  record: R;
  facts(record: R): Facts;
  /** further sentences on what happens (e.g. the services at a location) */
  consequences?: string[];
  /** the mutation, with the version the user saw */
  retire(version: number): Promise<unknown>;
  /** the record as stored now; undefined when it is gone (or already retired) */
  reload(): Promise<R | undefined>;
}

type State<R> = { step: 'confirm' } | { step: 'conflict'; current: R } | { step: 'gone' };

/**
 * Confirms taking a service or a location out of the directory: says what happens (no longer
 * visible to coaches; the audit trail keeps it), sends the version the user saw, and on CONFLICT
 * shows what changed meanwhile (stored now beside what was shown) before the user retires it on
 * the new version or cancels. A modal <dialog>: focus stays inside, Escape cancels.
 */
export function RetireDialog<R extends { version: number }>({
  target,
  onDone,
  onClose,
  onChanged,
}: {
  target: RetireTarget<R>;
  /** retired (or found already gone): the message for the page */
  onDone(message: string): void;
  onClose(): void;
  /** something changed meanwhile: the page reloads its view */
  onChanged?(): void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State<R>>({ step: 'confirm' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const service = target.kind === 'service';
  // the button that opened the dialog gets the focus back when it closes
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  useEffect(() => () => opener.current?.focus(), []);

  useEffect(() => {
    const d = ref.current;
    if (!d || d.open) return;
    if (typeof d.showModal === 'function') d.showModal();
    else d.setAttribute('open', '');
  }, []);

  async function retire(version: number) {
    setBusy(true);
    setError(undefined);
    try {
      await target.retire(version);
      onDone(service ? t.retire.serviceDone(target.name) : t.retire.locationDone(target.name));
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
      if (apiError.code === 'CONFLICT' || apiError.code === 'NOT_FOUND') {
        onChanged?.();
        try {
          const current = await target.reload();
          setState(current ? { step: 'conflict', current } : { step: 'gone' });
        } catch (reload) {
          setError(reload instanceof ApiError ? reload.message : t.errors.server);
        }
      } else setError(apiError.message);
    } finally {
      setBusy(false);
    }
  }

  const seen = target.facts(target.record);
  const title = service ? t.retire.serviceTitle(target.name) : t.retire.locationTitle(target.name);
  return (
    <dialog
      ref={ref}
      className="kern-dialog lotse-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="kern-dialog__header">
        <h2 className="kern-title kern-title--large" id={titleId}>
          {title}
        </h2>
      </header>
      <section className="kern-dialog__body kern-stack">
        {state.step === 'confirm' && (
          <>
            <p className="kern-body">{service ? t.retire.serviceText : t.retire.locationText}</p>
            {target.consequences?.map((c) => (
              <p className="kern-body" key={c}>
                {c}
              </p>
            ))}
            <p className="kern-body">{t.retire.audit}</p>
          </>
        )}
        {state.step === 'conflict' && (
          <ConflictNotice
            title={service ? t.retire.conflictService : t.retire.conflictLocation}
            busy={busy}
            rows={target.facts(state.current).map((row, i) => ({ label: row.label, theirs: row.value, yours: seen[i]?.value ?? '' }))}
            onReapply={() => void retire(state.current.version)}
            onDiscard={onClose}
            wording={{
              text: t.retire.conflictText,
              unchanged: t.retire.conflictUnchanged,
              yoursHeading: t.retire.seen,
              reapply: service ? t.retire.serviceAnyway : t.retire.locationAnyway,
              discard: t.retire.cancel,
            }}
          />
        )}
        {state.step === 'gone' && <Alert kind="info" title={service ? t.retire.serviceGone(target.name) : t.retire.locationGone(target.name)} />}
        {error && <Alert kind="danger" title={error} />}
      </section>
      {state.step !== 'conflict' && (
        <footer className="kern-dialog__footer lotse-actions">
          {state.step === 'confirm' && (
            <button type="button" className="kern-btn kern-btn--primary" disabled={busy} onClick={() => void retire(target.record.version)}>
              <span className="kern-label">{busy ? t.retire.busy : service ? t.retire.serviceConfirm : t.retire.locationConfirm}</span>
            </button>
          )}
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={busy}
            onClick={() => (state.step === 'gone' ? onDone(service ? t.retire.serviceGone(target.name) : t.retire.locationGone(target.name)) : onClose())}
          >
            <span className="kern-label">{state.step === 'gone' ? t.retire.back : t.retire.cancel}</span>
          </button>
        </footer>
      )}
    </dialog>
  );
}
