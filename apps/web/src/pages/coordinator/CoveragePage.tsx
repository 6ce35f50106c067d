import '../roles.css';
import { useEffect, useState, type FormEvent } from 'react';
import { fetchWithAuth, gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { formatNumber, formatPercent } from '../../components/format';
import { PageTitle } from '../../components/Layout';
import { CoordinatorUnmetDemandDocument, NetworkCoverageViewDocument, type CoordinatorUnmetDemandQuery, type NetworkCoverageViewQuery, type TravelMode } from '../../graphql/generated/graphql';
import { useRouter } from '../../router';
import { UnmetDemandNote } from './UnmetDemandNote';
import { t } from '../../texts';
import { type CoverageControls, coverageVariables } from './coverage-request';
import { useLookups } from './useLookups';

type Coverage = NetworkCoverageViewQuery['networkCoverage'];
type Controls = CoverageControls<TravelMode>;
const MODES: TravelMode[] = ['PUBLIC_TRANSPORT', 'CAR', 'BICYCLE', 'WALK'];
const apiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server));

/** the query string of the coverage HTTP endpoints (map.svg, map.png, coverage.geojson) */
export function coverageQuery(c: Controls, needParam: 'need' | 'needs' = 'need'): string {
  const q = new URLSearchParams({ [needParam]: c.need, mode: c.mode.toLowerCase(), threshold: c.threshold });
  if (c.district) q.set('district', c.district);
  return q.toString();
}

async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await fetchWithAuth(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Coverage for coordinators: need, mode, threshold and district; the API's map (SVG, drawn by the
 * server from the bundled boundaries, so it works offline) in the page, the gap list as the
 * accessible form of the map, network size and freshness, and the map and data to download.
 */
