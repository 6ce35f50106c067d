import { costPhraseDe, CostType, formatEuro } from '@lotse/catalogue';
import { handoverSentence, nextSession, openingToday, verificationDe } from './handover';

// Wednesday 2 December 2026, 10:30 in Berlin (09:30 UTC, winter time)
const NOW = new Date('2026-12-02T09:30:00Z');
const session = (startsOn: string, endsOn: string, freeSeats: number, startTime = '18:00') =>
  ({ id: startsOn, serviceId: 's', startsOn, endsOn, weekday: 1, startTime, endTime: '19:30', seats: 12, freeSeats });

describe('what a coach hands over', () => {
  it("says today's opening hours in Berlin and whether it is open now", () => {
    const hours = [{ serviceId: 's', weekday: 3, opensAt: '14:00', closesAt: '18:00' }, { serviceId: 's', weekday: 3, opensAt: '09:00', closesAt: '12:00' }, { serviceId: 's', weekday: 1, opensAt: '08:00', closesAt: '12:00' }];
    expect(openingToday(hours, NOW)).toEqual({
      date: '2026-12-02', weekday: 3, hours: [{ opensAt: '09:00', closesAt: '12:00' }, { opensAt: '14:00', closesAt: '18:00' }], openNow: true,
      textDe: 'heute (Mittwoch) 09:00–12:00 und 14:00–18:00',
    });
    // 23:30 UTC on Wednesday is already Thursday in Berlin
    expect(openingToday(hours, new Date('2026-12-02T23:30:00Z'))).toMatchObject({ weekday: 4, openNow: false, textDe: 'heute (Donnerstag) geschlossen' });
    expect(openingToday([], NOW).textDe).toBe('keine Öffnungszeiten angegeben');
  });

  it('names the next course run that has not started, with its free seats', () => {
    const runs = [session('2026-11-23', '2027-01-18', 3), session('2027-01-11', '2027-03-08', 0), session('2026-12-07', '2027-02-01', 4)];
    expect(nextSession(runs, NOW)).toMatchObject({ startsOn: '2026-12-07', freeSeats: 4, textDe: 'nächster Kurs ab Mo, 07.12.2026, 18:00–19:30, wöchentlich bis 01.02.2027; 4 von 12 Plätzen frei' });
    expect(nextSession([session('2026-12-02', '2026-12-02', 0)], NOW)!.textDe).toBe('nächster Kurs ab Mo, 02.12.2026, 18:00–19:30; ausgebucht');
    expect(nextSession([session('2026-11-23', '2027-01-18', 3)], NOW)).toBeNull();
  });

  it('words the cost and the verification', () => {
    expect(costPhraseDe({ type: CostType.FREE, feeAmountEuro: null })).toBe('kostenfrei');
    expect(costPhraseDe({ type: CostType.INSURER_SUBSIDISED, feeAmountEuro: null })).toBe('Krankenkasse bezuschusst');
    expect(costPhraseDe({ type: CostType.INSURER_SUBSIDISED, feeAmountEuro: 90 })).toBe('Krankenkasse bezuschusst (Kursgebühr 90 €)');
    expect(costPhraseDe({ type: CostType.FEE, feeAmountEuro: 40 })).toBe('Gebühr 40 €');
    expect(formatEuro(12.5)).toBe('12,50 €');
    expect(verificationDe(new Date('2026-11-11T23:30:00Z'))).toBe('zuletzt geprüft am 12.11.2026');
    expect(verificationDe(null)).toBe('noch nicht von der Koordination geprüft');
  });

  it('puts it in one line', () => {
    const today = openingToday([{ serviceId: 's', weekday: 3, opensAt: '09:00', closesAt: '12:00' }], NOW);
    expect(handoverSentence({ phone: { number: '+49 3521 0000 123', label: 'Anmeldung' }, today, session: null, cost: 'kostenfrei', verification: verificationDe(null), comesToPerson: 'outreach' }))
      .toBe('Tel. (Anmeldung) +49 3521 0000 123 · kommt zu Ihnen (aufsuchend) · heute (Mittwoch) 09:00–12:00 · kostenfrei · noch nicht von der Koordination geprüft');
  });
});
