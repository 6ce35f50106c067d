import { lazy, Suspense, useEffect, useState } from 'react';
import { Alert, Loading } from '../components/Alert';
import type { MatchQuery } from '../graphql/generated/graphql';
import { Link } from '../router';
import { t } from '../texts';
import { entryKey, needText } from './offer';
import { useShortlist } from './shortlist';
import { TargetCard } from './TargetCard';

// Leaflet and the boundaries load only when results are shown: not on the first page.
const ResultsMap = lazy(() => import('./ResultsMap'));

type Result = MatchQuery['matchReferralTargets'];

export function Results({ result, onMore }: { result: Result; onMore(): void }) {
  const [announcement, setAnnouncement] = useState('');
  const [activeKey, setActiveKey] = useState<string>();
  const entries = useShortlist();
  const targets = result.targets.edges.map((e) => e.node);
  const mode = t.modes[result.mode] ?? '';

  useEffect(() => {
    // the bench reads this: results on screen after the API's answer
    requestAnimationFrame(() => performance.mark?.('lotse:results-rendered'));
  }, [result]);

  return (
    <section className="lotse-results kern-stack" aria-labelledby="results-title">
      <h2 className="kern-heading-medium" id="results-title" tabIndex={-1}>
        {t.results.title}
      </h2>
      <p className="kern-body" role="status">
        {t.results.summary(result.targets.totalCount, result.limitMinutes, mode)}. {t.results.origin(result.origin.description)}.
        {result.estimator.estimated && <> {t.results.estimatedNote}</>}
      </p>
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
      {entries.length > 0 && (
        <p className="kern-body">
          <Link className="kern-link" href="/merkliste">
            {t.shortlist.count(entries.length)}
          </Link>
        </p>
      )}
      {result.unmetNeeds.length > 0 && (
        <Alert kind="warning" title={t.results.unmetTitle}>
          <p className="kern-body">{t.results.unmetText(result.unmetNeeds.map((n) => `„${n.labelDe}“`).join(', '))}</p>
        </Alert>
      )}
      {result.bundle && (
        <section className="lotse-bundle kern-stack" aria-labelledby="bundle-title">
          <h3 className="kern-heading-small" id="bundle-title">
            {t.results.bundleTitle}
          </h3>
          <p className="kern-body">
            {result.bundle.explanation} ({t.results.bundleFacts(result.bundle.distinctOrganizations, result.bundle.distinctLocations, result.bundle.totalTravelMinutes)})
          </p>
          <ol className="lotse-bundle__steps">
            {result.bundle.items.map((item) => (
              <li key={`${item.need.code}-${entryKey(item.target)}`}>
                <p className="kern-body kern-body--bold">{needText(item.target, item.need)}</p>
                <p className="kern-body kern-body--small">{item.explanation}</p>
                <TargetCard target={item.target} headingLevel={4} onAnnounce={setAnnouncement} />
              </li>
            ))}
          </ol>
          {result.bundle.missingNeeds.length > 0 && (
            <div>
              <p className="kern-body kern-body--bold">{t.results.bundleMissing}</p>
              <ul className="kern-list">
                {result.bundle.missingNeeds.map((m) => (
                  <li key={m.need.code}>
                    {m.need.labelDe}: {m.explanation}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
      <div className="lotse-split">
        <section className="lotse-split__list kern-stack" aria-labelledby="list-title">
          <h3 className="kern-heading-small" id="list-title">
            {t.results.listTitle}
          </h3>
          {targets.length === 0 && <Alert kind="info" title={t.results.none} />}
          <ol className="lotse-cards">
            {targets.map((target, i) => (
              <li key={entryKey(target)} onFocus={() => setActiveKey(entryKey(target))} onMouseEnter={() => setActiveKey(entryKey(target))}>
                <TargetCard target={target} rank={i + 1} onAnnounce={setAnnouncement} active={activeKey === entryKey(target)} />
              </li>
            ))}
          </ol>
          {targets.length < result.targets.totalCount && (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={onMore}>
              <span className="kern-label">{t.results.showMore}</span>
            </button>
          )}
        </section>
        <section className="lotse-split__map" aria-labelledby="map-title">
          <h3 className="kern-heading-small" id="map-title">
            {t.results.mapTitle}
          </h3>
          <Suspense fallback={<Loading label={t.results.mapLoading} />}>
            <ResultsMap
              origin={{ latitude: result.origin.latitude, longitude: result.origin.longitude }}
              targets={targets.map((target, i) => ({ key: entryKey(target), rank: i + 1, name: target.service.name, latitude: target.location.latitude, longitude: target.location.longitude }))}
              activeKey={activeKey}
              onSelect={(key) => {
                setActiveKey(key);
                document.querySelector<HTMLElement>(`[data-target-key="${CSS.escape(key)}"] h3`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
              }}
            />
          </Suspense>
        </section>
      </div>
      {result.beyondLimit.length > 0 && (
        <section className="kern-stack" aria-labelledby="beyond-title">
          <h3 className="kern-heading-small" id="beyond-title">
            {t.results.beyondTitle}
          </h3>
          <ul className="lotse-cards">
            {result.beyondLimit.map((b) => (
              <li key={b.need.code}>
                <p className="kern-body">{b.explanation}</p>
                {b.nearest && <TargetCard target={b.nearest} headingLevel={4} onAnnounce={setAnnouncement} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
