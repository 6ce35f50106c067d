import { useEffect, useRef, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { MatchDocument, NeedsDocument, type MatchQuery } from '../../graphql/generated/graphql';
import { t } from '../../texts';
import { NeedPicker, type Need } from '../../coach/NeedPicker';
import { OriginField, originOf } from '../../coach/OriginField';
import { OriginMap } from '../../coach/OriginMap';
import { DEFAULT_FORM, kindValue, LIMITS, MODES, toMatchRequest, type FindForm } from '../../coach/request';
import { referralStart } from '../../coach/referral';
import { Results } from '../../coach/Results';

/**
 * "Passende Angebote finden": needs, origin, travel, the folded-away rest; then the results.
 * The form and the last result live in memory for this tab only, so going to the shortlist and
 * back keeps them — and nothing of it reaches any storage.
 */
let memory: { form: FindForm; result?: MatchQuery['matchReferralTargets']; first: number } = { form: DEFAULT_FORM, first: 20 };
let needsCache: Need[] | undefined;

export function resetFindMemory(): void {
  memory = { form: DEFAULT_FORM, first: 20 };
}

const ACCESSIBILITY = ['STEP_FREE_ACCESS', 'LIFT', 'ACCESSIBLE_WC', 'ACCESSIBLE_PARKING', 'HEARING_LOOP', 'SIGN_LANGUAGE', 'BRAILLE', 'EASY_LANGUAGE'] as const;
const DELIVERY = ['IN_PERSON', 'OUTREACH', 'ONLINE'] as const;

export function FindPage() {
  const [needs, setNeeds] = useState<Need[] | undefined>(needsCache);
  const [needsError, setNeedsError] = useState<string>();
  const [form, setFormState] = useState<FindForm>(memory.form);
  const [result, setResult] = useState(memory.result);
  const [first, setFirst] = useState(memory.first);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [local, setLocal] = useState<{ needs?: string; origin?: string }>({});
  const answeredAt = useRef<number>(0);

  const setForm = (patch: Partial<FindForm>) =>
    setFormState((f) => {
      const next = { ...f, ...patch };
      memory.form = next;
      return next;
    });

  useEffect(() => {
    if (needsCache) return;
    gql(NeedsDocument)
      .then((r) => {
        needsCache = r.needs;
        setNeeds(r.needs);
      })
      .catch((e) => setNeedsError(e instanceof ApiError ? e.message : t.errors.server));
  }, []);

  async function run(nextFirst: number) {
    const origin = originOf(form.originText, form.originChosen, form.originPoint);
    const problems = {
      needs: form.needs.length === 0 ? t.find.needNeeds : undefined,
      origin: origin.kind === 'none' ? t.find.needOrigin : undefined,
    };
    setLocal(problems);
    if (problems.needs || problems.origin) {
      document.getElementById(problems.needs ? 'needs-start' : 'origin-start')?.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const request = toMatchRequest(form, origin);
      // "Vermitteln" on a result preselects these languages in the referral form (memory only)
      referralStart.noteMatchLanguages(request.constraints?.languages ?? []);
      const r = await gql(MatchDocument, { request, first: nextFirst });
      answeredAt.current = performance.now();
      performance.mark?.('lotse:match-answered');
      memory.result = r.matchReferralTargets;
      memory.first = nextFirst;
      setResult(r.matchReferralTargets);
      setFirst(nextFirst);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(20);
  };

  const originError = local.origin ?? error?.fieldMessage('origin.postcode', 'origin.place', 'origin.latitude', 'origin.longitude', 'origin', 'postcode', 'place');
  const needsFieldError = local.needs ?? error?.fieldMessage('needs', 'partnerKinds');
  const limitError = error?.fieldMessage('maxMinutes', 'travel');
  const unplaced = error && !originError && !needsFieldError && !limitError && !error.fieldMessage('age', 'languages', 'courseStartsWithinDays', 'openAt');

  return (
    <div className="kern-stack">
      <PageTitle>{t.find.title}</PageTitle>
      <p className="kern-body">{t.find.intro}</p>
      <form className="lotse-find kern-stack" onSubmit={submit} noValidate aria-busy={busy}>
        {unplaced && <Alert kind="danger" title={error.message} />}
        <div id="needs-start">
          {needsError && <Alert kind="danger" title={needsError} />}
          {!needs && !needsError && <Loading label={t.find.needsLoading} />}
          {needs && <NeedPicker needs={needs} selected={form.needs} onChange={(codes) => setForm({ needs: codes })} error={needsFieldError} />}
        </div>
        {needs &&
          form.needs.map((code) => {
            const need = needs.find((n) => n.code === code);
            if (!need || need.defaultPartnerKinds.length < 2) return null;
            return (
              <SelectField key={code} label={t.find.kindLabel(need.labelDe)} value={form.kinds[code] ?? ''} onChange={(e) => setForm({ kinds: { ...form.kinds, [code]: e.target.value } })}>
                <option value="">{t.find.kindDefault(need.defaultPartnerKinds.slice(0, 4).map((k) => k.labelDe).join(', ') + (need.defaultPartnerKinds.length > 4 ? ' …' : ''))}</option>
                {need.defaultPartnerKinds.map((k) => (
                  <option key={`r-${k.labelDe}`} value={kindValue('REQUIRE', k)}>
                    {t.find.kindOnly(k.labelDe)}
                  </option>
                ))}
                {need.defaultPartnerKinds.map((k) => (
                  <option key={`p-${k.labelDe}`} value={kindValue('PREFER', k)}>
                    {t.find.kindPrefer(k.labelDe)}
                  </option>
                ))}
              </SelectField>
            );
          })}
        <div id="origin-start">
          <OriginField
            value={form.originText}
            chosen={form.originChosen}
            point={form.originPoint}
            onChange={(text, chosen) => setForm({ originText: text, originChosen: chosen })}
            error={originError}
          />
          <OriginMap
            point={originOf(form.originText, form.originChosen, form.originPoint).kind === 'point' ? form.originPoint : undefined}
            onPick={(p) => setForm({ originText: p.label, originPoint: p })}
          />
        </div>
        <div className="lotse-row">
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t.find.modeLegend}</legend>
            <div className="kern-fieldset__body kern-fieldset__body--horizontal">
              {MODES.map((m) => (
                <CheckField key={m} type="radio" name="mode" label={t.modeNames[m]} checked={form.mode === m} onChange={() => setForm({ mode: m })} />
              ))}
            </div>
          </fieldset>
          <SelectField label={t.find.limitLabel} value={String(form.limit)} onChange={(e) => setForm({ limit: Number(e.target.value) })} error={limitError}>
            {LIMITS.map((m) => (
              <option key={m} value={m}>
                {t.find.limitOption(m)}
              </option>
            ))}
          </SelectField>
        </div>
        <details className="lotse-advanced">
          <summary>{t.find.advanced}</summary>
          <p className="kern-hint">{t.find.advancedHint}</p>
          <div className="kern-stack">
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t.find.constraintsLegend}</legend>
              <div className="kern-fieldset__body">
                <CheckField label={t.find.acceptingNewClientsOnly} checked={form.acceptingNewClientsOnly} onChange={(e) => setForm({ acceptingNewClientsOnly: e.target.checked })} />
                <CheckField label={t.find.costCovered} checked={form.costCovered} onChange={(e) => setForm({ costCovered: e.target.checked })} />
                <CheckField label={t.find.stepFreeAccess} checked={form.stepFreeAccess} onChange={(e) => setForm({ stepFreeAccess: e.target.checked })} />
                <CheckField label={t.find.diversify} checked={form.diversify} onChange={(e) => setForm({ diversify: e.target.checked })} />
              </div>
            </fieldset>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t.find.accessibilityLegend}</legend>
              <div className="kern-fieldset__body lotse-columns">
                {ACCESSIBILITY.map((a) => (
                  <CheckField
                    key={a}
                    label={t.accessibility[a]}
                    checked={form.accessibility.includes(a)}
                    onChange={(e) => setForm({ accessibility: e.target.checked ? [...form.accessibility, a] : form.accessibility.filter((x) => x !== a) })}
                  />
                ))}
              </div>
            </fieldset>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t.find.deliveryLegend}</legend>
              <div className="kern-fieldset__body kern-fieldset__body--horizontal">
                {DELIVERY.map((d) => (
                  <CheckField
                    key={d}
                    label={t.delivery[d]}
                    checked={form.deliveryModes.includes(d)}
                    onChange={(e) => setForm({ deliveryModes: e.target.checked ? [...form.deliveryModes, d] : form.deliveryModes.filter((x) => x !== d) })}
                  />
                ))}
              </div>
            </fieldset>
            <div className="lotse-row">
              <TextField label={t.find.languages} hint={t.find.languagesHint} value={form.languages} onChange={(e) => setForm({ languages: e.target.value })} error={error?.fieldMessage('languages')} optional />
              <TextField label={t.find.age} hint={t.find.ageHint} inputMode="numeric" value={form.age} onChange={(e) => setForm({ age: e.target.value })} error={error?.fieldMessage('age')} optional />
              <TextField
                label={t.find.courseStartsWithinDays}
                inputMode="numeric"
                value={form.courseStartsWithinDays}
                onChange={(e) => setForm({ courseStartsWithinDays: e.target.value })}
                error={error?.fieldMessage('courseStartsWithinDays')}
                optional
              />
            </div>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t.find.openAtLegend}</legend>
              <div className="lotse-row">
                <SelectField label={t.find.openAtWeekday} value={form.openAtWeekday} onChange={(e) => setForm({ openAtWeekday: e.target.value })} error={error?.fieldMessage('openAt.weekday', 'openAt')}>
                  <option value="">{t.find.openAtAny}</option>
                  {t.weekdays.slice(1).map((d, i) => (
                    <option key={d} value={i + 1}>
                      {d}
                    </option>
                  ))}
                </SelectField>
                <TextField label={t.find.openAtTime} type="time" value={form.openAtTime} onChange={(e) => setForm({ openAtTime: e.target.value })} error={error?.fieldMessage('openAt.time')} />
              </div>
            </fieldset>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t.find.preferencesLegend}</legend>
              <div className="kern-fieldset__body">
                <CheckField label={t.find.shortWait} checked={form.shortWait} onChange={(e) => setForm({ shortWait: e.target.checked })} />
                <CheckField label={t.find.ownDistrict} checked={form.ownDistrict} onChange={(e) => setForm({ ownDistrict: e.target.checked })} />
                <CheckField label={t.find.outreach} checked={form.outreach} onChange={(e) => setForm({ outreach: e.target.checked })} />
              </div>
            </fieldset>
          </div>
        </details>
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={busy}>
            <span className="kern-icon kern-icon--search kern-icon--small" aria-hidden="true" />
            <span className="kern-label">{busy ? t.find.searching : t.find.submit}</span>
          </button>
        </div>
      </form>
      {busy && <Loading label={t.find.searching} />}
      {result && !busy && <Results result={result} onMore={() => run(first + 20)} />}
    </div>
  );
}
