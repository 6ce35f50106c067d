import { useRef, useState, type FormEvent } from 'react';
import { gql } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert } from '../components/Alert';
import { CheckField, FieldError, SelectField, TextField } from '../components/Field';
import { TextAreaField } from '../components/TextArea';
import { CoachCreateReferralDocument, type CoachReferralDetailFragment, type CoachServiceQuery, type ContactRoute, type ReferralUrgency } from '../graphql/generated/graphql';
import { t } from '../texts';
import { parseLanguages } from './referral';
import './referral.css';

export type ReferralService = CoachServiceQuery['service'];

const URGENCIES: ReferralUrgency[] = ['ROUTINE', 'URGENT', 'ASAP'];
const ROUTES: ContactRoute[] = ['PARTICIPANT_CALLS', 'PARTNER_CALLS_COACH'];
export const NOTE_MAX = 500;

interface Props {
  service: ReferralService;
  locationId?: string;
  /** need codes preselected (from the match the coach came from) */
  preselectedNeeds?: string[];
  /** German labels of need codes the service itself does not list */
  needLabels?: Record<string, string>;
  /** the languages asked for in the match, if any */
  preselectedLanguages?: string[];
  onCreated(referral: CoachReferralDetailFragment): void;
}

/**
 * The referral form: where to (the service at one of its locations), which needs, how urgent, the
 * languages and contact route the participant prefers, an optional note under a visible warning
 * not to identify anyone, and the participant's consent — both parts, explicit — before sending.
 * Without consent it can be kept as a draft. Nothing about the person is asked for.
 */
