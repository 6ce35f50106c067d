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
  /** the participant's district (the district factor's reference) */
  participantDistrict: DistrictName | null;
  /** the district of the target's location; null outside Saxony */
  locationDistrict: DistrictName | null;
  languages: string[];
  now: Date;
  /** the target's kind of partner in German ("Arztpraxis: Orthopädie und Unfallchirurgie") */
  kindLabel?: string;
  /** whether it is of the kind the coach preferred for one of its needs; undefined when none was preferred */
  preferredKind?: boolean;
  /** an outreach or online service whose service area holds the origin: no trip */
  comesToPerson?: boolean;
}

/** Features of the building, in the dative after "mit" (step-free access is said as "stufenlos zugänglich"). */
const BUILDING_FEATURES: [AccessibilityFeature, string][] = [
  [AccessibilityFeature.ACCESSIBLE_WC, 'barrierefreiem WC'],
  [AccessibilityFeature.LIFT, 'Aufzug'],
  [AccessibilityFeature.ACCESSIBLE_PARKING, 'Behindertenparkplatz'],
];
/** How the service communicates: not about the building, never "barrierefrei". */
const COMMUNICATION_FEATURES: [AccessibilityFeature, string][] = [
  [AccessibilityFeature.SIGN_LANGUAGE, 'Gebärdensprache'],
  [AccessibilityFeature.HEARING_LOOP, 'Induktionsschleife für Hörgeräte'],
  [AccessibilityFeature.EASY_LANGUAGE, 'Leichte Sprache'],
  [AccessibilityFeature.BRAILLE, 'Brailleschrift'],
];

/** "A, B und C" */
function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

/**
 * Each feature in its own words: the building ("stufenlos zugänglich, mit barrierefreiem WC und
 * Aufzug"), then communication ("Kommunikation: Leichte Sprache") — Leichte Sprache or a hearing
 * loop say nothing about steps.
 */
export function accessibilityPhrase(features: readonly AccessibilityFeature[]): string {
  const has = (f: AccessibilityFeature) => features.includes(f);
  const building = BUILDING_FEATURES.filter(([f]) => has(f)).map(([, words]) => words);
  const communication = COMMUNICATION_FEATURES.filter(([f]) => has(f)).map(([, words]) => words);
  if (!has(AccessibilityFeature.STEP_FREE_ACCESS) && !building.length && !communication.length) return 'keine Angaben zur Barrierefreiheit';
  let access: string;
  if (has(AccessibilityFeature.STEP_FREE_ACCESS)) access = building.length ? `stufenlos zugänglich, mit ${list(building)}` : 'stufenlos zugänglich';
  else access = building.length ? `kein stufenloser Zugang angegeben; mit ${list(building)}` : 'keine Angaben zum Zugang';
  return communication.length ? `${access}; Kommunikation: ${communication.join(', ')}` : access;
}

/** A district as one names it: "Landkreis Meißen", "Erzgebirgskreis", "Stadt Dresden" (Leipzig is both). */
export interface DistrictName {
  name: string;
  /** 'Landkreis' or 'Kreisfreie Stadt' (the boundaries' kind) */
  kind: string;
}

const isCity = (d: DistrictName) => d.kind === 'Kreisfreie Stadt';

export function districtTitle(d: DistrictName): string {
  if (isCity(d)) return `Stadt ${d.name}`;
  return /kreis$/i.test(d.name) ? d.name : `Landkreis ${d.name}`;
}

/**
 * "im eigenen Landkreis (Meißen)", "in der eigenen Stadt (Dresden)", "außerhalb des eigenen
 * Landkreises (Stadt Dresden)", "außerhalb der eigenen Stadt (Landkreis Meißen)".
 */
export function districtPhrase(inOwnDistrict: boolean, participant: DistrictName | null, location: DistrictName | null): string {
  const city = participant ? isCity(participant) : false;
  if (inOwnDistrict) {
    const name = location ?? participant;
    return `${city ? 'in der eigenen Stadt' : 'im eigenen Landkreis'}${name ? ` (${name.name})` : ''}`;
  }
  return `${city ? 'außerhalb der eigenen Stadt' : 'außerhalb des eigenen Landkreises'} (${location ? districtTitle(location) : 'außerhalb Sachsens'})`;
}


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
  return {
    [MatchFactor.NEED_FIT]: `passt zu ${input.matchedNeedLabels.length} von ${input.requestedNeeds} Bedarfen: ${input.matchedNeedLabels.join(', ')}${kindPhrase(input)}`,
    [MatchFactor.TRAVEL_TIME]: input.comesToPerson ? `${comesPhrase(s)} – keine Anfahrt` : tripPhrase(input.travel, input.distanceMeters),
    [MatchFactor.CAPACITY]: capacity,
    [MatchFactor.FRESHNESS]: `Angaben zuletzt aktualisiert ${capacityAge}`,
    [MatchFactor.DISTRICT]: districtPhrase(input.inOwnDistrict, input.participantDistrict, input.locationDistrict),
    [MatchFactor.ACCESSIBILITY]: accessibilityPhrase(s.accessibility),
    [MatchFactor.LANGUAGE]: offered.length
      ? `auf ${offered.map(languageNameDe).join(', ')} möglich`
      : `nicht in den Sprachen der Person (angeboten: ${s.languages.map(languageNameDe).join(', ')})`,
    [MatchFactor.OUTREACH]: input.comesToPerson
      ? `${comesPhrase(s)}: das Einsatzgebiet umfasst den Wohnort`
      : s.deliveryModes.includes(DeliveryMode.OUTREACH) ? 'kommt auch zur Person (aufsuchend)' : 'nur vor Ort oder online',
  };
}

/** How a service reaches someone at home: outreach first ("kommt zu Ihnen (aufsuchend)"), else online. */
function comesPhrase(s: ListingFacts): string {
  return s.deliveryModes.includes(DeliveryMode.OUTREACH) ? 'kommt zu Ihnen (aufsuchend)' : 'online, von zu Hause aus';
}

/** " — Arztpraxis: Kardiologie (wie gewünscht)", " — Kurs (nicht die gewünschte Art)" */
function kindPhrase(input: ExplainInput): string {
  if (!input.kindLabel) return '';
  const preference = input.preferredKind === undefined ? '' : input.preferredKind ? ' (wie gewünscht)' : ' (nicht die gewünschte Art)';
  return ` — ${input.kindLabel}${preference}`;
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
