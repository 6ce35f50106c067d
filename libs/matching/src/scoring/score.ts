import { AccessibilityFeature, DeliveryMode, ListingFacts } from '@lotse/catalogue';
import { MatchFactor, PREFERENCE_WEIGHTS, Weights } from './weights';

/**
 * The score of a target is the weighted mean of its factor values, each in [0, 1]:
 *
 *   score = Σ weight_f × value_f / Σ weight_f
 *
 * need_fit      = requested needs addressed / requested needs
 * travel_time   = 1 − minutes / limit minutes (0 at the limit)
 * capacity      = 0 if not accepting new clients or a course has no free seat; else
 *                 1 / (1 + waiting days / 14) (0.5 when the waiting time is unknown)
 * freshness     = 0.5 ^ (days since the capacity was updated / 30)
 * district      = 1 in the participant's district, else 0
 * accessibility = share of {step-free access, accessible WC, lift} present
 * language      = 1 if offered in the participant's first language, 0.6 if in another of theirs
 *                 (German when none are given), else 0
 * outreach      = 1 if the service comes to the participant (aufsuchend), else 0
 */
export interface ScoreInput {
  service: ListingFacts;
  matchedNeeds: number;
  requestedNeeds: number;
  travelMinutes: number;
  limitMinutes: number;
  inOwnDistrict: boolean;
  /** languages the participant speaks, preferred first */
  languages: string[];
  now: Date;
}

export interface FactorValue {
  factor: MatchFactor;
  value: number;
  weight: number;
  contribution: number;
}

export const HALF_LIFE_DAYS = 30;
export const WAITING_SCALE_DAYS = 14;
export const UNKNOWN_WAITING_VALUE = 0.5;
export const ACCESSIBILITY_CORE = [AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC, AccessibilityFeature.LIFT];

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function daysSince(date: Date, now: Date): number {
  return Math.max(0, (now.getTime() - date.getTime()) / 86_400_000);
}

export function factorValues(input: ScoreInput): Record<MatchFactor, number> {
  const s = input.service;
  const spoken = input.languages.length ? input.languages : ['de'];
  let capacity: number;
  if (!s.acceptingNewClients || s.freeSeats === 0) capacity = 0;
  else if (s.waitingDays === null) capacity = UNKNOWN_WAITING_VALUE;
  else capacity = 1 / (1 + s.waitingDays / WAITING_SCALE_DAYS);
  return {
    [MatchFactor.NEED_FIT]: input.matchedNeeds / input.requestedNeeds,
    [MatchFactor.TRAVEL_TIME]: clamp(1 - input.travelMinutes / input.limitMinutes),
    [MatchFactor.CAPACITY]: capacity,
    [MatchFactor.FRESHNESS]: Math.pow(0.5, daysSince(s.capacityUpdatedAt, input.now) / HALF_LIFE_DAYS),
    [MatchFactor.DISTRICT]: input.inOwnDistrict ? 1 : 0,
    [MatchFactor.ACCESSIBILITY]: ACCESSIBILITY_CORE.filter((f) => s.accessibility.includes(f)).length / ACCESSIBILITY_CORE.length,
    [MatchFactor.LANGUAGE]: s.languages.includes(spoken[0]) ? 1 : spoken.some((l) => s.languages.includes(l)) ? 0.6 : 0,
    [MatchFactor.OUTREACH]: s.deliveryModes.includes(DeliveryMode.OUTREACH) ? 1 : 0,
  };
}

export interface Preferences {
  ownDistrict?: boolean;
  outreach?: boolean;
  shortWait?: boolean;
}

/** The weights in force for one request: the configured set shifted by the coach's preferences. */
export function effectiveWeights(base: Weights, preferences: Preferences = {}): Weights {
  const weights = { ...base };
  if (preferences.ownDistrict) weights[MatchFactor.DISTRICT] = Math.max(weights[MatchFactor.DISTRICT], PREFERENCE_WEIGHTS.ownDistrict);
  if (preferences.outreach) weights[MatchFactor.OUTREACH] = Math.max(weights[MatchFactor.OUTREACH], PREFERENCE_WEIGHTS.outreach);
  if (preferences.shortWait) weights[MatchFactor.CAPACITY] *= PREFERENCE_WEIGHTS.shortWaitFactor;
  return weights;
}

/** The score alone: what ranking needs for every candidate, without the per-factor breakdown. */
export function weightedScore(values: Record<MatchFactor, number>, weights: Weights): number {
  let sum = 0;
  let total = 0;
  for (const factor in weights) {
    const weight = weights[factor as MatchFactor];
    total += weight;
    sum += weight * (values[factor as MatchFactor] ?? 0);
  }
  return sum / total;
}

export function score(values: Record<MatchFactor, number>, weights: Weights): { score: number; factors: FactorValue[] } {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const factors = (Object.keys(values) as MatchFactor[]).map((factor) => ({
    factor,
    value: values[factor],
    weight: weights[factor],
    contribution: (weights[factor] * values[factor]) / total,
  }));
  return { score: factors.reduce((a, f) => a + f.contribution, 0), factors };
}
