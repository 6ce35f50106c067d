import { AccessibilityFeature, DeliveryMode, languageNameDe, ListingFacts } from '@lotse/catalogue';
import { formatKilometers, TravelTime, tripPhrase } from '@lotse/travel';
import { daysSince } from './score';
import { MatchFactor } from './weights';

/** German sentences a coach can read out to a participant, one per factor. */
export interface ExplainInput {
  service: ListingFacts;
  matchedNeedLabels: string[];
  requestedNeeds: number;
  /** the routing port's answer: minutes, how the trip goes, and whether estimated or from a timetable */
  travel: TravelTime;
  distanceMeters: number;
  inOwnDistrict: boolean;
  locationDistrictName: string | null;
  languages: string[];
  now: Date;
}

const ACCESSIBILITY_NAMES: Partial<Record<AccessibilityFeature, string>> = {
  [AccessibilityFeature.STEP_FREE_ACCESS]: 'stufenloser Zugang',
  [AccessibilityFeature.ACCESSIBLE_WC]: 'barrierefreies WC',
  [AccessibilityFeature.LIFT]: 'Aufzug',
  [AccessibilityFeature.SIGN_LANGUAGE]: 'Gebärdensprache',
  [AccessibilityFeature.EASY_LANGUAGE]: 'Leichte Sprache',
  [AccessibilityFeature.HEARING_LOOP]: 'Hörschleife',
  [AccessibilityFeature.ACCESSIBLE_PARKING]: 'Behindertenparkplatz',
  [AccessibilityFeature.BRAILLE]: 'Brailleschrift',
};


export function formatDuration(days: number): string {
  if (days < 1) return 'heute';
  if (days < 2) return '1 Tag';
  if (days < 14) return `${Math.round(days)} Tage`;
  if (days < 60) return `${Math.round(days / 7)} Wochen`;
  return `${Math.round(days / 30)} Monate`;
}

/** "vor 3 Tagen", "vor 2 Wochen", "vor 3 Monaten" (dative after "vor"). */
export function formatAge(days: number): string {
  return days < 1 ? 'heute' : `vor ${formatDuration(days).replace(/Tage$/, 'Tagen').replace(/Monate$/, 'Monaten')}`;
}

export function explanations(input: ExplainInput): Record<MatchFactor, string> {
  const s = input.service;
  const capacityAge = formatAge(daysSince(s.capacityUpdatedAt, input.now));
  let capacity: string;
  if (!s.acceptingNewClients) capacity = `nimmt derzeit keine neuen Klient:innen auf (Stand ${capacityAge})`;
  else if (s.freeSeats === 0) capacity = `derzeit keine freien Plätze (Stand ${capacityAge})`;
  else {
    const parts = ['nimmt neue Klient:innen auf'];
    if (s.freeSeats !== null) parts.push(`${s.freeSeats} freie ${s.freeSeats === 1 ? 'Platz' : 'Plätze'}`);
    parts.push(s.waitingDays === null ? 'Wartezeit unbekannt' : s.waitingDays === 0 ? 'keine Wartezeit' : `Wartezeit ca. ${formatDuration(s.waitingDays)}`);
    capacity = `${parts.join(', ')}, Stand ${capacityAge}`;
  }
  const spoken = input.languages.length ? input.languages : ['de'];
  const offered = spoken.filter((l) => s.languages.includes(l));
  const features = s.accessibility.map((f) => ACCESSIBILITY_NAMES[f]).filter(Boolean);
  return {
    [MatchFactor.NEED_FIT]: `passt zu ${input.matchedNeedLabels.length} von ${input.requestedNeeds} Bedarfen: ${input.matchedNeedLabels.join(', ')}`,
    [MatchFactor.TRAVEL_TIME]: tripPhrase(input.travel, input.distanceMeters),
    [MatchFactor.CAPACITY]: capacity,
    [MatchFactor.FRESHNESS]: `Angaben zuletzt aktualisiert ${capacityAge}`,
    [MatchFactor.DISTRICT]: input.inOwnDistrict
      ? `im eigenen Landkreis${input.locationDistrictName ? ` (${input.locationDistrictName})` : ''}`
      : `außerhalb des eigenen Landkreises${input.locationDistrictName ? ` (${input.locationDistrictName})` : ''}`,
    [MatchFactor.ACCESSIBILITY]: s.accessibility.includes(AccessibilityFeature.STEP_FREE_ACCESS)
      ? `barrierefrei: ${features.join(', ')}`
      : features.length ? `eingeschränkt barrierefrei: ${features.join(', ')}` : 'keine Angaben zur Barrierefreiheit',
    [MatchFactor.LANGUAGE]: offered.length
      ? `auf ${offered.map(languageNameDe).join(', ')} möglich`
      : `nicht in den Sprachen der Person (angeboten: ${s.languages.map(languageNameDe).join(', ')})`,
    [MatchFactor.OUTREACH]: s.deliveryModes.includes(DeliveryMode.OUTREACH) ? 'kommt auch zur Person (aufsuchend)' : 'nur vor Ort oder online',
  };
}

export interface BeyondLimitInput {
  needLabel: string;
  limitMinutes: number;
  /** the straight-line limit in metres, when the request set one */
  maxMeters?: number;
  /** whether the request set a time limit (otherwise the default applied, or only kilometres count) */
  minutesGiven: boolean;
  searchedMeters: number;
  nearest: { travel: TravelTime; distanceMeters: number } | null;
}

/** "Kein Angebot für „Sucht“ innerhalb von 60 Min.; das nächste: ca. 80 Min. mit Bus/Bahn (geschätzt), 13,4 km Luftlinie" */
export function beyondLimitExplanation(input: BeyondLimitInput): string {
  const limits: string[] = [];
  if (input.minutesGiven || input.maxMeters === undefined) limits.push(`${Math.round(input.limitMinutes)} Min.`);
  if (input.maxMeters !== undefined) limits.push(`${formatKilometers(input.maxMeters)} km Luftlinie`);
  const none = `Kein Angebot für „${input.needLabel}“ innerhalb von ${limits.join(' und ')}`;
  if (!input.nearest) return `${none} und keines im Umkreis von ${Math.round(input.searchedMeters / 1000)} km, das alle Bedingungen erfüllt`;
  const n = input.nearest;
  return `${none}; das nächste: ${tripPhrase(n.travel, n.distanceMeters)}`;
}
