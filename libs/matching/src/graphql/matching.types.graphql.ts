import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NeedTermType, PartnerKindType } from '@lotse/catalogue';
import { Connection, Cost } from '@lotse/common';
import { DepartureWindowType, TravelBasisKind, TravelEstimatorType, TravelMode } from '@lotse/travel';
import { PlaceType } from '@lotse/geo';
import { HouseholdOutcome, MatchOutcome, MatchTarget } from '../matching.types';
import { MatchFactor } from '../scoring/weights';
import { OriginKind } from '../origin';

@ObjectType('MatchReason', { description: 'One factor of the score: value in [0,1] × weight / Σ weights = contribution' })
export class MatchReasonType {
  @Field(() => MatchFactor) factor: MatchFactor;
  @Field(() => Float) value: number;
  @Field(() => Float) weight: number;
  @Field(() => Float) contribution: number;
  @Field({ description: 'German sentence for the coach and participant' }) explanation: string;
}

@ObjectType('NeedMatch', { description: 'A requested need a target answers, and the narrower needs it answers it through' })
export class NeedMatchType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => [NeedTermType], { description: 'narrower needs of `need` the target is listed under, when it is not listed under `need` itself ("Psychische Gesundheit" through "Psychotherapie"); empty otherwise' })
  via: NeedTermType[];
}

@ObjectType('HoursRange')
export class HoursRangeType {
  @Field({ description: 'HH:MM, Europe/Berlin' }) opensAt: string;
  @Field({ description: 'HH:MM, Europe/Berlin' }) closesAt: string;
}

@ObjectType('OpeningToday', { description: "Today's opening hours in Germany (Europe/Berlin)" })
export class OpeningTodayType {
  @Field({ description: 'YYYY-MM-DD' }) date: string;
  @Field(() => Int, { description: 'ISO weekday, 1 = Monday' }) weekday: number;
  @Field(() => [HoursRangeType], { description: 'empty: closed today' }) hours: HoursRangeType[];
  @Field({ description: 'open at this moment' }) openNow: boolean;
  @Field({ description: 'German: "heute (Mittwoch) 09:00–12:00 und 14:00–18:00", "heute (Samstag) geschlossen"' }) textDe: string;
}

@ObjectType('NextCourseSession', { description: 'The next run of a course that has not started yet' })
export class NextCourseSessionType {
  @Field({ description: 'YYYY-MM-DD' }) startsOn: string;
  @Field({ description: 'YYYY-MM-DD' }) endsOn: string;
  @Field(() => Int, { description: 'ISO weekday of the weekly meeting' }) weekday: number;
  @Field({ description: 'HH:MM' }) startTime: string;
  @Field({ description: 'HH:MM' }) endTime: string;
  @Field(() => Int) seats: number;
  @Field(() => Int) freeSeats: number;
  @Field({ description: 'German: "nächster Kurs ab Mo, 07.12.2026, 18:00–19:30, wöchentlich bis 01.02.2027; 4 von 12 Plätzen frei"' }) textDe: string;
}

/**
 * `service`, `location` and the hand-over fields are resolved (MatchTargetResolver): loaded only when
 * asked for. `reasons` and `partnerKind` are getters on the node (`toTargetType`): written only when
 * asked for, without a resolver call per target.
 */
