import '../roles.css';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { CheckField, FieldError, SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { TextAreaField } from '../../components/TextArea';
import { VersionedForm } from '../../components/VersionedForm';
import {
  PartnerServiceByIdDocument,
  SetCourseSessionsDocument,
  SetOpeningHoursDocument,
  UpdateServiceTextDocument,
  type AccessibilityFeature,
  type CostType,
  type DeliveryMode,
  type InsuranceRequirement,
  type PartnerServiceFragment,
} from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';

type Service = PartnerServiceFragment;
interface Hours {
  weekday: string;
  opensAt: string;
  closesAt: string;
}
interface Session {
  startsOn: string;
  endsOn: string;
  weekday: string;
  startTime: string;
  endTime: string;
  seats: string;
  freeSeats: string;
}

interface Details {
  minAge: string;
  maxAge: string;
  insurance: InsuranceRequirement;
  eligibilityNote: string;
  costType: CostType;
  fee: string;
  costNote: string;
  accessibility: AccessibilityFeature[];
  deliveryModes: DeliveryMode[];
}
const ACCESSIBILITY: AccessibilityFeature[] = ['STEP_FREE_ACCESS', 'LIFT', 'ACCESSIBLE_WC', 'ACCESSIBLE_PARKING', 'HEARING_LOOP', 'SIGN_LANGUAGE', 'BRAILLE', 'EASY_LANGUAGE'];
const DELIVERY: DeliveryMode[] = ['IN_PERSON', 'ONLINE', 'OUTREACH'];
const COST: CostType[] = ['FREE', 'STATUTORY_INSURANCE', 'INSURER_SUBSIDISED', 'FEE'];
const INSURANCE: InsuranceRequirement[] = ['NONE', 'STATUTORY', 'STATUTORY_OR_PRIVATE'];
const detailsOf = (s: Service): Details => ({
  minAge: s.eligibility.minAge == null ? '' : String(s.eligibility.minAge),
  maxAge: s.eligibility.maxAge == null ? '' : String(s.eligibility.maxAge),
  insurance: s.eligibility.insuranceRequirement,
  eligibilityNote: s.eligibility.note ?? '',
  costType: s.cost.type,
  fee: s.cost.feeAmountEuro == null ? '' : String(s.cost.feeAmountEuro),
  costNote: s.cost.note ?? '',
  accessibility: s.accessibility,
  deliveryModes: s.deliveryModes,
});
/** '' clears a number (null); anything else as typed, so the API names a wrong one itself */
const optionalNumber = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

const weekdayName = (d: number | string) => t.editor.weekdays[Number(d) - 1] ?? String(d);
const int = (v: string) => (v.trim() === '' ? NaN : Number(v));
/** an error of row i of a list input (`hours.2.closesAt`) */
const rowError = (error: ApiError | undefined, list: string, i: number, field: string) => error?.fieldMessage(`${list}.${i}.${field}`);

function WeekdaySelect({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string }) {
  return (
    <SelectField label={t.editor.weekday} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      {t.editor.weekdays.map((d, i) => (
        <option key={d} value={String(i + 1)}>
          {d}
        </option>
      ))}
    </SelectField>
  );
}

function RowActions({ label, onRemove }: { label: string; onRemove(): void }) {
  return (
    <button type="button" className="kern-btn kern-btn--tertiary lotse-row__remove" onClick={onRemove} aria-label={label}>
      <span className="kern-icon kern-icon--delete kern-icon--small" aria-hidden="true" />
      <span className="kern-label">{t.editor.remove}</span>
    </button>
  );
}

/** Editors for one service: name and description, weekly opening hours, course runs. */
export function ServiceEditor() {
  const { search } = useRouter();
  const id = new URLSearchParams(search).get('id') ?? '';
  const [service, setService] = useState<Service & { organization: { id: string; name: string } }>();
  const [error, setError] = useState<ApiError>();
  const reload = useCallback(async () => {
    const { service: s } = await gql(PartnerServiceByIdDocument, { id });
    return s;
  }, [id]);
  useEffect(() => {
    reload()
      .then(setService)
      .catch((e) => setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server)));
  }, [reload]);
  const onSaved = (s: Service) => setService((prev) => prev && { ...prev, ...s });

  return (
    <div className="kern-stack">
      <p>
        <Link className="kern-link" href="/partner">
          {t.capacity.back}
        </Link>
      </p>
      <PageTitle>{service ? t.editor.serviceTitle(service.name) : t.editor.serviceTitleLoading}</PageTitle>
      {error && <Alert kind="danger" title={error.message} />}
      {!service && !error && <Loading label={t.editor.loading} />}
      {service && (
        <>
          <p className="kern-body">{service.organization.name}</p>
          <VersionedForm<Service, { name: string; description: string }>
            title={t.editor.texts}
            record={service}
            valuesOf={(s) => ({ name: s.name, description: s.description })}
            describe={(v) => [
              { label: t.editor.name, value: v.name },
              { label: t.editor.description, value: v.description },
            ]}
            save={async (v, version) => (await gql(UpdateServiceTextDocument, { id, expectedVersion: version, patch: { name: v.name, description: v.description } })).updateService}
            reload={reload}
            onSaved={onSaved}
            ownsField={(f) => /(^|\.)(name|description)$/.test(f)}
            savedText={t.editor.saved}
            renderFields={(v, set, e) => (
              <>
                <TextField label={t.editor.name} value={v.name} onChange={(x) => set({ ...v, name: x.target.value })} error={e?.fieldMessage('name')} autoComplete="off" />
                <TextAreaField label={t.editor.description} value={v.description} onChange={(x) => set({ ...v, description: x.target.value })} error={e?.fieldMessage('description')} />
              </>
            )}
          />

          <VersionedForm<Service, Details>
            title={t.editor.details}
            record={service}
            valuesOf={detailsOf}
            describe={(v) => [
              { label: t.editor.minAge, value: v.minAge },
              { label: t.editor.maxAge, value: v.maxAge },
              { label: t.editor.insurance, value: t.editor.insuranceOptions[v.insurance] },
              { label: t.editor.eligibilityNote, value: v.eligibilityNote },
              { label: t.editor.costType, value: t.editor.costOptions[v.costType] },
              { label: t.editor.fee, value: v.fee },
              { label: t.editor.costNote, value: v.costNote },
              { label: t.editor.accessibility, value: v.accessibility.map((a) => t.editor.accessibilityOptions[a]).sort().join(', ') },
              { label: t.editor.deliveryModes, value: v.deliveryModes.map((d) => t.editor.deliveryOptions[d]).sort().join(', ') },
            ]}
            save={async (v, version) =>
              (
                await gql(UpdateServiceTextDocument, {
                  id,
                  expectedVersion: version,
                  patch: {
                    minAge: optionalNumber(v.minAge),
                    maxAge: optionalNumber(v.maxAge),
                    insuranceRequirement: v.insurance,
                    eligibilityNote: v.eligibilityNote.trim() || null,
                    costType: v.costType,
                    feeAmountEuro: optionalNumber(v.fee),
                    costNote: v.costNote.trim() || null,
                    accessibility: v.accessibility,
                    deliveryModes: v.deliveryModes,
                  },
                })
              ).updateService
            }
            reload={reload}
            onSaved={onSaved}
            ownsField={(f) => /(^|\.)(minAge|maxAge|feeAmountEuro|deliveryModes)$/.test(f)}
            savedText={t.editor.saved}
            renderFields={(v, set, e) => (
              <>
                <div className="lotse-row">
                  <TextField label={t.editor.minAge} optional type="number" min={0} max={120} inputMode="numeric" value={v.minAge} onChange={(x) => set({ ...v, minAge: x.target.value })} error={e?.fieldMessage('minAge')} />
                  <TextField label={t.editor.maxAge} optional type="number" min={0} max={120} inputMode="numeric" value={v.maxAge} onChange={(x) => set({ ...v, maxAge: x.target.value })} error={e?.fieldMessage('maxAge')} />
                  <SelectField label={t.editor.insurance} value={v.insurance} onChange={(x) => set({ ...v, insurance: x.target.value as InsuranceRequirement })}>
                    {INSURANCE.map((i) => (
                      <option key={i} value={i}>
                        {t.editor.insuranceOptions[i]}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <TextField label={t.editor.eligibilityNote} optional value={v.eligibilityNote} onChange={(x) => set({ ...v, eligibilityNote: x.target.value })} />
                <div className="lotse-row">
                  <SelectField label={t.editor.costType} value={v.costType} onChange={(x) => set({ ...v, costType: x.target.value as CostType })}>
                    {COST.map((c) => (
                      <option key={c} value={c}>
                        {t.editor.costOptions[c]}
                      </option>
                    ))}
                  </SelectField>
                  <TextField label={t.editor.fee} optional inputMode="decimal" value={v.fee} onChange={(x) => set({ ...v, fee: x.target.value })} error={e?.fieldMessage('feeAmountEuro')} />
                </div>
                <TextField label={t.editor.costNote} optional value={v.costNote} onChange={(x) => set({ ...v, costNote: x.target.value })} />
                <fieldset className="kern-fieldset">
                  <legend className="kern-label">{t.editor.accessibility}</legend>
                  <div className="kern-fieldset__body lotse-row">
                    {ACCESSIBILITY.map((a) => (
                      <CheckField key={a} label={t.editor.accessibilityOptions[a]} checked={v.accessibility.includes(a)} onChange={(x) => set({ ...v, accessibility: toggle(v.accessibility, a, x.target.checked) })} />
                    ))}
                  </div>
                </fieldset>
                <fieldset className={`kern-fieldset${e?.fieldMessage('deliveryModes') ? ' kern-fieldset--error' : ''}`}>
                  <legend className="kern-label">{t.editor.deliveryModes}</legend>
                  <div className="kern-fieldset__body kern-fieldset__body--horizontal">
                    {DELIVERY.map((d) => (
                      <CheckField key={d} label={t.editor.deliveryOptions[d]} checked={v.deliveryModes.includes(d)} onChange={(x) => set({ ...v, deliveryModes: toggle(v.deliveryModes, d, x.target.checked) })} />
                    ))}
                  </div>
                  {e?.fieldMessage('deliveryModes') && <FieldError>{e.fieldMessage('deliveryModes')}</FieldError>}
                </fieldset>
              </>
            )}
          />

          <VersionedForm<Service, Hours[]>
            title={t.editor.hours}
            record={service}
            valuesOf={(s) => s.openingHours.map((h) => ({ weekday: String(h.weekday), opensAt: h.opensAt, closesAt: h.closesAt }))}
            describe={(rows) => [{ label: t.editor.hours, value: rows.map((h) => `${weekdayName(h.weekday)} ${h.opensAt}–${h.closesAt}`).join('; ') }]}
            save={async (rows, version) =>
              (await gql(SetOpeningHoursDocument, { id, expectedVersion: version, hours: rows.map((h) => ({ weekday: int(h.weekday), opensAt: h.opensAt, closesAt: h.closesAt })) })).setOpeningHours
            }
            reload={reload}
            onSaved={onSaved}
            ownsField={(f) => /^hours\.\d+\./.test(f)}
            savedText={t.editor.saved}
            renderFields={(rows, set, e) => (
              <>
                {rows.length === 0 && <p className="kern-body">{t.editor.noHours}</p>}
                <ol className="lotse-rows">
                  {rows.map((h, i) => (
                    <li key={i} className="lotse-row" aria-label={t.editor.hoursRow(i + 1)}>
                      <WeekdaySelect value={h.weekday} onChange={(w) => set(rows.map((r, j) => (j === i ? { ...r, weekday: w } : r)))} error={rowError(e, 'hours', i, 'weekday')} />
                      <TextField label={t.editor.opensAt} type="time" value={h.opensAt} onChange={(x) => set(rows.map((r, j) => (j === i ? { ...r, opensAt: x.target.value } : r)))} error={rowError(e, 'hours', i, 'opensAt')} />
                      <TextField label={t.editor.closesAt} type="time" value={h.closesAt} onChange={(x) => set(rows.map((r, j) => (j === i ? { ...r, closesAt: x.target.value } : r)))} error={rowError(e, 'hours', i, 'closesAt')} />
                      <RowActions label={t.editor.removeHours(i + 1)} onRemove={() => set(rows.filter((_, j) => j !== i))} />
                    </li>
                  ))}
                </ol>
                <p>
                  <button type="button" className="kern-btn kern-btn--secondary" onClick={() => set([...rows, { weekday: '1', opensAt: '09:00', closesAt: '12:00' }])}>
                    <span className="kern-label">{t.editor.addHours}</span>
                  </button>
                </p>
              </>
            )}
          />

          {service.category === 'COURSE' && (
            <VersionedForm<Service, Session[]>
              title={t.editor.sessions}
              record={service}
              valuesOf={(s) =>
                s.sessions.map((x) => ({ startsOn: x.startsOn, endsOn: x.endsOn, weekday: String(x.weekday), startTime: x.startTime, endTime: x.endTime, seats: String(x.seats), freeSeats: String(x.freeSeats) }))
              }
              describe={(rows) => [
                {
                  label: t.editor.sessions,
                  value: rows.map((x) => t.editor.sessionSummary(x.startsOn, x.endsOn, weekdayName(x.weekday), `${x.startTime}–${x.endTime}`, x.freeSeats, x.seats)).join('; '),
                },
              ]}
              save={async (rows, version) =>
                (
                  await gql(SetCourseSessionsDocument, {
                    id,
                    expectedVersion: version,
                    sessions: rows.map((x) => ({ startsOn: x.startsOn, endsOn: x.endsOn, weekday: int(x.weekday), startTime: x.startTime, endTime: x.endTime, seats: int(x.seats), freeSeats: int(x.freeSeats) })),
                  })
                ).setCourseSessions
              }
              reload={reload}
              onSaved={onSaved}
              ownsField={(f) => /^sessions\.\d+\./.test(f)}
              savedText={t.editor.saved}
              renderFields={(rows, set, e) => {
                const edit = (i: number, patch: Partial<Session>) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
                return (
                  <>
                    {rows.length === 0 && <p className="kern-body">{t.editor.noSessions}</p>}
                    <ol className="lotse-rows">
                      {rows.map((x, i) => (
                        <li key={i} className="lotse-row" aria-label={t.editor.sessionRow(i + 1)}>
                          <TextField label={t.editor.startsOn} type="date" value={x.startsOn} onChange={(v) => edit(i, { startsOn: v.target.value })} error={rowError(e, 'sessions', i, 'startsOn')} />
                          <TextField label={t.editor.endsOn} type="date" value={x.endsOn} onChange={(v) => edit(i, { endsOn: v.target.value })} error={rowError(e, 'sessions', i, 'endsOn')} />
                          <WeekdaySelect value={x.weekday} onChange={(w) => edit(i, { weekday: w })} error={rowError(e, 'sessions', i, 'weekday')} />
                          <TextField label={t.editor.startTime} type="time" value={x.startTime} onChange={(v) => edit(i, { startTime: v.target.value })} error={rowError(e, 'sessions', i, 'startTime')} />
                          <TextField label={t.editor.endTime} type="time" value={x.endTime} onChange={(v) => edit(i, { endTime: v.target.value })} error={rowError(e, 'sessions', i, 'endTime')} />
                          <TextField label={t.editor.seats} type="number" min={0} value={x.seats} onChange={(v) => edit(i, { seats: v.target.value })} error={rowError(e, 'sessions', i, 'seats')} />
                          <TextField label={t.editor.sessionFreeSeats} type="number" min={0} value={x.freeSeats} onChange={(v) => edit(i, { freeSeats: v.target.value })} error={rowError(e, 'sessions', i, 'freeSeats')} />
                          <RowActions label={t.editor.removeSession(i + 1)} onRemove={() => set(rows.filter((_, j) => j !== i))} />
                        </li>
                      ))}
                    </ol>
                    <p>
                      <button
                        type="button"
                        className="kern-btn kern-btn--secondary"
                        onClick={() => set([...rows, { startsOn: '', endsOn: '', weekday: '1', startTime: '09:00', endTime: '12:00', seats: '10', freeSeats: '10' }])}
                      >
                        <span className="kern-label">{t.editor.addSession}</span>
                      </button>
                    </p>
                  </>
                );
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
