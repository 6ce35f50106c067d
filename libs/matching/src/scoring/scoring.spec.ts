import { AccessibilityFeature, CostType, DeliveryMode, InsuranceRequirement, Service, ServiceCategory, ServiceStatus } from '@lotse/catalogue';
import { MATCH_FACTOR_CODES } from '@lotse/config';
import { TravelMode } from '@lotse/travel';
import { accessibilityPhrase, districtPhrase, explanations, formatAge, formatDuration } from './explain';
import { effectiveWeights, factorValues, score, weightedScore } from './score';
import { DEFAULT_WEIGHT_SET, MatchFactor, weightSetFromConfig } from './weights';

const now = new Date('2026-11-22T12:00:00Z');
const MEISSEN = { name: 'Meißen', kind: 'Landkreis' };
const DRESDEN = { name: 'Dresden', kind: 'Kreisfreie Stadt' };
const service: Service = {
  id: 's', organizationId: 'o', name: 'Suchtberatung', description: '', category: ServiceCategory.ADDICTION_COUNSELLING, specialty: null,
  minAge: null, maxAge: null, insuranceRequirement: InsuranceRequirement.NONE, eligibilityNote: null, languages: ['de', 'uk'],
  accessibility: [AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC], deliveryModes: [DeliveryMode.IN_PERSON, DeliveryMode.OUTREACH], serviceArea: [], equipment: [],
  costType: CostType.FREE, feeAmount: null, costNote: null, acceptingNewClients: true, freeSeats: null, waitingDays: 14,
  capacityUpdatedAt: new Date('2026-11-19T12:00:00Z'), verifiedAt: null, verifiedBy: null, status: ServiceStatus.ACTIVE, version: 1, updatedAt: now,
};

describe('score', () => {
  const values = factorValues({ service, matchedNeeds: 1, requestedNeeds: 2, travelMinutes: 15, limitMinutes: 60, inOwnDistrict: true, languages: ['uk', 'de'], now });

  it('computes each factor as documented', () => {
    expect(values).toEqual({
      need_fit: 0.5, travel_time: 0.75, capacity: 0.5, freshness: Math.pow(0.5, 3 / 30), district: 1,
      accessibility: 2 / 3, language: 1, outreach: 1,
    });
  });

  it('is the weighted mean of the factors, contributions summing to it', () => {
    const { score: total, factors } = score(values, DEFAULT_WEIGHT_SET.weights);
    const expected = 0.3 * 0.5 + 0.3 * 0.75 + 0.15 * 0.5 + 0.1 * Math.pow(0.5, 0.1) + 0.05 + 0.05 * (2 / 3) + 0.05;
    expect(total).toBeCloseTo(expected, 12);
    expect(factors.reduce((a, f) => a + f.contribution, 0)).toBeCloseTo(total, 12);
  });

  it('ranks by the same number it explains', () => {
    for (const weights of [DEFAULT_WEIGHT_SET.weights, effectiveWeights(DEFAULT_WEIGHT_SET.weights, { ownDistrict: true, shortWait: true })]) {
      expect(weightedScore(values, weights)).toBeCloseTo(score(values, weights).score, 14);
    }
  });

  it('lets preferences shift weights without touching the configured set', () => {
    const w = effectiveWeights(DEFAULT_WEIGHT_SET.weights, { ownDistrict: true, outreach: true, shortWait: true });
    expect(w[MatchFactor.DISTRICT]).toBe(0.2);
    expect(w[MatchFactor.OUTREACH]).toBe(0.15);
    expect(w[MatchFactor.CAPACITY]).toBe(0.3);
    expect(DEFAULT_WEIGHT_SET.weights[MatchFactor.CAPACITY]).toBe(0.15);
  });

  it('gives a closed service no capacity value', () => {
    expect(factorValues({ service: { ...service, acceptingNewClients: false }, matchedNeeds: 1, requestedNeeds: 1, travelMinutes: 0, limitMinutes: 60, inOwnDistrict: false, languages: [], now }).capacity).toBe(0);
  });
});

