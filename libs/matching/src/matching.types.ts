import { AccessibilityFeature, Candidate, DeliveryMode, NeedTerm } from '@lotse/catalogue';
import { DepartureWindow, TravelEstimatorInfo, TravelMode, TravelTime } from '@lotse/travel';
import { JointPlan } from './household/joint-plan';
import { FactorValue, Preferences } from './scoring/score';
import { MatchFactor, WeightSet } from './scoring/weights';
import { OriginRequest, ResolvedOrigin } from './origin';
import { NeedPartnerKind } from './partner-kinds';

/** A coach's request: needs, place and constraints — never who the participant is. Never stored. */
export interface MatchRequest {
  needs: string[];
  origin: OriginRequest;
  districtAgs?: string;
  /** `window`: when the participant leaves (public transport with a timetable); default Tuesday 07:00–09:00 */
  travel: { mode: TravelMode; maxMinutes?: number; maxKilometers?: number; window?: DepartureWindow };
  constraints: {
    age?: number;
    languages?: string[];
    stepFreeAccess?: boolean;
    accessibility?: AccessibilityFeature[];
    deliveryModes?: DeliveryMode[];
    costCovered?: boolean;
    acceptingNewClientsOnly?: boolean;
    courseStartsWithinDays?: number;
    openAt?: { weekday: number; time: string };
  };
  preferences: Preferences;
  /** per need, the kind of partner asked for (a filter or a preference); needs without one take their default kinds */
  partnerKinds?: NeedPartnerKind[];
  diversify: boolean;
}

export interface Reason extends FactorValue {
  explanation: string;
}

/** A ranked listing. Its reasons' sentences are written only for targets a client receives (`explain`). */
export interface MatchTarget {
  service: Candidate['service'];
  location: Candidate['location'];
  distanceMeters: number;
  travelMinutes: number;
  /** how the trip goes: the requested mode, or walking where that is faster */
  travelMode: TravelMode;
  /** the routing port's whole answer: minutes, mode and what they rest on (estimate or timetable) */
  travel: TravelTime;
  score: number;
  /** how many of the requested needs it addresses: ranks first (see scoring/rank.ts) */
  coverage: number;
  matchedNeeds: NeedTerm[];
  /** requested needs it answers only through narrower needs ("Psychische Gesundheit" through "Psychotherapie"), with those */
  matchedVia: { need: string; via: NeedTerm[] }[];
  /** matched needs for which the coach preferred a kind of partner and this target is of it: ranks right after coverage */
  preferredKindNeeds: string[];
  /** `preferredKindNeeds.length` */
  preferredKinds: number;
  inOwnDistrict: boolean;
  /** an outreach or online service whose service area holds the origin: no trip, no travel limit */
  comesToPerson: boolean;
  /** each factor's value in [0, 1]; weights and contributions are worked out when explained */
  values: Record<MatchFactor, number>;
}

export interface BundleItem {
  need: NeedTerm;
  target: MatchTarget;
  /** the target's rank among the reachable targets for this need (1 = best) */
  rank: number;
  /** German: why this target was chosen for this need */
  explanation: string;
}

/** A need the bundle has no item for, and why. */
export interface MissingNeed {
  need: NeedTerm;
  explanation: string;
}

export interface MatchBundle {
  items: BundleItem[];
  missingNeeds: MissingNeed[];
  totalTravelMinutes: number;
  distinctOrganizations: number;
  distinctLocations: number;
  explanation: string;
}

/** What is nearest for a need that nothing within the limits addresses. */
export interface BeyondLimit {
  need: NeedTerm;
  /** the listing that passes every hard filter and is quickest to reach beyond the limits; null when none lies within `BEYOND_LIMIT_METERS` */
  nearest: MatchTarget | null;
  /** German sentence for the coach */
  explanation: string;
}

export interface MatchOutcome {
  weightSet: WeightSet;
  appliedWeights: Record<MatchFactor, number>;
  estimator: TravelEstimatorInfo;
  /** the departure window public-transport times were asked for */
  window: DepartureWindow;
  /** the point used, what it stands for, and the district and municipality it lies in */
  origin: ResolvedOrigin & { districtAgs: string; municipalityAgs: string | null };
  participantDistrictAgs: string;
  mode: TravelMode;
  limitMinutes: number;
  /** listings that passed the hard filters before the travel limit and diversification */
  consideredCandidates: number;
  /** the requested needs, in request order */
  needs: NeedTerm[];
  /** every reachable target once per service (its best location), in rank order, not diversified */
  ranking: MatchTarget[];
  targets: MatchTarget[];
  /** one target per need (several needs only), worked out when first asked for; null when a need has no reachable target */
  bundle(): MatchBundle | null;
  /** needs no reachable target addresses */
  unmetNeeds: NeedTerm[];
  /** per unmet need, the nearest option beyond the limits; searched only when asked for, once per request */
  beyondLimit(): Promise<BeyondLimit[]>;
  /** every factor of a target with its German sentence */
  explain(target: MatchTarget): Reason[];
  /** what the request cost so far, counted (tests and the bench read it; never shown to a client) */
  work: MatchWork;
}

/**
 * A match's work by count, not by time. Candidates are at most CANDIDATE_LIMIT per need; the
 * need × candidate pairs scored at most MATCH_WORK_LIMIT (see MatchBudget); the bundle's search at
 * most BUNDLE_STEPS_PER_NEED_OPTION × needs × options steps (options ≤ 6 per need).
 */
export interface MatchWork {
  /** listings the candidate search returned */
  candidates: number;
  /** need × candidate pairs scored (candidates × needs; counted against MATCH_WORK_LIMIT before scoring) */
  scoredPairs: number;
  /** turns the match gave the event loop while it computed (see MatchBudget) */
  slices: number;
  /** steps of the bundle's search (0 until the bundle is asked for) */
  bundleSteps: number;
}

/** A household's request (PASE): one origin and travel, each person with their own needs and constraints. Never stored. */
export interface HouseholdRequest {
  origin: MatchRequest['origin'];
  districtAgs?: string;
  travel: MatchRequest['travel'];
  diversify: boolean;
  members: Pick<MatchRequest, 'needs' | 'constraints' | 'preferences' | 'partnerKinds'>[];
}

export interface HouseholdOutcome {
  members: { label: string; outcome: MatchOutcome }[];
  /** the joint plan; loads the option targets' opening hours and course days, once */
  plan(): Promise<JointPlan | null>;
}
