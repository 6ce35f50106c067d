import { useEffect, useId, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { ConflictNotice } from '../../components/ConflictNotice';
import { TextField } from '../../components/Field';
import { CAPACITY_STALE_DAYS, formatDateTime, isStale } from '../../components/format';
import { PartnerServiceByIdDocument, UpdateCapacityDocument, type PartnerServiceFragment } from '../../graphql/generated/graphql';
import { t } from '../../texts';

interface Values {
  accepting: boolean;
  freeSeats: string;
  waitingDays: string;
}

const valuesOf = (s: PartnerServiceFragment): Values => ({
  accepting: s.capacity.acceptingNewClients,
  freeSeats: s.capacity.freeSeats == null ? '' : String(s.capacity.freeSeats),
  waitingDays: s.capacity.waitingDays == null ? '' : String(s.capacity.waitingDays),
});

/** '' → null (not given); anything else as typed, so the API names a wrong number itself */
const toInt = (v: string): number | null => (v.trim() === '' ? null : Number(v));

export function capacitySummary(c: PartnerServiceFragment['capacity']): string {
  return [t.capacity.acceptingShort(c.acceptingNewClients), c.freeSeats != null ? t.capacity.seats(c.freeSeats) : '', c.waitingDays != null ? t.capacity.waiting(c.waitingDays) : '']
    .filter(Boolean)
    .join(' · ');
}

/**
 * One service's capacity: accepting yes/no, free seats, waiting days — changed and saved in two
 * clicks, or confirmed unchanged in one when the reminder says the stand is stale. A conflict (the
 * service was saved meanwhile — by a colleague, or a course's seats by a session change) shows both
 * versions and lets the partner save their input again on top of the new one.
 */
export function CapacityForm({
  service,
  organizationName,
  onSaved,
  now,
}: {
  service: PartnerServiceFragment;
  /** shown when the partner has several organisations */
  organizationName?: string;
  onSaved(s: PartnerServiceFragment): void;
  now?: Date;
}) {
  const headingId = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(service));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<PartnerServiceFragment>();
  useEffect(() => setValues(valuesOf(service)), [service.id, service.version]);

  const stale = isStale(service.capacity.updatedAt, now);

  async function save(v: Values, version: number) {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const { updateCapacity } = await gql(UpdateCapacityDocument, {
        id: service.id,
        expectedVersion: version,
        capacity: { acceptingNewClients: v.accepting, freeSeats: toInt(v.freeSeats), waitingDays: toInt(v.waitingDays) },
      });
      setConflict(undefined);
      setSaved(true);
      onSaved(updateCapacity);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server);
      if (apiError.code === 'CONFLICT') {
        try {
          const { service: current } = await gql(PartnerServiceByIdDocument, { id: service.id });
          setConflict(current);
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
    void save(values, service.version);
  };

  const seatsError = error?.fieldMessage('freeSeats');
  const waitingError = error?.fieldMessage('waitingDays');
  const acceptingError = error?.fieldMessage('acceptingNewClients');
  const pageError = error && !seatsError && !waitingError && !acceptingError ? error.message : undefined;

  if (conflict) {
    const theirs = valuesOf(conflict);
    const show = (v: Values) => ({
      accepting: t.capacity.acceptingShort(v.accepting),
      freeSeats: v.freeSeats,
      waitingDays: v.waitingDays,
    });
    const [a, b] = [show(theirs), show(values)];
    return (
      <section className="lotse-capacity kern-card" aria-labelledby={headingId}>
        <div className="kern-card__container">
          <h2 className="kern-heading-small" id={headingId}>
            {service.name}
          </h2>
          <ConflictNotice
            busy={busy}
            rows={[
              { label: t.capacity.accepting, theirs: a.accepting, yours: b.accepting },
              { label: t.capacity.freeSeats, theirs: a.freeSeats, yours: b.freeSeats },
              { label: t.capacity.waitingDays, theirs: a.waitingDays, yours: b.waitingDays },
            ]}
            onReapply={() => void save(values, conflict.version)}
            onDiscard={() => {
              setConflict(undefined);
              setValues(theirs);
              onSaved(conflict);
            }}
          />
        </div>
      </section>
    );
  }

  return (
    <section className="lotse-capacity kern-card" aria-labelledby={headingId}>
      <form className="kern-card__container" onSubmit={submit} noValidate>
        <div className="kern-card__header">
          <h2 className="kern-heading-small" id={headingId}>
            {service.name}
          </h2>
          {organizationName && <p className="kern-body kern-body--small">{organizationName}</p>}
          <p className="kern-body kern-body--small">
            {t.capacity.asOf(formatDateTime(service.capacity.updatedAt))} {stale && <Badge kind="warning">{t.capacity.staleBadge}</Badge>}
          </p>
        </div>
        <div className="kern-card__body kern-stack">
          {stale && <p className="kern-body">{t.capacity.stale(CAPACITY_STALE_DAYS)}</p>}
          <fieldset className={`kern-fieldset${acceptingError ? ' kern-fieldset--error' : ''}`}>
            <legend className="kern-label">{t.capacity.accepting}</legend>
            <div className="kern-fieldset__body kern-fieldset__body--horizontal">
              {[true, false].map((yes) => (
                <div className="kern-form-check" key={String(yes)}>
                  <input
                    className="kern-form-check__radio"
                    type="radio"
                    id={`${headingId}-accepting-${yes}`}
                    name={`${headingId}-accepting`}
                    checked={values.accepting === yes}
                    onChange={() => setValues({ ...values, accepting: yes })}
                  />
                  <label className="kern-label" htmlFor={`${headingId}-accepting-${yes}`}>
                    {yes ? t.capacity.acceptingYes : t.capacity.acceptingNo}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div className="lotse-row">
            <TextField
              label={t.capacity.freeSeats}
              hint={t.capacity.freeSeatsHint}
              optional
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={values.freeSeats}
              error={seatsError}
              onChange={(e) => setValues({ ...values, freeSeats: e.target.value })}
            />
            <TextField
              label={t.capacity.waitingDays}
              hint={t.capacity.waitingDaysHint}
              optional
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              value={values.waitingDays}
              error={waitingError}
              onChange={(e) => setValues({ ...values, waitingDays: e.target.value })}
            />
          </div>
          {pageError && <Alert kind="danger" title={pageError} />}
          {saved && <Alert kind="success" title={t.capacity.saved} />}
        </div>
        <div className="kern-card__footer lotse-actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{busy ? t.capacity.saving : t.capacity.save}</span>
          </button>
          {stale && (
            <button type="button" className="kern-btn kern-btn--secondary" disabled={busy} onClick={() => void save(valuesOf(service), service.version)}>
              <span className="kern-label">{t.capacity.confirm}</span>
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
