import { vi } from 'vitest';
import type { CoachReferralDetailFragment, CoachServiceQuery } from '../graphql/generated/graphql';

/** Fictitious referral data and a fake /graphql for the referral screens' component tests. */

export function serviceFixture(overrides: Partial<CoachServiceQuery['service']> = {}): CoachServiceQuery['service'] {
  return {
    id: 's1',
    name: 'Rückenschule (fiktiv)',
    description: 'Zehn Termine Rückentraining.',
    category: 'COURSE',
    deliveryModes: ['IN_PERSON'],
    accessibility: [],
    languageNames: [{ code: 'de', nameDe: 'Deutsch' }],
    needs: [
      { code: 'musculoskeletal', labelDe: 'Muskel-Skelett-Erkrankungen' },
      { code: 'physical_activity', labelDe: 'Bewegung' },
    ],
    cost: { type: 'FREE', feeAmountEuro: null, note: null },
    capacity: { acceptingNewClients: true, freeSeats: 3, waitingDays: null, updatedAt: '2026-11-20T10:00:00Z' },
    openingHours: [{ weekday: 2, opensAt: '08:00', closesAt: '12:00' }],
    sessions: [],
    verification: { verifiedAt: null },
    organization: { id: 'o1', name: 'Gesundheitsverein Riesa (fiktiv)', fictitious: true, phones: [{ label: 'Anmeldung', number: '03525 000 1234' }], email: null, website: null },
    locations: [
      { id: 'l1', name: null, street: 'Hauptstraße 1', postcode: '01589', town: 'Riesa', phones: [{ label: 'Kursanmeldung', number: '03525 000 5678' }] },
      { id: 'l2', name: 'Nebenstelle', street: 'Markt 2', postcode: '01662', town: 'Meißen', phones: [] },
    ],
    ...overrides,
  };
}

export const CODE = '7KQM-X4TB-9HZD';

export function referralFixture(overrides: Partial<CoachReferralDetailFragment> = {}): CoachReferralDetailFragment {
  return {
    id: 'r1',
    code: CODE,
    status: 'SENT',
    statusLabel: 'Gesendet',
    needs: ['musculoskeletal'],
    urgency: 'ROUTINE',
    urgencyLabel: 'Normal',
    stale: false,
    createdAt: '2026-11-30T09:00:00Z',
    updatedAt: '2026-11-30T09:00:00Z',
    sentAt: '2026-11-30T09:00:00Z',
    version: 1,
    target: { serviceId: 's1', serviceName: 'Rückenschule (fiktiv)', organizationName: 'Gesundheitsverein Riesa (fiktiv)', locationId: 'l1', locationAddress: 'Hauptstraße 1, 01589 Riesa' },
    coachContact: { displayName: 'Demo-Coach' },
    languages: ['uk'],
    contactRoute: 'PARTICIPANT_CALLS',
    contactRouteLabel: 'Die teilnehmende Person meldet sich beim Partner (mit dem Vermittlungscode)',
    note: null,
    reason: null,
    reasonLabel: null,
    reasonText: null,
    seenAt: null,
    closedAt: null,
    nextStatuses: ['WITHDRAWN'],
    consent: { scopes: ['SHARE_WITH_PARTNER', 'STATUS_FEEDBACK'], givenAt: '2026-11-30T09:00:00Z', withdrawnAt: null },
    history: [{ version: 1, occurredAt: '2026-11-30T09:00:00Z', fromStatus: null, toStatus: 'SENT', toStatusLabel: 'Gesendet', side: 'COACH', reason: null, reasonLabel: null, reasonText: null }],
    ...overrides,
  };
}

export interface Call {
  op: string;
  variables: any;
}

/**
 * Stubs fetch: answers each GraphQL operation by name — a body, or a function of the variables and
 * the number of earlier calls of that operation — and records every call.
 */
export function fakeApi(answers: Record<string, unknown | ((variables: any, n: number) => unknown)>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(init.body as string);
      const op = /(?:query|mutation) (\w+)/.exec(query)![1];
      const n = calls.filter((c) => c.op === op).length;
      calls.push({ op, variables });
      const answer = answers[op];
      const body = typeof answer === 'function' ? (answer as (v: any, n: number) => unknown)(variables, n) : (answer ?? { errors: [{ message: `no answer for ${op}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }),
  );
  return calls;
}

export const gqlError = (code: string, extensions: Record<string, unknown> = {}) => ({ errors: [{ message: code, extensions: { code, ...extensions } }] });
