import '../roles.css';
import { useCallback, useEffect, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { VersionedForm } from '../../components/VersionedForm';
import {
  MyOrganizationDetailsDocument,
  UpdatePartnerOrganizationDocument,
  type IdentifierScheme,
  type OrganizationPatchInput,
  type PartnerOrganizationDetailsFragment,
} from '../../graphql/generated/graphql';
import { Link, useRouter } from '../../router';
import { t } from '../../texts';

type Organization = PartnerOrganizationDetailsFragment;
interface Phone {
  label: string;
  number: string;
}
interface Contact {
  name: string;
  email: string;
  website: string;
  phones: Phone[];
}
interface Identifier {
  scheme: IdentifierScheme;
  value: string;
}

const SCHEMES: IdentifierScheme[] = ['IK', 'BSNR', 'LANR', 'OTHER'];

const contactOf = (o: Organization): Contact => ({
  name: o.name,
  email: o.email ?? '',
  website: o.website ?? '',
  phones: o.phones.map((p) => ({ label: p.label ?? '', number: p.number })),
});
const identifiersOf = (o: Organization): Identifier[] => o.identifiers.map((i) => ({ scheme: i.scheme, value: i.value }));

/** "www.beispiel.de" → "https://www.beispiel.de"; empty stays empty (clears the website). */
export function normalizeWebsite(v: string): string | null {
  const s = v.trim();
  if (!s) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) ? s : `https://${s}`;
}

/** The patch for name and contact: empty optional fields are cleared (null), what was typed is sent as typed. */
export function contactPatch(v: Contact) {
  return {
    name: v.name.trim(),
    email: v.email.trim() || null,
    website: normalizeWebsite(v.website),
    phones: v.phones.map((p) => ({ number: p.number.trim(), label: p.label.trim() || null })),
  };
}

const phonesText = (phones: Phone[]) => phones.map((p) => (p.label ? `${p.label}: ${p.number}` : p.number)).join('; ');
const identifiersText = (ids: Identifier[]) => ids.map((i) => `${i.scheme} ${i.value}`).join('; ');
const rowError = (error: ApiError | undefined, list: string, i: number, field: string) => error?.fieldMessage(`${list}.${i}.${field}`);

function RemoveButton({ label, onRemove }: { label: string; onRemove(): void }) {
  return (
    <button type="button" className="kern-btn kern-btn--tertiary lotse-row__remove" onClick={onRemove} aria-label={label}>
      <span className="kern-icon kern-icon--delete kern-icon--small" aria-hidden="true" />
      <span className="kern-label">{t.editor.remove}</span>
    </button>
  );
}

/**
 * Name, contact and identifiers of one of the partner's organisations (`/partner/organisation?id=…`).
 * Two version-checked forms over the same record, like the service editor: a save in one gives the
 * other the new version; on CONFLICT the stored values are shown beside the input.
 */
