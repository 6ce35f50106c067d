import { CourseSession, formatDateDe, OpeningHours } from '@lotse/catalogue';
import { berlinDate, berlinTime, berlinWeekday } from './scoring/clock';

/**
 * What a coach hands a participant about a target, worked out from the injected clock in
 * Europe/Berlin: today's opening hours, the next course run, when the listing was last verified.
 * Pure functions; the resolver loads the rows (one batched query per kind for a page).
 */

export const WEEKDAY_NAMES_DE = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const WEEKDAY_SHORT_DE = ['', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];

export interface OpeningToday {
  /** 'YYYY-MM-DD' in Germany */
  date: string;
  weekday: number;
  hours: { opensAt: string; closesAt: string }[];
  /** open at this moment */
  openNow: boolean;
  /** "heute (Mittwoch) 09:00–12:00 und 14:00–18:00", "heute (Samstag) geschlossen" */
  textDe: string;
}

export function openingToday(hours: readonly OpeningHours[], now: Date): OpeningToday {
  const weekday = berlinWeekday(now);
  const time = berlinTime(now);
  const today = hours.filter((h) => h.weekday === weekday).sort((a, b) => a.opensAt.localeCompare(b.opensAt));
  const ranges = today.map((h) => ({ opensAt: h.opensAt, closesAt: h.closesAt }));
  const day = `heute (${WEEKDAY_NAMES_DE[weekday]})`;
  let textDe: string;
  if (!hours.length) textDe = 'keine Öffnungszeiten angegeben';
  else if (!ranges.length) textDe = `${day} geschlossen`;
  else textDe = `${day} ${ranges.map((r) => `${r.opensAt}–${r.closesAt}`).join(' und ')}`;
  return { date: berlinDate(now), weekday, hours: ranges, openNow: ranges.some((r) => r.opensAt <= time && time < r.closesAt), textDe };
}

export interface NextSession extends Omit<CourseSession, 'serviceId' | 'id'> {
  /** "nächster Kurs ab Mo, 07.12.2026, 18:00–19:30, wöchentlich bis 01.02.2027; 4 von 12 Plätzen frei" */
  textDe: string;
}

/** The next run that has not started yet (today counts), earliest first; null when none is planned. */
export function nextSession(sessions: readonly CourseSession[], now: Date): NextSession | null {
  const today = berlinDate(now);
  const next = sessions.filter((s) => s.startsOn >= today).sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.startTime.localeCompare(b.startTime))[0];
  if (!next) return null;
  const seats = next.freeSeats === 0 ? 'ausgebucht' : `${next.freeSeats} von ${next.seats} ${next.seats === 1 ? 'Platz' : 'Plätzen'} frei`;
  const weekly = next.endsOn > next.startsOn ? `, wöchentlich bis ${formatDateDe(next.endsOn)}` : '';
  return {
    startsOn: next.startsOn, endsOn: next.endsOn, weekday: next.weekday, startTime: next.startTime, endTime: next.endTime,
    seats: next.seats, freeSeats: next.freeSeats,
    textDe: `nächster Kurs ab ${WEEKDAY_SHORT_DE[next.weekday]}, ${formatDateDe(next.startsOn)}, ${next.startTime}–${next.endTime}${weekly}; ${seats}`,
  };
}

/** "zuletzt geprüft am 12.11.2026", or that no coordinator has verified it yet. */
export function verificationDe(verifiedAt: Date | null): string {
  return verifiedAt ? `zuletzt geprüft am ${formatDateDe(berlinDate(verifiedAt))}` : 'noch nicht von der Koordination geprüft';
}

/** One line to hand over: "Tel. (Anmeldung) 03521 1234 · heute (Mittwoch) 09:00–12:00 · … · kostenfrei · zuletzt geprüft am …" */
export function handoverSentence(parts: { phone: { number: string; label: string } | null; today: OpeningToday; session: NextSession | null; cost: string; verification: string; comesToPerson: 'outreach' | 'online' | null }): string {
  const out: string[] = [];
  if (parts.phone) out.push(`Tel. (${parts.phone.label}) ${parts.phone.number}`);
  if (parts.comesToPerson === 'outreach') out.push('kommt zu Ihnen (aufsuchend)');
  if (parts.comesToPerson === 'online') out.push('online, von zu Hause aus');
  if (parts.session) out.push(parts.session.textDe);
  else out.push(parts.today.textDe);
  out.push(parts.cost, parts.verification);
  return out.join(' · ');
}