export function ReferralForm({ service, locationId, preselectedNeeds = [], needLabels = {}, preselectedLanguages = [], onCreated }: Props) {
  const [location, setLocation] = useState(locationId && service.locations.some((l) => l.id === locationId) ? locationId : (service.locations[0]?.id ?? ''));
  const needOptions = [
    ...service.needs.map((n) => ({ code: n.code, labelDe: n.labelDe })),
    ...preselectedNeeds.filter((c) => !service.needs.some((n) => n.code === c)).map((c) => ({ code: c, labelDe: needLabels[c] ?? c })),
  ];
  const [needs, setNeeds] = useState<string[]>(() => {
    const pre = preselectedNeeds.filter((c) => needOptions.some((n) => n.code === c));
    return pre.length ? pre : needOptions.length === 1 ? [needOptions[0].code] : [];
  });
  const [urgency, setUrgency] = useState<ReferralUrgency>('ROUTINE');
  const [languages, setLanguages] = useState(preselectedLanguages.join(', '));
  const [route, setRoute] = useState<ContactRoute>('PARTICIPANT_CALLS');
  const [note, setNote] = useState('');
  const [share, setShare] = useState(false);
  const [feedback, setFeedback] = useState(false);
  const [busy, setBusy] = useState<'send' | 'draft'>();
  const [error, setError] = useState<ApiError>();
  const [local, setLocal] = useState<{ needs?: string; consent?: string }>({});
  const needsRef = useRef<HTMLFieldSetElement>(null);
  const consentRef = useRef<HTMLFieldSetElement>(null);

  async function submit(send: boolean) {
    const problems = {
      needs: needs.length === 0 ? t.referral.needsMissing : undefined,
      consent: send && !(share && feedback) ? t.referral.consentMissing : undefined,
    };
    setLocal(problems);
    if (problems.needs || problems.consent) {
      (problems.needs ? needsRef : consentRef).current?.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    setBusy(send ? 'send' : 'draft');
    setError(undefined);
    try {
      const consented = share && feedback;
      const r = await gql(CoachCreateReferralDocument, {
        input: {
          serviceId: service.id,
          locationId: location,
          needs,
          urgency,
          languages: parseLanguages(languages),
          contactRoute: route,
          note: note.trim() || null,
          consent: consented ? { agreed: true, scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'] } : null,
          send,
        },
      });
      onCreated(r.createReferral);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
    } finally {
      setBusy(undefined);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(true);
  };

  const needsError = local.needs ?? error?.fieldMessage('needs');
  const consentError = local.consent ?? error?.fieldMessage('consent', 'agreed', 'scopes');
  const noteError = error?.fieldMessage('note');
  const languagesError = error?.fieldMessage('languages');
  const targetError = error?.fieldMessage('serviceId', 'locationId');
  const pageError = error && !needsError && !consentError && !noteError && !languagesError && !targetError ? error.message : undefined;

  return (
    <form className="kern-stack" onSubmit={onSubmit} noValidate aria-busy={!!busy}>
      {service.locations.length > 1 ? (
        <SelectField label={t.referral.location} value={location} onChange={(e) => setLocation(e.target.value)} error={targetError}>
          {service.locations.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name ? `${l.name}, ` : ''}
              {l.street}, {l.postcode} {l.town}
            </option>
          ))}
        </SelectField>
      ) : (
        targetError && <Alert kind="danger" title={targetError} />
      )}

      <fieldset className={`kern-fieldset${needsError ? ' kern-fieldset--error' : ''}`} ref={needsRef} aria-describedby="refer-needs-hint">
        <legend className="kern-label">{t.referral.needs}</legend>
        <div className="kern-hint" id="refer-needs-hint">
          {t.referral.needsHint}
        </div>
        <div className="kern-fieldset__body">
          {needOptions.map((n) => (
            <CheckField
              key={n.code}
              label={n.labelDe}
              checked={needs.includes(n.code)}
              onChange={(e) => setNeeds(e.target.checked ? [...needs, n.code] : needs.filter((c) => c !== n.code))}
            />
          ))}
        </div>
        {needsError && <FieldError>{needsError}</FieldError>}
      </fieldset>

      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t.referral.urgency}</legend>
        <div className="kern-fieldset__body kern-fieldset__body--horizontal">
          {URGENCIES.map((u) => (
            <CheckField key={u} type="radio" name="urgency" label={t.referral.urgencies[u]} checked={urgency === u} onChange={() => setUrgency(u)} />
          ))}
        </div>
      </fieldset>

      <TextField label={t.referral.languages} hint={t.referral.languagesHint} value={languages} onChange={(e) => setLanguages(e.target.value)} error={languagesError} optional />

      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t.referral.contactRoute}</legend>
        <div className="kern-fieldset__body">
          {ROUTES.map((r) => (
            <CheckField key={r} type="radio" name="contact-route" label={t.referral.contactRoutes[r]} checked={route === r} onChange={() => setRoute(r)} />
          ))}
        </div>
      </fieldset>

      <div className="lotse-warning-box kern-stack" id="refer-note-warning">
        <p className="kern-body kern-body--bold">
          <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" /> {t.referral.noteWarningTitle}
        </p>
        <p className="kern-body">{t.referral.noteWarning}</p>
      </div>
      <TextAreaField
        id="refer-note"
        label={t.referral.note}
        hint={t.referral.noteCount(note.length, NOTE_MAX)}
        rows={3}
        maxLength={NOTE_MAX}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={noteError}
        aria-describedby={`refer-note-warning refer-note-hint${noteError ? ' refer-note-error' : ''}`}
      />

      <fieldset className={`kern-fieldset${consentError ? ' kern-fieldset--error' : ''}`} ref={consentRef} aria-describedby="refer-consent-intro refer-consent-when">
        <legend className="kern-label">{t.referral.consent}</legend>
        <p className="kern-body" id="refer-consent-intro">
          {t.referral.consentIntro}
        </p>
        <div className="kern-fieldset__body">
          <CheckField label={t.referral.consentShare} checked={share} onChange={(e) => setShare(e.target.checked)} />
          <CheckField label={t.referral.consentFeedback} checked={feedback} onChange={(e) => setFeedback(e.target.checked)} />
        </div>
        <p className="kern-hint" id="refer-consent-when">
          {t.referral.consentWhen}
        </p>
        {consentError && <FieldError>{consentError}</FieldError>}
      </fieldset>

      {pageError && <Alert kind="danger" title={pageError} />}
      <div className="lotse-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={!!busy}>
          <span className="kern-label">{busy === 'send' ? t.referral.sending : t.referral.send}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" disabled={!!busy} onClick={() => void submit(false)}>
          <span className="kern-label">{busy === 'draft' ? t.referral.saving : t.referral.saveDraft}</span>
        </button>
      </div>
    </form>
  );
}
