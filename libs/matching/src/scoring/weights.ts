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

/** Parses MATCH_WEIGHTS (JSON object of factor → weight ≥ 0) over the defaults. */
export function weightSetFromConfig(name: string | undefined, json: string | undefined): WeightSet {
  if (!json) return DEFAULT_WEIGHT_SET;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('MATCH_WEIGHTS must be a JSON object such as {"travel_time": 0.4}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('MATCH_WEIGHTS must be a JSON object');
  const known = new Set<string>(Object.values(MatchFactor));
  const weights = { ...DEFAULT_WEIGHT_SET.weights };
  for (const [factor, weight] of Object.entries(parsed)) {
    if (!known.has(factor)) throw new Error(`MATCH_WEIGHTS: unknown factor "${factor}" (known: ${[...known].join(', ')})`);
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) throw new Error(`MATCH_WEIGHTS: weight of "${factor}" must be a number ≥ 0`);
    weights[factor as MatchFactor] = weight;
  }
  if (Object.values(weights).every((w) => w === 0)) throw new Error('MATCH_WEIGHTS: at least one weight must be positive');
  return { name: name ?? 'custom', weights };
}
