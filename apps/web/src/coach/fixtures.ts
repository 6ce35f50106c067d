import type { TargetCardFragment } from '../graphql/generated/graphql';

/** A target as the API returns it (fictitious), for component tests. */
export function targetFixture(overrides: Partial<TargetCardFragment> = {}, id = 's1'): TargetCardFragment {
  return {
    score: 0.82,
    distanceMeters: 12400,
    travelMinutes: 34.4,
    travelMode: 'PUBLIC_TRANSPORT',
    travelTimeEstimated: true,
    travelBasis: 'ESTIMATE',
    comesToPerson: false,
    preferredKind: false,
    phone: { label: 'Beratung Riesa', number: '03525 000 5678' },
    partnerKind: { labelDe: 'Kurs' },
    needMatches: [{ need: { code: 'musculoskeletal', labelDe: 'Muskel-Skelett-Erkrankungen' }, via: [] }],
    reasons: [
      { factor: 'TRAVEL_TIME', explanation: 'Ca. 34 Min. mit Bus/Bahn (geschätzt).', contribution: 0.2 },
      { factor: 'NEED_FIT', explanation: 'Deckt den Bedarf „Muskel-Skelett-Erkrankungen“ ab.', contribution: 0.4 },
    ],
    service: {
      id,
      name: 'Rückenschule (fiktiv)',
      description: 'Zehn Termine Rückentraining.',
      category: 'COURSE',
      deliveryModes: ['IN_PERSON'],
      accessibility: ['STEP_FREE_ACCESS'],
      languageNames: [{ code: 'de', nameDe: 'Deutsch' }],
      cost: { type: 'INSURER_SUBSIDISED', feeAmountEuro: null, note: null },
      capacity: { acceptingNewClients: true, freeSeats: 4, waitingDays: 7, updatedAt: '2026-11-20T10:00:00Z' },
      openingHours: [
        { weekday: 2, opensAt: '08:00', closesAt: '12:00' },
        { weekday: 2, opensAt: '13:00', closesAt: '16:00' },
        { weekday: 4, opensAt: '09:00', closesAt: '18:00' },
      ],
      sessions: [
        { id: 'old', startsOn: '2026-10-01', endsOn: '2026-11-01', weekday: 3, startTime: '17:00', endTime: '18:00', freeSeats: 0, seats: 12 },
        { id: 'next', startsOn: '2026-12-09', endsOn: '2027-02-10', weekday: 3, startTime: '17:00', endTime: '18:00', freeSeats: 4, seats: 12 },
      ],
      verification: { verifiedAt: '2026-09-15T08:00:00Z' },
      organization: { id: 'o1', name: 'Gesundheitsverein Riesa (fiktiv)', fictitious: true, phones: [{ label: 'Anmeldung', number: '03525 000 1234' }], email: 'info@verein.example', website: null },
    },
    location: { id: 'l1', name: null, street: 'Hauptstraße 1', postcode: '01589', town: 'Riesa', latitude: 51.3, longitude: 13.29 },
    ...overrides,
  };
}

/** Tuesday 1 December 2026, 10:00 in Berlin */
export const TUESDAY = new Date('2026-12-01T09:00:00Z');