@ObjectType('MatchTarget')
export class MatchTargetType {
  @Field(() => Float, { description: 'straight line, metres' }) distanceMeters: number;
  @Field(() => Float, { description: 'by travelMode; estimated unless the estimator says otherwise' }) travelMinutes: number;
  @Field(() => TravelMode, { description: 'how the trip goes: the requested mode, or WALK where walking is faster (a short public-transport trip)' }) travelMode: TravelMode;
  @Field({ description: 'the travel time is an estimate (no timetable answered for this trip)' }) travelTimeEstimated: boolean;
  @Field(() => TravelBasisKind, { description: 'what the travel time rests on' }) travelBasis: TravelBasisKind;
  @Field(() => Int, { nullable: true, description: 'timetable only: Pareto-optimal connections leaving in the departure window (0: none by public transport)' })
  travelConnections: number | null;
  @Field(() => Float, { description: 'in [0, 1]; equals the sum of the reasons’ contributions' }) score: number;
  @Field(() => [NeedTermType], { description: 'requested needs this target addresses' }) matchedNeeds: NeedTermType[];
  @Field(() => [NeedMatchType], { description: 'per requested need it addresses, whether directly or through narrower needs (a need answers for its narrower needs too)' })
  needMatches: NeedMatchType[];
  @Field(() => PartnerKindType, { description: 'what kind of partner it is: category and, for physicians and clinics, the specialty' }) partnerKind: PartnerKindType;
  @Field({ description: 'of the kind the coach preferred for one of its needs (such targets rank first within the same coverage)' }) preferredKind: boolean;
  @Field({ description: 'an outreach or online service whose service area holds the origin: it comes to the person, no travel limit applies' }) comesToPerson: boolean;
  @Field(() => [MatchReasonType], { complexity: Cost.list(Object.keys(MatchFactor).length) }) reasons: MatchReasonType[];
  target: MatchTarget;
  outcome: MatchOutcome;
}

@ObjectType() export class MatchTargetConnection extends Connection(MatchTargetType, 'MatchTarget') {}

@ObjectType('FactorWeight')
export class FactorWeightType {
  @Field(() => MatchFactor) factor: MatchFactor;
  @Field(() => Float) weight: number;
}

@ObjectType('WeightSet')
export class WeightSetType {
  @Field() name: string;
  @Field(() => [FactorWeightType], { description: 'configured weights' }) weights: FactorWeightType[];
  @Field(() => [FactorWeightType], { description: 'weights after the request’s preferences' }) applied: FactorWeightType[];
}

registerEnumType(OriginKind, { name: 'OriginKind', description: 'What the origin was given as: POINT, POSTCODE, MUNICIPALITY or PLACE' });

@ObjectType('MatchOrigin', { description: 'The point the match was computed from, and what it stands for' })
export class MatchOriginType {
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field() districtAgs: string;
  @Field(() => String, { nullable: true }) municipalityAgs: string | null;
  @Field(() => OriginKind) kind: OriginKind;
  @Field({ description: 'German: which point was used ("PLZ 01623: Lommatzsch; die PLZ reicht auch nach Käbschütztal, Nossen", "Ort Zabeltitz (Großenhain)")' })
  description: string;
  @Field(() => PlaceType, { nullable: true, description: 'the place whose point was used' }) place: PlaceType | null;
  @Field(() => String, { nullable: true }) postcode: string | null;
  @Field(() => [String], { description: 'for a postcode: every municipality (AGS) it touches, the one of the point used first' })
  postcodeMunicipalities: string[];
}

@ObjectType('MatchBundleItem')
export class MatchBundleItemType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => MatchTargetType) target: MatchTargetType;
  @Field(() => Int, { description: 'the target’s rank among the reachable targets for this need (1 = best)' }) rank: number;
  @Field({ description: 'German: why this target was chosen for this need (kind, rank, what it shares with the other items, capacity)' }) explanation: string;
}

@ObjectType('MatchMissingNeed', { description: 'A requested need the bundle has no item for' })
export class MatchMissingNeedType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field({ description: 'German: why, e.g. no reachable target takes new clients' }) explanation: string;
}

@ObjectType('MatchBundle', {
  description: 'One target per need, few organisations and places, least travel ("aus einer Hand"); only targets that take new clients (and have a free seat, where counted)',
})
export class MatchBundleType {
  @Field(() => [MatchBundleItemType]) items: MatchBundleItemType[];
  @Field(() => [MatchMissingNeedType], { description: 'requested needs without an item, with the reason' }) missingNeeds: MatchMissingNeedType[];
  @Field(() => Float) totalTravelMinutes: number;
  @Field(() => Int) distinctOrganizations: number;
  @Field(() => Int) distinctLocations: number;
  @Field() explanation: string;
}

