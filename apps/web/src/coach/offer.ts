import type { TargetCardFragment } from '../graphql/generated/graphql';
import { formatCost, formatDate, formatHours, formatNumber, t } from '../texts';
import type { ShortlistEntry } from './shortlist';

/** What the card, the map and the hand-out say about one target; `now` is injected for tests. */

function berlinParts(now: Date): { weekday: number; date: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { weekday, date: `${get('year')}-${get('month')}-${get('day')}` };
}

/** "08:00–12:00, 13:00–16:00", or undefined when closed today */
export function todaysHours(hours: TargetCardFragment['service']['openingHours'], now: Date): string | undefined {
  const { weekday } = berlinParts(now);
  const today = hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  return today.length ? today.map((h) => `${h.opensAt}–${h.closesAt}`).join(', ') : undefined;
}

type Session = TargetCardFragment['service']['sessions'][number];

/** the next run that has not ended, earliest start first */
export function nextSession(sessions: Session[], now: Date): Session | undefined {
  const { date } = berlinParts(now);
  return [...sessions].filter((s) => s.endsOn >= date).sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
}

export function sessionText(s: Session): string {
  return t.card.session(formatDate(s.startsOn), formatDate(s.endsOn), t.weekdays[s.weekday] ?? '', `${s.startTime}–${s.endTime}`, s.freeSeats);
}

export function travelText(target: Pick<TargetCardFragment, 'travelMinutes' | 'travelMode' | 'travelTimeEstimated' | 'comesToPerson'>): string {
  if (target.comesToPerson) return t.card.comesToPerson;
  return `${t.card.travelMinutes(target.travelMinutes, t.modes[target.travelMode] ?? '')} (${target.travelTimeEstimated ? t.card.estimated : t.card.timetable})`;
}

type NeedMatch = TargetCardFragment['needMatches'][number];

/** "Psychische Gesundheit (über Psychotherapie)": the requested need, and the narrower needs it is answered through, if any */
export function needMatchText(m: NeedMatch): string {
  return t.card.needVia(m.need.labelDe, m.via.map((v) => v.labelDe));
}

/** how the target answers this requested need, or just the need's name when it does not list it */
export function needText(target: Pick<TargetCardFragment, 'needMatches'>, need: { code: string; labelDe: string }): string {
  const m = target.needMatches.find((x) => x.need.code === need.code);
  return m ? needMatchText(m) : need.labelDe;
}

export function distanceText(meters: number): string {
  return t.card.distance(formatNumber(meters / 1000, 1));
}

export function addressOf(location: TargetCardFragment['location']): string {
  return `${location.street}, ${location.postcode} ${location.town}`;
}

/**
 * The location's own labelled phone, which the API names for each target; the organisation's numbers
 * only where the location has none (an organisation may list numbers of several towns).
 */
export function phonesOf(target: TargetCardFragment): string[] {
  const phones = target.phone ? [target.phone] : target.service.organization.phones;
  return phones.map((p) => (p.label ? `${p.label}: ${p.number}` : p.number));
}

export function entryKey(target: TargetCardFragment): string {
  return `${target.service.id}@${target.location.id}`;
}

/** the shortlist entry: facts about the offer only, nothing about the participant */
export function shortlistEntryOf(target: TargetCardFragment, now: Date = new Date()): ShortlistEntry {
  const next = nextSession(target.service.sessions, now);
  return {
    key: entryKey(target),
    serviceName: target.service.name,
    organizationName: target.service.organization.name,
    address: addressOf(target.location),
    phones: phonesOf(target),
    email: target.service.organization.email,
    website: target.service.organization.website,
    hours: formatHours(target.service.openingHours),
    nextCourse: next ? sessionText(next) : undefined,
    cost: formatCost(target.service.cost),
    travel: travelText(target),
    fictitious: target.service.organization.fictitious,
    addedAt: now.toISOString(),
  };
}

type ServiceForEntry = {
  id: string;
  name: string;
  cost: { type: string; feeAmountEuro?: number | null; note?: string | null };
  openingHours: { weekday: number; opensAt: string; closesAt: string }[];
  sessions: Session[];
  organization: { name: string; fictitious: boolean; email?: string | null; website?: string | null; phones: { label?: string | null; number: string }[] };
  locations: { id: string; street: string; postcode: string; town: string; phones?: { label?: string | null; number: string }[] }[];
};

/** the shortlist entry of a service at one of its locations (from a service page or a referral) */
export function shortlistEntryOfService(service: ServiceForEntry, locationId: string, now: Date = new Date()): ShortlistEntry | undefined {
  const location = service.locations.find((l) => l.id === locationId);
  if (!location) return undefined;
  const next = nextSession(service.sessions, now);
  const phones = location.phones?.length ? location.phones : service.organization.phones;
  return {
    key: `${service.id}@${location.id}`,
    serviceName: service.name,
    organizationName: service.organization.name,
    address: `${location.street}, ${location.postcode} ${location.town}`,
    phones: phones.map((p) => (p.label ? `${p.label}: ${p.number}` : p.number)),
    email: service.organization.email,
    website: service.organization.website,
    hours: formatHours(service.openingHours),
    nextCourse: next ? sessionText(next) : undefined,
    cost: formatCost(service.cost),
    travel: t.shortlist.travelUnknown,
    fictitious: service.organization.fictitious,
    addedAt: now.toISOString(),
  };
}
