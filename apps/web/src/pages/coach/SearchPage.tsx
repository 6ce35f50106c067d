import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { gql } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Loading } from '../../components/Alert';
import { CheckField, SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/Layout';
import { SearchServicesDocument, type SearchServicesQuery, type SearchServicesQueryVariables } from '../../graphql/generated/graphql';
import { useRole } from '../../auth/session';
import { referHref, serviceHref } from '../../coach/referral';
import { shortlist, useShortlist } from '../../coach/shortlist';
import { Link } from '../../router';
import { formatCost, formatDate, formatHours, formatNumber, t } from '../../texts';

// Leaflet loads only when the coach opens the map of the hits.
const ResultsMap = lazy(() => import('../../coach/ResultsMap'));

type Connection = SearchServicesQuery['searchServices'];
type Hit = Connection['edges'][number]['node'];

interface Filters {
  text: string;
  needs: string[];
  categories: string[];
  districtAgs: string;
  acceptingNewClients: boolean;
  language: string;
  postcode: string;
  radiusKm: number;
  sort: 'RELEVANCE' | 'DISTANCE' | 'NAME';
}

const DEFAULTS: Filters = { text: '', needs: [], categories: [], districtAgs: '', acceptingNewClients: false, language: '', postcode: '', radiusKm: 25, sort: 'RELEVANCE' };
let memory: Filters = DEFAULTS;

function variables(f: Filters, after?: string): SearchServicesQueryVariables {
  const near = /^\d{5}$/.test(f.postcode.trim()) ? { postcode: f.postcode.trim(), radiusMeters: f.radiusKm * 1000 } : undefined;
  return {
    text: f.text.trim() || undefined,
    filter: {
      ...(f.needs.length ? { needs: f.needs } : {}),
      ...(f.categories.length ? { categories: f.categories as never } : {}),
      ...(f.districtAgs ? { districtAgs: f.districtAgs } : {}),
      ...(f.acceptingNewClients ? { acceptingNewClients: true } : {}),
      ...(f.language.trim() ? { language: f.language.trim().toLowerCase() } : {}),
    },
    near,
    sort: f.sort === 'DISTANCE' && !near ? 'RELEVANCE' : f.sort,
    first: 20,
    after,
  };
}

/** Text search with the same filters and facets as `searchServices`; results update as you type. */
export function SearchPage() {
  const [f, setF] = useState<Filters>(memory);
  const [result, setResult] = useState<Connection>();
  const [hits, setHits] = useState<Hit[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const seq = useRef(0);
  const entries = useShortlist();
  const role = useRole();
  const [showMap, setShowMap] = useState(false);
  const [activeKey, setActiveKey] = useState<string>();
  // the hits with a place, numbered like the list (a service's first location)
  const mapTargets = useMemo(
    () =>
      hits.flatMap((hit, i) => {
        const l = hit.service.locations[0];
        return l ? [{ key: hit.service.id, rank: i + 1, name: hit.service.name, latitude: l.latitude, longitude: l.longitude }] : [];
      }),
    [hits],
  );
  const selectOnMap = useCallback((key: string) => {
    setActiveKey(key);
    document.getElementById(`hit-${key}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);

  const update = (patch: Partial<Filters>) =>
    setF((old) => {
      memory = { ...old, ...patch };
      return memory;
    });

  useEffect(() => {
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setBusy(true);
      gql(SearchServicesDocument, variables(f))
        .then((r) => {
          if (mine !== seq.current) return;
          setResult(r.searchServices);
          setHits(r.searchServices.edges.map((e) => e.node));
          setError(undefined);
        })
        .catch((e) => mine === seq.current && setError(e instanceof ApiError ? e : new ApiError('INTERNAL_SERVER_ERROR', t.errors.server)))
        .finally(() => mine === seq.current && setBusy(false));
    }, 250);
    return () => clearTimeout(timer);
  }, [f]);

  async function more() {
    if (!result?.pageInfo.endCursor) return;
    const r = await gql(SearchServicesDocument, variables(f, result.pageInfo.endCursor));
    setResult(r.searchServices);
    setHits((h) => [...h, ...r.searchServices.edges.map((e) => e.node)]);
  }

  const toggle = (list: string[], v: string, on: boolean) => (on ? [...list, v] : list.filter((x) => x !== v));
  const postcodeError = error?.fieldMessage('near.postcode', 'postcode') ?? (f.postcode && !/^\d{5}$/.test(f.postcode.trim()) ? t.fieldErrorsPostcodeFormat : undefined);

  return (
    <div className="kern-stack">
      <PageTitle>{t.search.title}</PageTitle>
      <p className="kern-body">{t.search.intro}</p>
      <form className="kern-stack" role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField label={t.search.text} hint={t.search.textHint} type="search" value={f.text} onChange={(e) => update({ text: e.target.value })} error={error?.fieldMessage('text')} />
        <div className="lotse-row">
          <TextField label={t.search.nearPostcode} inputMode="numeric" value={f.postcode} onChange={(e) => update({ postcode: e.target.value })} error={postcodeError} optional />
          <SelectField label={t.search.radius} value={String(f.radiusKm)} onChange={(e) => update({ radiusKm: Number(e.target.value) })}>
            {[5, 10, 25, 50, 100].map((km) => (
              <option key={km} value={km}>
                {t.search.radiusOption(km)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t.search.sort} value={f.sort} onChange={(e) => update({ sort: e.target.value as Filters['sort'] })}>
            <option value="RELEVANCE">{t.search.sortRelevance}</option>
            <option value="DISTANCE">{t.search.sortDistance}</option>
            <option value="NAME">{t.search.sortName}</option>
          </SelectField>
        </div>
        <div className="lotse-row">
          <CheckField label={t.search.acceptingNewClients} checked={f.acceptingNewClients} onChange={(e) => update({ acceptingNewClients: e.target.checked })} />
          <TextField label={t.search.language} hint={t.search.languageHint} value={f.language} onChange={(e) => update({ language: e.target.value })} error={error?.fieldMessage('language')} optional />
        </div>
      </form>
      <div className="lotse-search">
        <aside className="lotse-search__facets kern-stack" aria-label={t.search.filters}>
          {result && (
            <>
              <fieldset className="kern-fieldset">
                <legend className="kern-label">{t.search.facetNeeds}</legend>
                <div className="kern-fieldset__body">
                  {result.facets.needs.map((n) => (
                    <CheckField key={n.need.code} label={t.search.facetItem(n.need.labelDe, n.count)} checked={f.needs.includes(n.need.code)} onChange={(e) => update({ needs: toggle(f.needs, n.need.code, e.target.checked) })} />
                  ))}
                </div>
              </fieldset>
              <fieldset className="kern-fieldset">
                <legend className="kern-label">{t.search.facetCategories}</legend>
                <div className="kern-fieldset__body">
                  {result.facets.categories.map((c) => (
                    <CheckField
                      key={c.category}
                      label={t.search.facetItem(t.categories[c.category] ?? c.category, c.count)}
                      checked={f.categories.includes(c.category)}
                      onChange={(e) => update({ categories: toggle(f.categories, c.category, e.target.checked) })}
                    />
                  ))}
                </div>
              </fieldset>
              <SelectField label={t.search.facetDistricts} value={f.districtAgs} onChange={(e) => update({ districtAgs: e.target.value })}>
                <option value="">{t.find.openAtAny}</option>
                {result.facets.districts.map((d) => (
                  <option key={d.ags} value={d.ags}>
                    {t.search.facetItem(d.name, d.count)}
                  </option>
                ))}
              </SelectField>
              <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => update({ ...DEFAULTS, text: f.text })}>
                <span className="kern-label">{t.search.resetFilters}</span>
              </button>
            </>
          )}
        </aside>
        <section className="lotse-search__hits kern-stack" aria-labelledby="hits-title" aria-busy={busy}>
          <h2 className="kern-heading-small" id="hits-title">
            {result ? t.search.count(result.totalCount) : t.search.searching}
          </h2>
          {error && !postcodeError && <Alert kind="danger" title={error.message} />}
          {busy && !result && <Loading label={t.search.searching} />}
          {result && result.totalCount === 0 && <Alert kind="info" title={t.search.empty} />}
          {mapTargets.length > 0 && (
            <div className="kern-stack">
              <p>
                <button type="button" className="kern-btn kern-btn--secondary" aria-expanded={showMap} aria-controls="search-map" onClick={() => setShowMap((v) => !v)}>
                  <span className="kern-label">{t.search.showMap}</span>
                </button>
              </p>
              <div id="search-map" hidden={!showMap}>
                {showMap && (
                  <Suspense fallback={<Loading label={t.results.mapLoading} />}>
                    <ResultsMap targets={mapTargets} activeKey={activeKey} onSelect={selectOnMap} label={t.search.mapLabel} />
                  </Suspense>
                )}
              </div>
            </div>
          )}
          <ol className="lotse-cards">
            {hits.map((hit, i) => {
              const s = hit.service;
              const loc = s.locations[0];
              const key = `${s.id}@${loc?.id ?? ''}`;
              const onList = entries.some((e) => e.key === key);
              const phones = s.organization.phones.map((p) => (p.label ? `${p.label}: ${p.number}` : p.number));
              return (
                <li key={s.id} onFocus={() => setActiveKey(s.id)} onMouseEnter={() => setActiveKey(s.id)}>
                  <article className={`kern-card lotse-card${activeKey === s.id ? ' lotse-card--active' : ''}`} aria-labelledby={`hit-${s.id}`}>
                    <div className="kern-card__container">
                      <header className="kern-card__header">
                        <p className="kern-preline lotse-rank">{t.search.hitNumber(i + 1)}</p>
                        <h3 className="kern-title" id={`hit-${s.id}`}>
                          {s.name}
                        </h3>
                        <p className="kern-subline">
                          {s.organization.name}
                          {s.organization.fictitious && <span className="kern-badge kern-badge--warning lotse-badge">{t.card.fictitious}</span>}
                        </p>
                      </header>
                      <div className="kern-card__body">
                        <dl className="lotse-facts">
                          <div>
                            <dt>{t.card.kind}</dt>
                            <dd>{t.categories[s.category] ?? s.category}</dd>
                          </div>
                          <div>
                            <dt>{t.card.needs}</dt>
                            <dd>{s.needs.map((n) => n.labelDe).join(', ')}</dd>
                          </div>
                          <div>
                            <dt>{t.search.locations}</dt>
                            <dd>{s.locations.map((l) => `${l.street}, ${l.postcode} ${l.town}`).join('; ') || '–'}</dd>
                          </div>
                          {hit.distanceMeters != null && (
                            <div>
                              <dt>{t.card.travel}</dt>
                              <dd>{t.search.distance(formatNumber(hit.distanceMeters / 1000, 1))}</dd>
                            </div>
                          )}
                          <div>
                            <dt>{t.card.phone}</dt>
                            <dd>{phones.join(' · ') || '–'}</dd>
                          </div>
                          <div>
                            <dt>{t.card.allHours}</dt>
                            <dd>{formatHours(s.openingHours).join('; ') || t.card.noHours}</dd>
                          </div>
                          <div>
                            <dt>{t.card.capacity}</dt>
                            <dd>
                              {s.capacity.acceptingNewClients ? t.card.acceptsNew : t.card.acceptsNoNew}
                              {s.capacity.freeSeats != null && `, ${t.card.freeSeats(s.capacity.freeSeats)}`}
                              {s.capacity.waitingDays != null && `, ${t.card.waiting(s.capacity.waitingDays)}`} <span className="lotse-muted">({t.card.asOf(formatDate(s.capacity.updatedAt))})</span>
                            </dd>
                          </div>
                          <div>
                            <dt>{t.card.cost}</dt>
                            <dd>{formatCost(s.cost)}</dd>
                          </div>
                          <div>
                            <dt>{t.card.verifiedLabel}</dt>
                            <dd>{s.verification.verifiedAt ? t.card.verified(formatDate(s.verification.verifiedAt)) : t.card.neverVerified}</dd>
                          </div>
                        </dl>
                      </div>
                      {loc && (
                        <footer className="kern-card__footer lotse-card__actions">
                          <Link className="kern-btn kern-btn--tertiary" href={serviceHref(s.id, loc.id)}>
                            <span className="kern-label">
                              {t.referral.openService}
                              <span className="kern-sr-only">: {s.name}</span>
                            </span>
                          </Link>
                          {role === 'COACH' && (
                            <Link className="kern-btn kern-btn--secondary" href={referHref(s.id, loc.id)}>
                              <span className="kern-label">
                                {t.referral.refer}
                                <span className="kern-sr-only">: {s.name}</span>
                              </span>
                            </Link>
                          )}
                          <button
                            type="button"
                            className={`kern-btn ${onList ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
                            onClick={() =>
                              onList
                                ? shortlist.remove(key)
                                : shortlist.add({
                                    key,
                                    serviceName: s.name,
                                    organizationName: s.organization.name,
                                    address: `${loc.street}, ${loc.postcode} ${loc.town}`,
                                    phones,
                                    email: s.organization.email,
                                    website: s.organization.website,
                                    hours: formatHours(s.openingHours),
                                    cost: formatCost(s.cost),
                                    travel: t.shortlist.travelUnknown,
                                    fictitious: s.organization.fictitious,
                                    addedAt: new Date().toISOString(),
                                  })
                            }
                          >
                            <span className="kern-label">{onList ? t.card.removeFromShortlist : t.card.addToShortlist}</span>
                          </button>
                        </footer>
                      )}
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
          {result?.pageInfo.hasNextPage && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={more}>
              <span className="kern-label">{t.search.more}</span>
            </button>
          )}
        </section>
      </div>
    </div>
  );
}