describe('weight configuration', () => {
  it('overrides defaults and names the set', () => {
    const set = weightSetFromConfig('meissen-pilot', '{"travel_time": 0.5}');
    expect(set.name).toBe('meissen-pilot');
    expect(set.weights.travel_time).toBe(0.5);
    expect(set.weights.need_fit).toBe(0.3);
  });

  it.each(['{"speed": 1}', '{"travel_time": -1}', '[1]', 'not json', '{"need_fit":0,"travel_time":0,"capacity":0,"freshness":0,"district":0,"accessibility":0,"language":0}'])(
    'rejects %s with a clear message',
    (json) => expect(() => weightSetFromConfig(undefined, json)).toThrow(/MATCH_WEIGHTS/),
  );

  it('knows the same factors as the environment’s validation at boot', () => {
    expect([...MATCH_FACTOR_CODES].sort()).toEqual(Object.values(MatchFactor).sort());
  });
});

describe('explanations', () => {
  it('reads like a coach would say it', () => {
    const e = explanations({ service, matchedNeedLabels: ['Sucht'], requestedNeeds: 2, travel: { minutes: 17.6, mode: TravelMode.PUBLIC_TRANSPORT, basis: { kind: 'estimate' } }, distanceMeters: 7420, inOwnDistrict: true, participantDistrict: MEISSEN, locationDistrict: MEISSEN, languages: ['uk'], now });
    expect(e.travel_time).toBe('ca. 18 Min. mit Bus/Bahn (geschätzt), 7,4 km Luftlinie');
    expect(e.capacity).toBe('nimmt neue Klient:innen auf, Wartezeit ca. 2 Wochen, Stand vor 3 Tagen');
    expect(e.freshness).toBe('Angaben zuletzt aktualisiert vor 3 Tagen');
    expect(e.need_fit).toBe('passt zu 1 von 2 Bedarfen: Sucht');
    expect(e.district).toBe('im eigenen Landkreis (Meißen)');
    expect(e.accessibility).toBe('stufenlos zugänglich, mit barrierefreiem WC');
    expect(e.language).toBe('auf Ukrainisch möglich');
    expect(e.outreach).toBe('kommt auch zur Person (aufsuchend)');
  });

  it('names a kreisfreie Stadt a city and a Landkreis a district, in and outside one’s own', () => {
    const ERZ = { name: 'Erzgebirgskreis', kind: 'Landkreis' };
    const LEIPZIG_CITY = { name: 'Leipzig', kind: 'Kreisfreie Stadt' };
    const LEIPZIG_DISTRICT = { name: 'Leipzig', kind: 'Landkreis' };
    expect(districtPhrase(true, DRESDEN, DRESDEN)).toBe('in der eigenen Stadt (Dresden)');
    expect(districtPhrase(true, MEISSEN, MEISSEN)).toBe('im eigenen Landkreis (Meißen)');
    expect(districtPhrase(true, ERZ, ERZ)).toBe('im eigenen Landkreis (Erzgebirgskreis)');
    expect(districtPhrase(false, MEISSEN, DRESDEN)).toBe('außerhalb des eigenen Landkreises (Stadt Dresden)');
    expect(districtPhrase(false, DRESDEN, MEISSEN)).toBe('außerhalb der eigenen Stadt (Landkreis Meißen)');
    expect(districtPhrase(false, LEIPZIG_CITY, LEIPZIG_DISTRICT)).toBe('außerhalb der eigenen Stadt (Landkreis Leipzig)');
    expect(districtPhrase(false, LEIPZIG_DISTRICT, LEIPZIG_CITY)).toBe('außerhalb des eigenen Landkreises (Stadt Leipzig)');
    expect(districtPhrase(false, ERZ, null)).toBe('außerhalb des eigenen Landkreises (außerhalb Sachsens)');
    const e = explanations({ service, matchedNeedLabels: ['Sucht'], requestedNeeds: 1, travel: { minutes: 5, mode: TravelMode.CAR, basis: { kind: 'estimate' } }, distanceMeters: 900, inOwnDistrict: true, participantDistrict: DRESDEN, locationDistrict: DRESDEN, languages: [], now });
    expect(e.district).toBe('in der eigenen Stadt (Dresden)');
  });

  it.each([
    [[AccessibilityFeature.STEP_FREE_ACCESS], 'stufenlos zugänglich'],
    [[AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC, AccessibilityFeature.LIFT, AccessibilityFeature.ACCESSIBLE_PARKING], 'stufenlos zugänglich, mit barrierefreiem WC, Aufzug und Behindertenparkplatz'],
    [[AccessibilityFeature.LIFT], 'kein stufenloser Zugang angegeben; mit Aufzug'],
    [[AccessibilityFeature.EASY_LANGUAGE], 'keine Angaben zum Zugang; Kommunikation: Leichte Sprache'],
    [[AccessibilityFeature.SIGN_LANGUAGE], 'keine Angaben zum Zugang; Kommunikation: Gebärdensprache'],
    [[AccessibilityFeature.HEARING_LOOP], 'keine Angaben zum Zugang; Kommunikation: Induktionsschleife für Hörgeräte'],
    [[AccessibilityFeature.BRAILLE], 'keine Angaben zum Zugang; Kommunikation: Brailleschrift'],
    [[AccessibilityFeature.STEP_FREE_ACCESS, AccessibilityFeature.ACCESSIBLE_WC, AccessibilityFeature.EASY_LANGUAGE], 'stufenlos zugänglich, mit barrierefreiem WC; Kommunikation: Leichte Sprache'],
    [[], 'keine Angaben zur Barrierefreiheit'],
  ])('words accessibility %j as "%s"', (features, text) => {
    expect(accessibilityPhrase(features)).toBe(text);
    expect(accessibilityPhrase(features)).not.toMatch(/eingeschränkt barrierefrei/);
  });

  it('words every accessibility feature', () => {
    for (const feature of Object.values(AccessibilityFeature)) expect(accessibilityPhrase([feature])).not.toBe('keine Angaben zur Barrierefreiheit');
  });

  it('says "zu Fuß" when a public-transport trip is walked', () => {
    const e = explanations({ service, matchedNeedLabels: ['Sucht'], requestedNeeds: 1, travel: { minutes: 3.6, mode: TravelMode.WALK, basis: { kind: 'estimate' } }, distanceMeters: 200, inOwnDistrict: true, participantDistrict: null, locationDistrict: null, languages: [], now });
    expect(e.travel_time).toBe('ca. 4 Min. zu Fuß (geschätzt), 0,2 km Luftlinie');
  });

  it.each([[7420, '7,4'], [49, '0,0'], [950, '1,0'], [1234567, '1.234,6']])('writes %d m as "%s km" the German way', (meters, km) => {
    const e = explanations({ service, matchedNeedLabels: ['Sucht'], requestedNeeds: 1, travel: { minutes: 5, mode: TravelMode.CAR, basis: { kind: 'estimate' } }, distanceMeters: meters, inOwnDistrict: true, participantDistrict: null, locationDistrict: null, languages: [], now });
    expect(e.travel_time).toBe(`ca. 5 Min. mit dem Auto (geschätzt), ${km} km Luftlinie`);
    expect(km).toBe((meters / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
  });

  it.each([[0.5, 'heute'], [1, '1 Tag'], [3, '3 Tage'], [14, '2 Wochen'], [90, '3 Monate']])('formats %d days as "%s"', (days, text) => {
    expect(formatDuration(days)).toBe(text);
  });

  it.each([[0.2, 'heute'], [1, 'vor 1 Tag'], [3, 'vor 3 Tagen'], [21, 'vor 3 Wochen'], [120, 'vor 4 Monaten']])('says %d days ago as "%s"', (days, text) => {
    expect(formatAge(days)).toBe(text);
  });
});
