import '../roles.css';
import { useEffect, useState, type FormEvent } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { CheckField, SelectField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { CoordinatorReferralOutcomesDocument, type CoordinatorReferralOutcomesQuery } from '../../graphql/generated/graphql';
import { Link } from '../../router';
import { t } from '../../texts';
import { countText, coverageHref, outcomesCsv, pivotOutcomes, saveText, unmetCsv } from './aggregates';
import { useLookups } from './useLookups';

interface Controls {
  district: string;
  need: string;
  withReasons: boolean;
}
const toApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));

/** A count cell: the number, or "< 5" with the words for a screen reader. */
function Count({ n }: { n: number | null | undefined }) {
  if (n === null) {
    return (
      <abbr className="lotse-suppressed" title={t.aggregates.suppressedLabel}>
        {t.aggregates.suppressed}
      </abbr>
    );
  }
  return <>{countText(n)}</>;
}

/**
 * Referrals for coordinators — aggregates only, never a single referral: how closed referrals
 * ended per district × need × outcome (optionally by reason), counts under 5 withheld and shown
 * as "< 5"; next to it the unmet demand (declines for lack of capacity), each linked to the
 * coverage of its need and district. Both as CSV.
 */
export function ReferralAggregatesPage() {
  const lookups = useLookups();
  const [controls, setControls] = useState<Controls>({ district: '', need: '', withReasons: false });
  const [data, setData] = useState<CoordinatorReferralOutcomesQuery>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();

  async function show(c: Controls) {
    setLoading(true);
    setError(undefined);
    try {
      setData(await gql(CoordinatorReferralOutcomesDocument, { districtAgs: c.district ? [c.district] : null, needs: c.need ? [c.need] : null, withReasons: c.withReasons }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => void show(controls), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void show(controls);
  };
  const districtName = (ags: string | null) => (ags ? (lookups?.districts.find((d) => d.ags === ags)?.name ?? ags) : t.aggregates.noDistrict);
  const needLabel = (code: string) => lookups?.needs.find((n) => n.code === code)?.labelDe ?? code;
  const table = data ? pivotOutcomes(data.referralOutcomes, districtName, needLabel) : undefined;
  const groups = [...new Set(lookups?.needs.map((n) => n.group))];

  return (
    <div className="kern-stack">
      <PageTitle>{t.aggregates.title}</PageTitle>
      <p className="kern-body">{t.aggregates.intro}</p>
      <p className="kern-body" id="aggregates-suppressed">
        {t.aggregates.suppressedNote}
      </p>
      <p className="kern-body kern-body--small">{t.aggregates.noPeriod}</p>
      <form onSubmit={submit} className="kern-stack" aria-label={t.aggregates.filters} noValidate>
        <div className="lotse-filters">
          <SelectField label={t.aggregates.district} value={controls.district} onChange={(e) => setControls({ ...controls, district: e.target.value })}>
            <option value="">{t.aggregates.allDistricts}</option>
            {lookups?.districts.map((d) => (
              <option key={d.ags} value={d.ags}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t.aggregates.need} value={controls.need} onChange={(e) => setControls({ ...controls, need: e.target.value })}>
            <option value="">{t.aggregates.allNeeds}</option>
            {groups.map((g) => (
              <optgroup key={g} label={g}>
                {lookups?.needs
                  .filter((n) => n.group === g)
                  .map((n) => (
                    <option key={n.code} value={n.code}>
                      {n.labelDe}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
        </div>
        <CheckField
          label={
            <>
              {t.aggregates.withReasons} <span className="kern-body kern-body--small">({t.aggregates.withReasonsHint})</span>
            </>
          }
          checked={controls.withReasons}
          onChange={(e) => setControls({ ...controls, withReasons: e.target.checked })}
        />
        <p>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t.aggregates.submit}</span>
          </button>
        </p>
      </form>
      {error && <Alert kind="danger" title={error.message} />}
      {loading && <Loading label={t.aggregates.loading} />}

      {data && table && !loading && (
        <>
          {/* the scroll region below is the named landmark (one per table) */}
          <section className="kern-stack">
            <h2 className="kern-heading-medium" id="aggregates-outcomes">
              {t.aggregates.outcomes}
            </h2>
            {table.rows.length === 0 ? (
              <p className="kern-body">{t.aggregates.outcomesEmpty}</p>
            ) : (
              <div className="lotse-table-wrap" tabIndex={0} role="region" aria-labelledby="aggregates-outcomes">
                <table className="kern-table kern-table--small kern-table--striped" aria-describedby="aggregates-suppressed">
                  <thead className="kern-table__header">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">{t.aggregates.colDistrict}</th>
                      <th scope="col" className="kern-table__header">{t.aggregates.colNeed}</th>
                      {table.columns.map((c) => (
                        <th scope="col" className="kern-table__header kern-table__header--numeric" key={c.key}>
                          {c.label}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {table.rows.map((r) => (
                      <tr className="kern-table__row" key={`${r.districtAgs}|${r.needCode}`}>
                        <th scope="row" className="kern-table__cell">{districtName(r.districtAgs)}</th>
                        <td className="kern-table__cell">{needLabel(r.needCode)}</td>
                        {table.columns.map((c) => (
                          <td className="kern-table__cell kern-table__cell--numeric" key={c.key}>
                            <Count n={r.cells.get(c.key)} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="kern-stack">
            <h2 className="kern-heading-medium" id="aggregates-unmet">
              {t.aggregates.unmet}
            </h2>
            <p className="kern-body">{t.aggregates.unmetIntro}</p>
            {data.unmetReferralDemand.length === 0 ? (
              <p className="kern-body">{t.aggregates.unmetEmpty}</p>
            ) : (
              <div className="lotse-table-wrap" tabIndex={0} role="region" aria-labelledby="aggregates-unmet">
                <table className="kern-table kern-table--small kern-table--striped" aria-describedby="aggregates-suppressed">
                  <thead className="kern-table__header">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">{t.aggregates.colDistrict}</th>
                      <th scope="col" className="kern-table__header">{t.aggregates.colNeed}</th>
                      <th scope="col" className="kern-table__header kern-table__header--numeric">{t.aggregates.colDeclined}</th>
                      <th scope="col" className="kern-table__header">{t.aggregates.colCoverage}</th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {data.unmetReferralDemand.map((u) => (
                      <tr className="kern-table__row" key={`${u.districtAgs}|${u.needCode}`}>
                        <th scope="row" className="kern-table__cell">{districtName(u.districtAgs)}</th>
                        <td className="kern-table__cell">{needLabel(u.needCode)}</td>
                        <td className="kern-table__cell kern-table__cell--numeric">
                          <Count n={u.suppressed ? null : u.declinedForCapacity} />
                        </td>
                        <td className="kern-table__cell">
                          <Link className="kern-link" href={coverageHref(u.needCode, u.districtAgs)} aria-label={t.aggregates.coverageLink(needLabel(u.needCode), districtName(u.districtAgs))}>
                            {t.aggregates.coverageShort}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="kern-stack" aria-labelledby="aggregates-downloads">
            <h2 className="kern-heading-small" id="aggregates-downloads">
              {t.aggregates.downloads}
            </h2>
            <p className="lotse-actions">
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => saveText(outcomesCsv(data.referralOutcomes, districtName, needLabel), t.aggregates.csvOutcomes)}>
                <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{t.aggregates.downloadOutcomes}</span>
              </button>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={() => saveText(unmetCsv(data.unmetReferralDemand, districtName, needLabel), t.aggregates.csvUnmet)}>
                <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                <span className="kern-label">{t.aggregates.downloadUnmet}</span>
              </button>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