export function CoveragePage() {
  const lookups = useLookups();
  // ?bedarf=…&gebiet=… (the link from the referral figures' unmet demand) opens that need and district at once
  const { search } = useRouter();
  const [linked] = useState(() => {
    const q = new URLSearchParams(search);
    return { need: q.get('bedarf') ?? '', district: q.get('gebiet') ?? '' };
  });
  const [controls, setControls] = useState<Controls>({ need: linked.need, mode: 'PUBLIC_TRANSPORT', threshold: '30', district: linked.district });
  const [unmet, setUnmet] = useState<CoordinatorUnmetDemandQuery['unmetReferralDemand']>();
  const [shown, setShown] = useState<Controls>();
  const [coverage, setCoverage] = useState<Coverage>();
  const [map, setMap] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [downloadError, setDownloadError] = useState<ApiError>();

  useEffect(() => {
    if (lookups && !controls.need && lookups.needs.length) setControls((c) => ({ ...c, need: lookups.needs.find((n) => n.code === 'addiction')?.code ?? lookups.needs[0].code }));
  }, [lookups]);
  useEffect(() => {
    if (linked.need) void show(controls);
  }, []);

  async function show(c: Controls) {
    setLoading(true);
    setError(undefined);
    setMap(undefined);
    try {
      const { networkCoverage } = await gql(NetworkCoverageViewDocument, coverageVariables(c));
      setCoverage(networkCoverage);
      setShown(c);
      setUnmet(undefined);
      // declines for lack of capacity: demand the network's reach does not show (counts under 5 withheld)
      gql(CoordinatorUnmetDemandDocument, { needs: [c.need], districtAgs: c.district ? [c.district] : null })
        .then((d) => setUnmet(d.unmetReferralDemand))
        .catch(() => setUnmet([]));
      setLoading(false);
      const svg = await (await fetchWithAuth(`/coverage/map.svg?${coverageQuery(c)}`)).text();
      // a data: URL (the CSP allows images from data:, and an <img> runs no script of the SVG)
      setMap(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    } catch (e) {
      setError(apiError(e));
      setLoading(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void show(controls);
  };

  const fieldError = (...names: string[]) => error?.fieldMessage(...names);
  const needError = fieldError('needs', 'need');
  const thresholdError = fieldError('thresholdMinutes', 'threshold');
  const districtError = fieldError('districtAgs', 'district');
  const pageError = error && !needError && !thresholdError && !districtError ? error.message : undefined;
  const groups = [...new Set(lookups?.needs.map((n) => n.group))];
  const districtName = (ags?: string | null) => (ags ? (lookups?.districts.find((d) => d.ags === ags)?.name ?? ags) : t.coverage.allDistricts);
  const needLabel = (code: string) => lookups?.needs.find((n) => n.code === code)?.labelDe ?? code;
  const fileBase = shown ? `lotse-abdeckung-${shown.district || 'sachsen'}-${shown.need}-${shown.mode.toLowerCase()}-${shown.threshold}` : '';

  const summary = coverage?.summary[0];
  const size = new Map<string, { services: number; organizations: number }>();
  for (const cell of coverage?.networkSize ?? []) {
    if (shown?.district && cell.districtAgs !== shown.district) continue;
    const s = size.get(cell.category) ?? { services: 0, organizations: 0 };
    size.set(cell.category, { services: s.services + cell.services, organizations: s.organizations + cell.organizations });
  }

  return (
    <div className="kern-stack">
      <PageTitle>{t.coverage.title}</PageTitle>
      <p className="kern-body">{t.coverage.intro}</p>
      <form onSubmit={submit} className="kern-stack" aria-label={t.coverage.title} noValidate>
        <div className="lotse-filters">
          <SelectField label={t.coverage.need} value={controls.need} onChange={(e) => setControls({ ...controls, need: e.target.value })} error={needError}>
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
          <SelectField label={t.coverage.mode} value={controls.mode} onChange={(e) => setControls({ ...controls, mode: e.target.value as TravelMode })}>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t.coverage.modes[m]}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t.coverage.threshold}
            hint={t.coverage.thresholdHint}
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            value={controls.threshold}
            error={thresholdError}
            onChange={(e) => setControls({ ...controls, threshold: e.target.value })}
          />
          <SelectField label={t.coverage.district} value={controls.district} onChange={(e) => setControls({ ...controls, district: e.target.value })} error={districtError}>
            <option value="">{t.coverage.allDistricts}</option>
            {lookups?.districts.map((d) => (
              <option key={d.ags} value={d.ags}>
                {d.name}
              </option>
            ))}
          </SelectField>
        </div>
        <p>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading || !controls.need}>
            <span className="kern-label">{t.coverage.submit}</span>
          </button>
        </p>
      </form>
      {pageError && <Alert kind="danger" title={pageError} />}
      {loading && <Loading label={t.coverage.loading} />}

      {coverage && shown && !loading && (
        <>
          <section className="kern-stack" aria-labelledby="coverage-map">
            <h2 className="kern-heading-medium" id="coverage-map">
              {t.coverage.mapTitle}
            </h2>
            {map ? (
              <img className="lotse-map" src={map} alt={t.coverage.mapAlt(needLabel(shown.need), coverage.thresholdMinutes, t.coverage.modes[coverage.mode], districtName(shown.district))} />
            ) : (
              !error && <Loading label={t.coverage.mapLoading} />
            )}
            <h3 className="kern-heading-small">{t.coverage.downloads}</h3>
            <p className="lotse-actions">
              {(
                [
                  [t.coverage.downloadPng, `/coverage/map.png?${coverageQuery(shown)}`, `${fileBase}.png`],
                  [t.coverage.downloadSvg, `/coverage/map.svg?${coverageQuery(shown)}`, `${fileBase}.svg`],
                  [t.coverage.downloadGeoJson, `/coverage/coverage.geojson?${coverageQuery(shown, 'needs')}`, `${fileBase}.geojson`],
                ] as const
              ).map(([label, path, name]) => (
                <button
                  key={name}
                  type="button"
                  className="kern-btn kern-btn--secondary"
                  onClick={() => {
                    setDownloadError(undefined);
                    download(path, name).catch((e) => setDownloadError(apiError(e)));
                  }}
                >
                  <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
                  <span className="kern-label">{label}</span>
                </button>
              ))}
            </p>
            {downloadError && <Alert kind="danger" title={downloadError.message} />}
          </section>

          {summary && (
            <section className="kern-stack" aria-labelledby="coverage-summary">
              <h2 className="kern-heading-medium" id="coverage-summary">
                {t.coverage.summary}: {summary.need.labelDe}
              </h2>
              <dl className="kern-description-list">
                {(
                  [
                    [t.coverage.municipalities, formatNumber(summary.municipalities)],
                    [t.coverage.covered, formatNumber(summary.coveredMunicipalities)],
                    [t.coverage.uncovered, formatNumber(summary.uncoveredMunicipalities)],
                    [t.coverage.withoutPartner, formatNumber(summary.municipalitiesWithoutPartner)],
                    ...(summary.coveredPopulationShare != null ? [[t.coverage.populationCovered, formatPercent(summary.coveredPopulationShare)]] : []),
                    ...(summary.medianNearestMinutes != null ? [[t.coverage.medianMinutes, t.coverage.minutes(summary.medianNearestMinutes)]] : []),
                    ...(summary.maxNearestMinutes != null ? [[t.coverage.maxMinutes, t.coverage.minutes(summary.maxNearestMinutes)]] : []),
                  ] as [string, string][]
                ).map(([k, v]) => (
                  <div className="kern-description-list-item" key={k}>
                    <dt className="kern-description-list-item__key">{k}</dt>
                    <dd className="kern-description-list-item__value">{v}</dd>
                  </div>
                ))}
              </dl>
              {coverage.method.estimated && <p className="kern-body kern-body--small">{t.coverage.estimated}</p>}
            </section>
          )}

          {unmet && <UnmetDemandNote unmet={unmet} districtName={districtName} />}

          <section className="kern-stack" aria-labelledby="coverage-gaps">
            <h2 className="kern-heading-medium" id="coverage-gaps">
              {t.coverage.gaps}
            </h2>
            <p className="kern-body">{t.coverage.gapsIntro}</p>
            {coverage.gapList.length === 0 ? (
              <Alert kind="success" title={t.coverage.noGaps} />
            ) : (
              <div className="lotse-table-wrap" tabIndex={0} role="region" aria-labelledby="coverage-gaps">
                <table className="kern-table kern-table--small kern-table--striped">
                  <thead className="kern-table__header">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">{t.coverage.gapMunicipality}</th>
                      <th scope="col" className="kern-table__header">{t.coverage.gapDistrict}</th>
                      <th scope="col" className="kern-table__header kern-table__header--numeric">{t.coverage.gapPopulation}</th>
                      <th scope="col" className="kern-table__header">{t.coverage.gapNearest}</th>
                      <th scope="col" className="kern-table__header kern-table__header--numeric">{t.coverage.gapMinutes}</th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {coverage.gapList.map((g) => (
                      <tr className="kern-table__row" key={`${g.municipalityAgs}-${g.need.labelDe}`}>
                        <th scope="row" className="kern-table__cell">{g.municipalityName}</th>
                        <td className="kern-table__cell">{g.districtName}</td>
                        <td className="kern-table__cell kern-table__cell--numeric">{g.populationUncovered != null ? formatNumber(g.populationUncovered) : '–'}</td>
                        <td className="kern-table__cell">{g.nearest ? `${g.nearest.serviceName}, ${g.nearest.town}` : t.coverage.none}</td>
                        <td className="kern-table__cell kern-table__cell--numeric">{g.nearest ? Math.round(g.nearest.travelMinutes) : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="kern-stack" aria-labelledby="coverage-size">
            <h2 className="kern-heading-medium" id="coverage-size">
              {t.coverage.size}
            </h2>
            <div className="lotse-table-wrap">
              <table className="kern-table kern-table--small">
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">{t.coverage.sizeCategory}</th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">{t.coverage.sizeServices}</th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">{t.coverage.sizeOrganizations}</th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {[...size].map(([category, s]) => (
                    <tr className="kern-table__row" key={category}>
                      <th scope="row" className="kern-table__cell">{t.categories[category] ?? category}</th>
                      <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(s.services)}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(s.organizations)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <h2 className="kern-heading-medium">{t.coverage.freshness}</h2>
            <p className="kern-body">
              {t.coverage.freshnessText(
                coverage.freshness.overall.verifiedWithin,
                coverage.freshness.overall.services,
                coverage.freshness.overall.share != null ? formatPercent(coverage.freshness.overall.share) : '–',
                coverage.freshness.freshDays,
              )}
            </p>
          </section>
        </>
      )}
    </div>
  );
}
