import '../roles.css';
import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { VersionedForm } from '../../components/VersionedForm';
import {
  CreatePartnerLocationDocument,
  PartnerLocationByIdDocument,
  UpdatePartnerLocationDocument,
  type PartnerLocationFragment,
} from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';
import { useMyOrganizations } from './usePartnerData';

const PointPicker = lazy(() => import('../../components/PointPicker'));

interface Values {
  name: string;
  street: string;
  postcode: string;
  town: string;
  latitude: string;
  longitude: string;
}

const valuesOf = (l: PartnerLocationFragment): Values => ({
  name: l.name ?? '',
  street: l.street,
  postcode: l.postcode,
  town: l.town,
  latitude: String(l.latitude),
  longitude: String(l.longitude),
});
const empty: Values = { name: '', street: '', postcode: '', town: '', latitude: '', longitude: '' };
const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));

/**
 * What is sent: without a point the API geocodes the address; a point set by hand wins. When the
 * address changed but the point did not, the point is left out so the new address is geocoded.
 */
export function locationInput(v: Values, before?: Values) {
  const addressChanged = !before || before.street !== v.street || before.postcode !== v.postcode || before.town !== v.town;
  const pointChanged = !before || before.latitude !== v.latitude || before.longitude !== v.longitude;
  const keepPoint = v.latitude.trim() !== '' && v.longitude.trim() !== '' && (pointChanged || !addressChanged);
  return {
    name: v.name.trim() || null,
    street: v.street,
    postcode: v.postcode,
    town: v.town,
    ...(keepPoint ? { latitude: num(v.latitude), longitude: num(v.longitude) } : {}),
  };
}

/** A point the geocoder placed (postcode or locality, or a street), not a partner: shown as "Punkt ungefähr". */
export const isApproximate = (precision?: string | null) => !!precision && precision !== 'EXACT';

/**
 * "Punkt ungefähr": the point came from the offline geocoder (the middle of the postcode or the
 * place), so distances and travel times from it are rough. Says why and asks for the pin to be
 * moved; once moved (not yet saved), says that saving makes the point exact.
 */
export function ApproximatePoint({ precision, postcode, town, moved }: { precision: string; postcode: string; town: string; moved: boolean }) {
  if (moved) {
    return (
      <Alert kind="info" title={t.location.approximate.movedTitle}>
        <p className="kern-body">{t.location.approximate.moved}</p>
      </Alert>
    );
  }
  return (
    <Alert kind="warning" title={t.location.approximate.title}>
      <p className="kern-body">{t.location.approximate.why(precision, postcode, town)}</p>
      <p className="kern-body">{t.location.approximate.how}</p>
    </Alert>
  );
}

function Fields({ values: v, set, error, precision, saved }: { values: Values; set(v: Values): void; error?: ApiError; precision?: string; saved?: Values }) {
  const point = num(v.latitude) != null && num(v.longitude) != null && !Number.isNaN(num(v.latitude)) ? { latitude: num(v.latitude)!, longitude: num(v.longitude)! } : undefined;
  return (
    <>
      <TextField label={t.location.name} optional value={v.name} onChange={(e) => set({ ...v, name: e.target.value })} error={error?.fieldMessage('name')} />
      <TextField label={t.location.street} value={v.street} autoComplete="street-address" onChange={(e) => set({ ...v, street: e.target.value })} error={error?.fieldMessage('street')} />
      <div className="lotse-row">
        <TextField label={t.location.postcode} value={v.postcode} inputMode="numeric" autoComplete="postal-code" maxLength={5} onChange={(e) => set({ ...v, postcode: e.target.value })} error={error?.fieldMessage('postcode')} />
        <TextField label={t.location.town} value={v.town} autoComplete="address-level2" onChange={(e) => set({ ...v, town: e.target.value })} error={error?.fieldMessage('town')} />
      </div>
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t.location.point}</legend>
        <p className="kern-hint">{t.location.pointHint}</p>
        {precision && !isApproximate(precision) && <p className="kern-body kern-body--small">{t.location.precision[precision] ?? precision}</p>}
        {precision && isApproximate(precision) && saved && (
          <ApproximatePoint precision={precision} postcode={saved.postcode} town={saved.town} moved={v.latitude !== saved.latitude || v.longitude !== saved.longitude} />
        )}
        <div className="lotse-row">
          <TextField label={t.location.latitude} optional inputMode="decimal" value={v.latitude} onChange={(e) => set({ ...v, latitude: e.target.value })} error={error?.fieldMessage('latitude')} />
          <TextField label={t.location.longitude} optional inputMode="decimal" value={v.longitude} onChange={(e) => set({ ...v, longitude: e.target.value })} error={error?.fieldMessage('longitude')} />
        </div>
        <Suspense fallback={<Loading label={t.location.mapLoading} />}>
          <PointPicker value={point} onChange={(p) => set({ ...v, latitude: String(p.latitude), longitude: String(p.longitude) })} />
        </Suspense>
      </fieldset>
    </>
  );
}