@ObjectType('MatchBeyondLimit', { description: 'A requested need nothing within the limits addresses, and the option nearest to it beyond them' })
export class MatchBeyondLimitType {
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => MatchTargetType, {
    nullable: true,
    description: 'passes every hard filter; the quickest to reach of the nearest few beyond the limits, scored and explained like a target (its travel factor is 0); null when none lies within 100 km',
  })
  nearest: MatchTargetType | null;
  @Field({ description: 'German sentence for the coach, e.g. "Kein Angebot für „Sucht“ innerhalb von 60 Min.; das nächste: ca. 80 Min. mit Bus/Bahn (geschätzt), 13,4 km Luftlinie"' })
  explanation: string;
}

@ObjectType('MatchResult')
export class MatchResultType {
  @Field(() => WeightSetType) weightSet: WeightSetType;
  @Field(() => TravelEstimatorType) estimator: TravelEstimatorType;
  @Field(() => MatchOriginType) origin: MatchOriginType;
  @Field({ description: 'district used for the district factor' }) participantDistrictAgs: string;
  @Field(() => TravelMode) mode: TravelMode;
  @Field(() => DepartureWindowType, { description: 'the departure window public-transport times were asked for' }) departure: DepartureWindowType;
  @Field(() => Float) limitMinutes: number;
  @Field(() => Int, { description: 'listings that passed the hard filters (the nearest 400 per need at most) before the travel limit' }) consideredCandidates: number;
  @Field(() => [NeedTermType], { description: 'requested needs no reachable target addresses' }) unmetNeeds: NeedTermType[];
  /** the whole ranking, paged by the `targets` field; lives only for this request */
  outcome: MatchOutcome;
}

@ObjectType('HouseholdMemberResult', { description: "One person's own ranking, bundle and unmet needs" })
export class HouseholdMemberResultType {
  @Field({ description: '"Person 1", "Person 2", … in the order of the request' }) label: string;
  @Field(() => MatchResultType) result: MatchResultType;
}

@ObjectType('HouseholdPlanItem')
export class HouseholdPlanItemType {
  @Field({ description: 'whose need: "Person 1", …' }) member: string;
  @Field(() => NeedTermType) need: NeedTermType;
  @Field(() => MatchTargetType) target: MatchTargetType;
  @Field(() => Int, { description: 'ISO weekday (1 = Monday) the item is planned on: its opening hours or course day, shared with other items where possible' }) weekday: number;
  @Field({ description: 'German: why this target, and what it shares with the household’s other items (the same appointment, place or day)' }) explanation: string;
}

@ObjectType('HouseholdMissingNeed')
export class HouseholdMissingNeedType {
  @Field() member: string;
  @Field(() => NeedTermType) need: NeedTermType;
  @Field() explanation: string;
}

@ObjectType('HouseholdPlan', { description: 'One target per person and need, preferring shared places and days (few trips for the household)' })
export class HouseholdPlanType {
  @Field(() => [HouseholdPlanItemType]) items: HouseholdPlanItemType[];
  @Field(() => [HouseholdMissingNeedType], { description: 'needs without an available reachable target' }) missingNeeds: HouseholdMissingNeedType[];
  @Field(() => Int) distinctLocations: number;
  @Field(() => Int, { description: 'places where more than one person has an item' }) sharedLocations: number;
  @Field(() => [Int], { description: 'the ISO weekdays of the plan' }) weekdays: number[];
  @Field(() => Float, { description: 'over distinct places, estimated' }) totalTravelMinutes: number;
  @Field({ description: 'German summary' }) explanation: string;
}

@ObjectType('HouseholdMatchResult')
export class HouseholdMatchResultType {
  @Field(() => [HouseholdMemberResultType], { complexity: Cost.list(4) }) members: HouseholdMemberResultType[];
  /** the members' outcomes and the plan, computed when `plan` is asked for */
  outcome: HouseholdOutcome;
}
