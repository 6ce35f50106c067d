import { AccessibilityFeature, DeliveryMode, NeedTerm, ServiceCategory } from '@lotse/catalogue';
import { MatchTarget } from '../matching.types';
import { compareTargets } from '../scoring/rank';
import { MatchFactor } from '../scoring/weights';
import { TravelMode } from '@lotse/travel';
import { fewestDays, jointPlan } from './joint-plan';

const need = (code: string, labelDe: string): NeedTerm => ({ code, labelDe, labelEn: code, group: 'social', descriptionDe: '', taxonomyVersion: '2026.2', parentCode: null });
const DEBT = need('debt_counselling', 'Schuldnerberatung');
const MENTAL = need('mental_health', 'Psychische Gesundheit');
const COUPLES = need('family_couples', 'Familie und Partnerschaft');

interface Spec {
  id: string;
  needs: NeedTerm[];
  score: number;
  minutes: number;
  location?: string;
  organization?: string;
  accepting?: boolean;
  days?: number[];
  comesToPerson?: boolean;
}

function target(s: Spec): MatchTarget & { days: number[] } {
  return {
    service: {
      id: s.id, organizationId: s.organization ?? `org-${s.id}`, category: ServiceCategory.SOCIAL_SERVICE, specialty: null, languages: ['de'],
      accessibility: [AccessibilityFeature.STEP_FREE_ACCESS], deliveryModes: [DeliveryMode.IN_PERSON], acceptingNewClients: s.accepting ?? true,
      freeSeats: null, waitingDays: 7, capacityUpdatedAt: new Date(),
    },
    location: { id: s.location ?? `loc-${s.id}`, districtAgs: '14729', latitude: 51.2, longitude: 12.7 },
    distanceMeters: s.minutes * 400, travelMinutes: s.minutes, travelMode: TravelMode.PUBLIC_TRANSPORT,
    travel: { minutes: s.minutes, mode: TravelMode.PUBLIC_TRANSPORT, basis: { kind: 'estimate' } }, score: s.score,
    coverage: s.needs.length, matchedNeeds: s.needs, matchedVia: [], preferredKindNeeds: [], preferredKinds: 0, inOwnDistrict: true, comesToPerson: s.comesToPerson ?? false,
    values: {} as Record<MatchFactor, number>, days: s.days ?? [1, 2, 3, 4, 5],
  };
}

const ranked = (targets: MatchTarget[]) => [...targets].sort(compareTargets);
const daysOf = (t: MatchTarget) => (t as MatchTarget & { days: number[] }).days;

describe('joint plan of a household', () => {
  it('prefers a place both persons go to over each one’s nearest', () => {
    // Person 1: debt counselling; Person 2: mental health. The centre in town offers both; each
    // need also has a nearer offer of its own elsewhere.
    const person1 = ranked([
      target({ id: 'debt-near', needs: [DEBT], score: 0.7, minutes: 12 }),
      target({ id: 'debt-centre', needs: [DEBT], score: 0.65, minutes: 20, location: 'centre', organization: 'centre' }),
    ]);
    const person2 = ranked([
      target({ id: 'mental-near', needs: [MENTAL], score: 0.7, minutes: 14 }),
      target({ id: 'mental-centre', needs: [MENTAL], score: 0.65, minutes: 20, location: 'centre', organization: 'centre' }),
    ]);
    const plan = jointPlan([{ label: 'Person 1', needs: [DEBT], ranked: person1 }, { label: 'Person 2', needs: [MENTAL], ranked: person2 }], daysOf)!;
    expect(plan.items.map((i) => [i.member, i.need.code, i.target.service.id])).toEqual([
      ['Person 1', 'debt_counselling', 'debt-centre'],
      ['Person 2', 'mental_health', 'mental-centre'],
    ]);
    expect(plan.sharedLocations).toBe(1);
    expect(plan.distinctLocations).toBe(1);
    expect(plan.totalTravelMinutes).toBe(20);
    expect(plan.items[0].explanation).toBe('Rang 2 für „Schuldnerberatung“; am selben Ort wie Person 2 „Psychische Gesundheit“; möglich am Montag');
    expect(plan.explanation).toBe('2 Angebote für 2 Personen an einem Ort, einer davon gemeinsam, an einem Wochentag (Mo), zusammen ca. 20 Min. Anfahrt (geschätzt)');
  });

  it('prefers a shared day when the places differ, and plans each item on a day it is open', () => {
    const person1 = ranked([
      target({ id: 'debt-thu', needs: [DEBT], score: 0.7, minutes: 15, days: [4] }),
      target({ id: 'debt-tue', needs: [DEBT], score: 0.68, minutes: 16, days: [2] }),
    ]);
    const person2 = ranked([target({ id: 'mental-tue', needs: [MENTAL], score: 0.7, minutes: 15, days: [2, 3] })]);
    const plan = jointPlan([{ label: 'Person 1', needs: [DEBT], ranked: person1 }, { label: 'Person 2', needs: [MENTAL], ranked: person2 }], daysOf)!;
    expect(plan.items.map((i) => i.target.service.id)).toEqual(['debt-tue', 'mental-tue']);
    expect(plan.weekdays).toEqual([2]);
    expect(plan.items.map((i) => i.weekday)).toEqual([2, 2]);
    expect(plan.items[1].explanation).toMatch(/am selben Tag wie Person 1 „Schuldnerberatung“; möglich am Dienstag$/);
  });

  it('makes a shared need one appointment together', () => {
    const couples = target({ id: 'couples', needs: [COUPLES], score: 0.7, minutes: 18 });
    const other = target({ id: 'couples-other', needs: [COUPLES], score: 0.72, minutes: 17 });
    const list = ranked([couples, other]);
    const plan = jointPlan([{ label: 'Person 1', needs: [COUPLES], ranked: list }, { label: 'Person 2', needs: [COUPLES], ranked: list }], daysOf)!;
    expect(new Set(plan.items.map((i) => i.target.service.id)).size).toBe(1);
    expect(plan.items[0].explanation).toContain('gemeinsamer Termin mit Person 2 „Familie und Partnerschaft“');
  });

  it('plans only what a person can start with, and names the rest', () => {
    const person1 = ranked([target({ id: 'closed', needs: [DEBT], score: 0.9, minutes: 5, accepting: false })]);
    const person2 = ranked([target({ id: 'open', needs: [MENTAL], score: 0.6, minutes: 25 })]);
    const plan = jointPlan([{ label: 'Person 1', needs: [DEBT], ranked: person1 }, { label: 'Person 2', needs: [MENTAL], ranked: person2 }], daysOf)!;
    expect(plan.items.map((i) => i.target.service.id)).toEqual(['open']);
    expect(plan.missing.map((m) => m.explanation)).toEqual(['Person 1: kein verfügbares erreichbares Angebot für „Schuldnerberatung“']);
    expect(jointPlan([{ label: 'Person 1', needs: [DEBT], ranked: person1 }], daysOf)).toBeNull();
  });

  it('finds the fewest weekdays on which every item can take place', () => {
    const mask = (...days: number[]) => days.reduce((m, d) => m | (1 << (d - 1)), 0);
    expect(fewestDays([mask(1, 2), mask(2, 3), mask(2)])).toBe(mask(2));
    expect(fewestDays([mask(1), mask(3), mask(1, 3)])).toBe(mask(1, 3));
    expect(fewestDays([mask(5), mask(4)])).toBe(mask(4, 5));
  });
});