const owns = (f: string) => /(^|\.)(name|street|postcode|town|latitude|longitude)$/.test(f);

function CreateLocation({ organizationId }: { organizationId: string }) {
  const { navigate } = useRouter();
  const { organizations } = useMyOrganizations();
  const [values, setValues] = useState<Values>(empty);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const organization = organizations?.find((o) => o.id === organizationId);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { createLocation } = await gql(CreatePartnerLocationDocument, { organizationId, input: locationInput(values) });
      navigate(`/partner/standort?id=${createLocation.id}&neu`, { replace: true });
    } catch (x) {
      setError(x instanceof ApiError ? x : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
      setBusy(false);
    }
  };
  return (
    <>
      <PageTitle>{t.location.createTitle}</PageTitle>
      {organization && <p className="kern-body">{organization.name}</p>}
      <form className="kern-stack" onSubmit={submit} noValidate>
        <Fields values={values} set={setValues} error={error} />
        {error && !error.fields.some((f) => owns(f.field)) && <Alert kind="danger" title={error.message} />}
        <p>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-label">{busy ? t.capacity.saving : t.location.create}</span>
          </button>
        </p>
      </form>
    </>
  );
}

function EditLocation({ id, created }: { id: string; created: boolean }) {
  const [location, setLocation] = useState<PartnerLocationFragment & { organization: { name: string } }>();
  const [error, setError] = useState<ApiError>();
  const reload = useCallback(async () => (await gql(PartnerLocationByIdDocument, { id })).location, [id]);
  useEffect(() => {
    reload()
      .then(setLocation)
      .catch((e) => setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server)));
  }, [reload]);
  return (
    <>
      <PageTitle>{location ? t.location.editTitle(location.name ?? location.street) : t.location.editTitleLoading}</PageTitle>
      {error && <Alert kind="danger" title={error.message} />}
      {!location && !error && <Loading label={t.location.loading} />}
      {created && <Alert kind="success" title={t.location.created} />}
      {location && (
        <>
          <p className="kern-body">
            {location.organization.name}
            {location.municipality ? ` · ${t.location.inMunicipality(location.municipality.name)}` : ''}
          </p>
          <VersionedForm<PartnerLocationFragment, Values>
            title={t.location.address}
            record={location}
            valuesOf={valuesOf}
            describe={(v) => [
              { label: t.location.name, value: v.name },
              { label: t.location.street, value: v.street },
              { label: t.location.postcode, value: v.postcode },
              { label: t.location.town, value: v.town },
              { label: t.location.point, value: v.latitude && v.longitude ? `${v.latitude}, ${v.longitude}` : '' },
            ]}
            save={async (v, version) => (await gql(UpdatePartnerLocationDocument, { id, expectedVersion: version, patch: locationInput(v, valuesOf(location)) })).updateLocation}
            reload={reload}
            onSaved={(l) => setLocation((prev) => prev && { ...prev, ...l })}
            ownsField={owns}
            savedText={t.editor.saved}
            conflictTitle={t.conflict.titleLocation}
            renderFields={(v, set, e) => <Fields values={v} set={set} error={e} precision={location.geocodePrecision} saved={valuesOf(location)} />}
          />
        </>
      )}
    </>
  );
}

/** A location's address and its point on the map: a new one for an organisation, or an existing one. */
export function LocationEditor() {
  const { search } = useRouter();
  const q = new URLSearchParams(search);
  const id = q.get('id');
  return (
    <div className="kern-stack">
      <p>
        <Link className="kern-link" href="/partner">
          {t.capacity.back}
        </Link>
      </p>
      {id ? <EditLocation key={id} id={id} created={q.has('neu')} /> : <CreateLocation organizationId={q.get('organisation') ?? ''} />}
    </div>
  );
}