export function OrganizationEditor() {
  const { search } = useRouter();
  const id = new URLSearchParams(search).get('id') ?? '';
  const [organization, setOrganization] = useState<Organization>();
  const [error, setError] = useState<ApiError>();
  const reload = useCallback(async () => {
    const found = (await gql(MyOrganizationDetailsDocument)).myOrganizations.find((o) => o.id === id);
    if (!found) throw new ApiError('NOT_FOUND', t.organization.notFound);
    return found;
  }, [id]);
  useEffect(() => {
    reload()
      .then(setOrganization)
      .catch((e) => setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server)));
  }, [reload]);
  const save = async (patch: OrganizationPatchInput, version: number) =>
    (await gql(UpdatePartnerOrganizationDocument, { id, expectedVersion: version, patch })).updateOrganization;

  return (
    <div className="kern-stack">
      <p>
        <Link className="kern-link" href="/partner">
          {t.capacity.back}
        </Link>
      </p>
      <PageTitle>{organization ? t.organization.title(organization.name) : t.organization.titleLoading}</PageTitle>
      {error && <Alert kind="danger" title={error.message} />}
      {!organization && !error && <Loading label={t.organization.loading} />}
      {organization && (
        <>
          <p className="kern-body">{t.organization.intro}</p>
          <VersionedForm<Organization, Contact>
            title={t.organization.contact}
            record={organization}
            valuesOf={contactOf}
            describe={(v) => [
              { label: t.organization.name, value: v.name },
              { label: t.organization.email, value: v.email },
              { label: t.organization.website, value: v.website },
              { label: t.organization.phones, value: phonesText(v.phones) },
            ]}
            save={(v, version) => save(contactPatch(v), version)}
            reload={reload}
            onSaved={setOrganization}
            ownsField={(f) => /(^|\.)(name|email|website)$/.test(f) || /(^|\.)phones\.\d+\./.test(f)}
            savedText={t.editor.saved}
            conflictTitle={t.organization.conflictTitle}
            renderFields={(v, set, e) => (
              <>
                <TextField label={t.organization.name} value={v.name} autoComplete="organization" onChange={(x) => set({ ...v, name: x.target.value })} error={e?.fieldMessage('name')} />
                <div className="lotse-row">
                  <TextField
                    label={t.organization.email}
                    optional
                    type="email"
                    hint={t.organization.emailHint}
                    autoComplete="email"
                    value={v.email}
                    onChange={(x) => set({ ...v, email: x.target.value })}
                    error={e?.fieldMessage('email')}
                  />
                  <TextField
                    label={t.organization.website}
                    optional
                    type="url"
                    inputMode="url"
                    hint={t.organization.websiteHint}
                    autoComplete="url"
                    value={v.website}
                    onChange={(x) => set({ ...v, website: x.target.value })}
                    error={e?.fieldMessage('website')}
                  />
                </div>
                <fieldset className="kern-fieldset">
                  <legend className="kern-label">{t.organization.phones}</legend>
                  {v.phones.length === 0 && <p className="kern-body">{t.organization.noPhones}</p>}
                  <ol className="lotse-rows">
                    {v.phones.map((p, i) => {
                      const edit = (patch: Partial<Phone>) => set({ ...v, phones: v.phones.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
                      return (
                        <li key={i} className="lotse-row" aria-label={t.organization.phoneRow(i + 1)}>
                          <TextField label={t.organization.phoneLabel} optional hint={t.organization.phoneLabelHint} value={p.label} onChange={(x) => edit({ label: x.target.value })} error={rowError(e, 'phones', i, 'label')} />
                          <TextField label={t.organization.phoneNumber} type="tel" autoComplete="tel" value={p.number} onChange={(x) => edit({ number: x.target.value })} error={rowError(e, 'phones', i, 'number')} />
                          <RemoveButton label={t.organization.removePhone(i + 1)} onRemove={() => set({ ...v, phones: v.phones.filter((_, j) => j !== i) })} />
                        </li>
                      );
                    })}
                  </ol>
                  <p>
                    <button type="button" className="kern-btn kern-btn--secondary" onClick={() => set({ ...v, phones: [...v.phones, { label: '', number: '' }] })}>
                      <span className="kern-label">{t.organization.addPhone}</span>
                    </button>
                  </p>
                </fieldset>
              </>
            )}
          />

          <VersionedForm<Organization, Identifier[]>
            title={t.organization.identifiers}
            record={organization}
            valuesOf={identifiersOf}
            describe={(rows) => [{ label: t.organization.identifiers, value: identifiersText(rows) }]}
            save={(rows, version) => save({ identifiers: rows.map((r) => ({ scheme: r.scheme, value: r.value.trim() })) }, version)}
            reload={reload}
            onSaved={setOrganization}
            ownsField={(f) => /(^|\.)identifiers\.\d+\./.test(f)}
            savedText={t.editor.saved}
            conflictTitle={t.organization.conflictTitle}
            renderFields={(rows, set, e) => (
              <>
                <p className="kern-hint">{t.organization.identifiersHint}</p>
                {rows.length === 0 && <p className="kern-body">{t.organization.noIdentifiers}</p>}
                <ol className="lotse-rows">
                  {rows.map((r, i) => {
                    const edit = (patch: Partial<Identifier>) => set(rows.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                    return (
                      <li key={i} className="lotse-row" aria-label={t.organization.identifierRow(i + 1)}>
                        <SelectField label={t.organization.scheme} value={r.scheme} onChange={(x) => edit({ scheme: x.target.value as IdentifierScheme })}>
                          {SCHEMES.map((s) => (
                            <option key={s} value={s}>
                              {t.organization.schemes[s]}
                            </option>
                          ))}
                        </SelectField>
                        <TextField label={t.organization.value} value={r.value} autoComplete="off" onChange={(x) => edit({ value: x.target.value })} error={rowError(e, 'identifiers', i, 'value')} />
                        <RemoveButton label={t.organization.removeIdentifier(i + 1)} onRemove={() => set(rows.filter((_, j) => j !== i))} />
                      </li>
                    );
                  })}
                </ol>
                <p>
                  <button type="button" className="kern-btn kern-btn--secondary" onClick={() => set([...rows, { scheme: 'IK', value: '' }])}>
                    <span className="kern-label">{t.organization.addIdentifier}</span>
                  </button>
                </p>
              </>
            )}
          />
        </>
      )}
    </div>
  );
}
