import { matchWeightsProblem } from '@lotse/config';

/** The factors of a match score. Codes are stable: they appear in responses and in configuration. */
export enum MatchFactor {
  NEED_FIT = 'need_fit',
  TRAVEL_TIME = 'travel_time',
  CAPACITY = 'capacity',
  FRESHNESS = 'freshness',
  DISTRICT = 'district',
  ACCESSIBILITY = 'accessibility',
  LANGUAGE = 'language',
  OUTREACH = 'outreach',
}

export type Weights = Record<MatchFactor, number>;

export interface WeightSet {
  name: string;
  weights: Weights;
}

/**
 * Defaults: what fits the need and is reachable matters most; capacity next (a partner with no
 * seats helps nobody); data freshness tells how much to trust the capacity; district, access and
 * language refine. Outreach counts only when the coach asks for it.
 */
export const DEFAULT_WEIGHT_SET: WeightSet = {
  name: 'lotse-default-2026.1',
  weights: {
    [MatchFactor.NEED_FIT]: 0.3,
    [MatchFactor.TRAVEL_TIME]: 0.3,
    [MatchFactor.CAPACITY]: 0.15,
    [MatchFactor.FRESHNESS]: 0.1,
    [MatchFactor.DISTRICT]: 0.05,
    [MatchFactor.ACCESSIBILITY]: 0.05,
    [MatchFactor.LANGUAGE]: 0.05,
    [MatchFactor.OUTREACH]: 0,
  },
};

/** How preferences shift the configured weights (documented in README). */
export const PREFERENCE_WEIGHTS = {
  /** district weight when the coach prefers the participant's own district */
  ownDistrict: 0.2,
  /** outreach weight when the coach prefers outreach */
  outreach: 0.15,
  /** capacity weight is multiplied by this when short waiting time is preferred */
  shortWaitFactor: 2,
};

/**
 * Parses MATCH_WEIGHTS (JSON object of factor → weight ≥ 0) over the defaults. Its form is checked
 * with the rest of the environment at boot (`matchWeightsProblem` of @lotse/config); this checks
 * again for callers that bypass it, and that the merged weights are not all zero.
 */
export function weightSetFromConfig(name: string | undefined, json: string | undefined): WeightSet {
  if (!json) return DEFAULT_WEIGHT_SET;
  const problem = matchWeightsProblem(json);
  if (problem) throw new Error(problem);
  const weights = { ...DEFAULT_WEIGHT_SET.weights, ...(JSON.parse(json) as Partial<Weights>) };
  if (Object.values(weights).every((w) => w === 0)) throw new Error('MATCH_WEIGHTS: at least one weight must be positive');
  return { name: name ?? 'custom', weights };
}
