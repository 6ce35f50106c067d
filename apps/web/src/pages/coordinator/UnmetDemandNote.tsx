import type { CoordinatorUnmetDemandQuery } from '../../graphql/generated/graphql';
import { Link } from '../../router';
import { t } from '../../texts';
import { countText } from './aggregates';

/**
 * Beside the coverage of one need: how often partners declined referrals for it for lack of
 * capacity, per district (counts under 5 withheld) — where the network is reachable but full.
 */
export function UnmetDemandNote({ unmet, districtName }: { unmet: CoordinatorUnmetDemandQuery['unmetReferralDemand']; districtName(ags: string | null): string }) {
  return (
    <section className="kern-stack" aria-labelledby="coverage-unmet">
      <h2 className="kern-heading-medium" id="coverage-unmet">
        {t.aggregates.coverageSection}
      </h2>
      <p className="kern-body">{t.aggregates.coverageSectionIntro}</p>
      {unmet.length === 0 ? (
        <p className="kern-body">{t.aggregates.unmetEmpty}</p>
      ) : (
        <ul className="lotse-list">
          {unmet.map((u) => (
            <li key={`${u.districtAgs}|${u.needCode}`} className="kern-body">
              {districtName(u.districtAgs)}: {u.suppressed ? t.aggregates.suppressedLabel : countText(u.declinedForCapacity)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link className="kern-link" href="/koordination/vermittlungen">
          {t.aggregates.coverageSectionLink}
        </Link>
      </p>
    </section>
  );
}
