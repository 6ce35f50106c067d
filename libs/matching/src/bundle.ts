import { NeedTerm } from '@lotse/catalogue';
import { MatchBundle, MatchTarget } from './matching.types';

/**
 * "Aus einer Hand": one target per need, chosen to keep the participant's trips and contacts few.
 * Exhaustive over the best few targets of each need (≤ 6^5 combinations), minimising
 *
 *   cost = Σ travel minutes over distinct locations          (a place visited once is travelled to once)
 *        + 15 × (distinct organizations − 1)                 (each further organisation is another contact)
 *        + 10 × (distinct locations − 1)                     (each further place is another trip)
 *        − 30 × Σ scores                                     (quality still counts)
 *
 * Ties go to the combination found first (targets in rank order), so the result is deterministic.
 */
export const BUNDLE_COST = { organizationMinutes: 15, locationMinutes: 10, scoreMinutes: 30, candidatesPerNeed: 6 };

export function bestBundle(needs: NeedTerm[], ranked: MatchTarget[]): MatchBundle | null {
  const options = needs.map((need) => ranked.filter((t) => t.matchedNeeds.some((n) => n.code === need.code)).slice(0, BUNDLE_COST.candidatesPerNeed));
  if (options.some((o) => o.length === 0)) return null;
  let best: { cost: number; choice: MatchTarget[] } | null = null;
  const choice: MatchTarget[] = [];
  const visit = (i: number) => {
    if (i === options.length) {
      const cost = bundleCost(choice);
      if (!best || cost < best.cost - 1e-9) best = { cost, choice: [...choice] };
      return;
    }
    for (const option of options[i]) {
      choice.push(option);
      visit(i + 1);
      choice.pop();
    }
  };
  visit(0);
  const chosen = best!.choice;
  const locations = distinct(chosen, (t) => t.location.id);
  const organizations = distinct(chosen, (t) => t.service.organizationId).length;
  const totalTravelMinutes = locations.reduce((sum, t) => sum + t.travelMinutes, 0);
  return {
    items: needs.map((need, i) => ({ need, target: chosen[i] })),
    totalTravelMinutes,
    distinctOrganizations: organizations,
    distinctLocations: locations.length,
    explanation: `${needs.length} Bedarfe bei ${organizations === 1 ? 'einem Träger' : `${organizations} Trägern`} an ${locations.length === 1 ? 'einem Ort' : `${locations.length} Orten`}, zusammen ca. ${Math.max(1, Math.round(totalTravelMinutes))} Min. Anfahrt (geschätzt)`,
  };
}

export function bundleCost(choice: MatchTarget[]): number {
  const locations = distinct(choice, (t) => t.location.id);
  const organizations = distinct(choice, (t) => t.service.organizationId).length;
  return (
    locations.reduce((sum, t) => sum + t.travelMinutes, 0) +
    BUNDLE_COST.organizationMinutes * (organizations - 1) +
    BUNDLE_COST.locationMinutes * (locations.length - 1) -
    BUNDLE_COST.scoreMinutes * choice.reduce((sum, t) => sum + t.score, 0)
  );
}

function distinct<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
